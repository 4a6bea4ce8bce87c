import type { ComplaintOutcome, ComplaintWorkflowInput } from '@aso/contracts';
import {
  type ComplaintCommand,
  type ComplaintEvent,
  type ComplaintState,
  complaintWorkItems,
  decideComplaint,
  evolveComplaint,
} from '@aso/domain';
import { actorOf } from '../shared/actor';
import { type CaseDefinition, type CaseScope, caseSetupOf } from '../shared/case-definition';
import { CaseRuntime } from '../shared/case-runtime';
import { isPatched } from '../shared/patches';
import { ClosingClockWatch } from './closing-clock.watch';
import { ComplaintChildren } from './complaint.children';
import { CustomerNotices } from './customer-notices';
import { parseComplaintCommand } from './complaint.commands';
import { complaintOutcome, complaintSnapshot, complaintView } from './complaint.projection';
import { type ComplaintRecordOptions, complaintRecords } from './complaint.records';

/** C39 (001 §25.1): the complaint form is created at intake (cases started before: at the proposal). */
export const COMPLAINT_FORM_AT_INTAKE = 'complaint-form-at-intake';
/** C33: customer notices at acceptance and each stage change (cases started before: none). */
export const COMPLAINT_CUSTOMER_NOTICES = 'complaint-customer-notices';

export { RECORD_REPAIR_COMPLETED } from '@aso/domain';

type Complaint = CaseDefinition<'complaint', ComplaintState, ComplaintEvent, ComplaintCommand>;

/**
 * The complaint case, DOMAIN.md §1 (001 §21–29). The state is the domain's ComplaintState, built
 * only by decideComplaint/evolveComplaint; the case runtime (shared/case-runtime.ts) turns the
 * domain's work items into tasks with their deadlines and escalations on the pinned policy's
 * business calendar and writes read models, documents and audit events. What is the complaint's
 * own: the 6-day closing clock (001 §26.1) and its child cases (001 §29).
 */
export async function complaint(input: ComplaintWorkflowInput): Promise<ComplaintOutcome> {
  let closing!: ClosingClockWatch;
  const records: ComplaintRecordOptions = {};
  const c = new CaseRuntime(
    'complaint',
    // 5. Policy pinning: the snapshot in the input is the only policy this case ever uses.
    caseSetupOf(input, input.reportedAt),
    (scope) => {
      closing = new ClosingClockWatch(scope);
      return complaintCase(input, scope, closing, records);
    },
  );
  // after the clock's marker (the runtime's first command), before the opening write
  records.formAtIntake = isPatched(COMPLAINT_FORM_AT_INTAKE);
  records.customerNotices = isPatched(COMPLAINT_CUSTOMER_NOTICES);

  // 1. Intake by sales (001 §25.1).
  await c.open(
    {
      type: 'ReportComplaint',
      actor: actorOf(input.reportedBy),
      caseNumber: input.caseNumber,
      intake: input.intake,
    },
    new Date(input.reportedAt),
  );

  // 2–10. CS registers, R&D investigates, the VP reviews, CS proposes, approvers sign, sales
  // relays the decision, the execution runs (child cases among it), CS closes: every step is a
  // task the domain's work items ask for; the loop waits for people, deadlines and children.
  const closed = await c.run(new ComplaintChildren(input, c));
  return complaintOutcome(closed, closing.status());
}

/** The complaint as the runtime runs it: the domain's rules plus the complaint's deadlines. */
function complaintCase(
  input: ComplaintWorkflowInput,
  scope: CaseScope<'complaint'>,
  closing: ClosingClockWatch,
  recordOptions: ComplaintRecordOptions,
): Complaint {
  const { policy } = scope;
  const notices = new CustomerNotices(scope, closing);
  return {
    caseType: 'complaint',
    storeId: input.storeId,
    // DOMAIN.md §5: the follow-up call after the close is about the complaint's customer.
    followUpSubject: () => ({
      parentCaseType: 'complaint',
      customer: { name: input.customer.name, phone: input.customer.phone },
    }),
    decide: (s, command, now) => decideComplaint(s, command, now, policy),
    evolve: evolveComplaint,
    parseCommand: parseComplaintCommand,
    workItems: (s) => complaintWorkItems(s, policy),
    taskOptions: (item, s) => {
      const decisions = policy.complaint.decisions;
      // Decision 2 (policy v2): the 6 days end with the concluded form; closing after execution
      // and improvement has its own deadline.
      if (item.stage === 'close' && decisions) return { override: decisions.closeTaskWithin.value };
      // 001 §26.1 (v1): the closing task is due when the closing clock runs out.
      if (item.stage === 'close') {
        const due = closing.status();
        return {
          fixedDue: {
            due: due.dueAt === null ? null : new Date(due.dueAt),
            provisional: due.dueProvisional,
          },
        };
      }
      // 000 §三.6: the 24 h first response (and a store customer's 48 h result) count from the
      // report itself.
      if (item.stage === 'storeResult')
        return { start: s.reportedAt, override: s.formDeadlines.storeResult };
      if (item.stage === 'firstResponse')
        return { start: s.reportedAt, override: s.formDeadlines.firstResponse };
      // 001 §25.2: a department deadline CS set on the form overrides the policy default.
      return { override: s.formDeadlines[item.stage] };
    },
    // 001 §26.1: CS acceptance starts the closing clock; waiting for the customer pauses it.
    onChange: (s, now) => {
      closing.sync(s, now);
      // C33: after the clock, so the acceptance notice can say when the case is due
      if (recordOptions.customerNotices) notices.sync(s, now);
    },
    records: (e, s) => complaintRecords(e, s, input.caseNumber, recordOptions),
    done: (s) => s.status === 'closed',
    doneReason: 'case closed',
    view: (s) => complaintView(s, closing.status()),
    snapshot: (s, board, version) =>
      complaintSnapshot(
        input,
        s,
        { ...closing.status(), overdue: closing.overdue },
        board,
        version,
      ),
  };
}
