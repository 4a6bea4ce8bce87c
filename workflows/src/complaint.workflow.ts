import {
  ApplicationFailure,
  allHandlersFinished,
  condition,
  proxyActivities,
  proxyLocalActivities,
  setHandler,
  startChild,
} from '@temporalio/workflow';
import {
  type CaseActivities,
  type CaseActor,
  type CaseSnapshot,
  type ClosingClockView,
  type ComplaintCaseView,
  type ComplaintOutcome,
  type ComplaintTaskCommand,
  type ComplaintWorkflowInput,
  type CompleteTaskInput,
  type ReturnOutcome,
  type ReturnWorkflowInput,
  caseViewQuery,
  completeTaskUpdate,
} from '@aso/contracts';
import {
  type Actor,
  BusinessCalendar,
  type ComplaintCommand,
  type ComplaintEvent,
  type ComplaintStage,
  type ComplaintState,
  complaintStageOf,
  complaintWorkItems,
  decideComplaint,
  defaultHolidayTables,
  dueOf,
  evolveComplaint,
  isPaused,
  ledgerStatus,
  openLedger,
  pauseLedger,
  resumeLedger,
  stopLedger,
  type WorkItem,
} from '@aso/domain';
import { CaseClock } from './shared/clock';
import { DocumentBook } from './shared/documents';
import { Recorder } from './shared/recorder';
import { refusal, refusalOf } from './shared/refusal';
import { ACKNOWLEDGE_ESCALATION, type Clock, TaskBoard } from './shared/task-board';
import { registerTaskHandlers } from './shared/task-handlers';
import { returnCase } from './return.workflow';

const activities = proxyActivities<CaseActivities>({
  startToCloseTimeout: '30 seconds',
  retry: { initialInterval: '1 second', maximumInterval: '1 minute' },
});
// Read-model and audit writes are short and idempotent: as a local activity they run in the
// worker without a server round trip per write (and are retried like any activity).
const writes = proxyLocalActivities<Pick<CaseActivities, 'recordChanges'>>({
  startToCloseTimeout: '30 seconds',
  retry: { initialInterval: '200 milliseconds', maximumInterval: '30 seconds' },
});

const SYSTEM = { userId: 'system' } as const;

/** The repair hand-off's command (the domain's; kept here for importers). */
export { RECORD_REPAIR_COMPLETED } from '@aso/domain';

type Prepared = { taskId: string; events: ComplaintEvent[] };

/**
 * The complaint case, DOMAIN.md §1 (001 §21–29). The state is the domain's ComplaintState,
 * built only by decideComplaint/evolveComplaint; this function wires what the domain cannot do
 * itself: human tasks derived from the state (complaintWorkItems), their deadlines and
 * escalations on the pinned policy's business calendar, the 6-day closing clock (001 §26.1),
 * child cases, and the writes of read models, documents and audit events.
 */
export async function complaint(input: ComplaintWorkflowInput): Promise<ComplaintOutcome> {
  // 5. Policy pinning: the snapshot in the input is the only policy this case ever uses.
  const policy = input.policy;
  const clock: CaseClock = new CaseClock(Date.parse(input.reportedAt), (run) =>
    recorder.serial(run),
  );
  const calendar = new BusinessCalendar(
    policy.calendar,
    input.holidayTables ?? defaultHolidayTables,
  );
  const caseNumber = input.caseNumber;

  let state: ComplaintState | null = null;
  let changes = 0;
  let closing: Clock | null = null;
  const childCaseNumbers: string[] = [];
  let childStarting = false;
  let childResult: { childCaseNumber: string; outcome: ReturnOutcome } | null = null;
  let childFailure: unknown = null;

  const recorder: Recorder = new Recorder(
    writes,
    { organisationId: input.organisationId, caseNumber, policyVersion: policy.version },
    (version) => snapshot(version),
    () => clock.at(),
  );
  const board = new TaskBoard({ caseNumber, caseType: 'complaint', policy, calendar }, recorder);
  const documents = new DocumentBook(recorder, {
    organisationId: input.organisationId,
    caseNumber,
  });

  const current = (): ComplaintState => {
    if (!state) throw ApplicationFailure.nonRetryable(`complaint ${caseNumber} has no state`);
    return state;
  };

  // ── 1. Intake by sales (001 §25.1) ──────────────────────────────────────────────────────
  const reported = decideComplaint(
    null,
    { type: 'ReportComplaint', actor: actorOf(input.reportedBy), caseNumber, intake: input.intake },
    new Date(input.reportedAt),
    policy,
  );
  if (!reported.ok)
    throw ApplicationFailure.create({
      type: reported.error.code,
      message: reported.error.message,
      details: [reported.error.details],
      nonRetryable: true,
    });
  record(reported.events);
  afterChange(clock.at()); // the opening time the start input records

  // ── queries and updates ─────────────────────────────────────────────────────────────────
  // Registered once the intake made the first tasks: the SDK hands an update that came with the
  // first workflow task to its handler as soon as it is set, so an earlier registration would
  // validate it against an empty board (seen under chaos: TASK_NOT_FOUND).
  setHandler(caseViewQuery, (): ComplaintCaseView => view());
  registerTaskHandlers(board, recorder, () => (changes += 1), clock);
  setHandler(
    completeTaskUpdate,
    async (req) => {
      const now = await clock.now(`task:${req.taskId} complete`);
      const prepared = prepare(req, now); // again: an earlier handler may have moved the case on
      record(prepared.events);
      board.complete(prepared.taskId, req.actor.userId, now, {
        command: req.command.type,
        comment: req.comment ?? null,
        events: prepared.events.map((e) => e.type),
      });
      afterChange(now);
      await recorder.flush();
      return {
        taskId: prepared.taskId,
        events: prepared.events.map((e) => e.type),
        status: current().status,
      };
    },
    { validator: (req) => void prepare(req, new Date()) },
  );

  await recorder.flush();

  // ── 2–10. Wait for people, deadlines and children until the case is closed ───────────────
  let timedOut = false; // woken by a deadline (a timer history records), not by a change
  while (current().status !== 'closed') {
    const now =
      timedOut || childResult !== null || childFailure !== null
        ? await clock.now(timedOut ? 'deadlines' : 'child finished')
        : clock.at(); // the time of the change that woke the loop
    board.checkDeadlines(now);
    if (childFailure !== null) throw childFailure;
    const finished = childResult as { childCaseNumber: string; outcome: ReturnOutcome } | null;
    if (finished !== null) {
      const { childCaseNumber, outcome } = finished;
      childResult = null;
      system(
        {
          type: 'RecordChildCaseCompleted',
          actor: SYSTEM,
          childCaseNumber,
          outcome: outcome.outcome,
        },
        now,
      );
    }
    if (needsChild() && !childStarting) await startExecutionChild();
    await recorder.flush();
    const seen = changes;
    const wake = board.nextWakeMs(new Date());
    const woken = () =>
      changes !== seen ||
      childResult !== null ||
      childFailure !== null ||
      current().status === 'closed' ||
      (needsChild() && !childStarting);
    if (wake === null) {
      await condition(woken);
      timedOut = false;
    } else timedOut = !(await condition(woken, Math.max(1, wake - Date.now())));
  }

  await condition(allHandlersFinished);
  await recorder.flush();
  const closed = current();
  return {
    caseNumber,
    status: closed.status,
    closedAt: iso(closed.closedAt),
    closedOnTime: closingClock().onTime,
  };

  // ── helpers ─────────────────────────────────────────────────────────────────────────────

  /** Validate a completeTask request: task access, command ∈ task, then the domain's decision. */
  function prepare(req: CompleteTaskInput, now: Date): Prepared {
    const task = board.get(req.taskId);
    board.assertMayWork(task, req.actor);
    const type = typeof req.command?.type === 'string' ? req.command.type : null;
    if (type === null || !task.commands.includes(type)) {
      throw refusal(
        'COMMAND_INVALID',
        `Task ${task.taskId} (${task.type}) is completed by ${task.commands.join(' or ')}`,
        {
          taskId: task.taskId,
          command: type,
          accepted: task.commands,
        },
      );
    }
    if (type === ACKNOWLEDGE_ESCALATION) return { taskId: task.taskId, events: [] };
    const s = current();
    const given = req.command as ComplaintTaskCommand;
    let command = { ...given, actor: actorOf(req.actor) } as ComplaintCommand;
    // The approver's own limit comes from who they are (the API vouches for it), never from the payload.
    if (command.type === 'ApproveResolution')
      command = { ...command, personalLimitFen: req.actor.approvalLimitFen ?? null };
    const decision = decideComplaint(s, command, now, policy);
    if (!decision.ok) throw refusalOf(decision.error);
    return { taskId: task.taskId, events: decision.events };
  }

  /** A command of the workflow itself (child results); a refusal here is a bug, not a user error. */
  function system(command: Extract<ComplaintCommand, { actor: typeof SYSTEM }>, now: Date): void {
    const decision = decideComplaint(current(), command, now, policy);
    if (!decision.ok)
      throw ApplicationFailure.create({
        type: decision.error.code,
        message: decision.error.message,
        details: [decision.error.details],
        nonRetryable: true,
      });
    record(decision.events);
    afterChange(now);
  }

  /** Fold events into the state; audit each, with the approval explanations and documents it implies. */
  function record(events: ComplaintEvent[]): void {
    for (const event of events) {
      state = evolveComplaint(state, event);
      recorder.audit(`complaint.${event.type}`, event.by, event.at, { ...event });
      sideEffects(event, state);
    }
  }

  function sideEffects(e: ComplaintEvent, s: ComplaintState): void {
    const rev = s.revisions[s.revisions.length - 1];
    const form = (status: string, sign?: { by: string; role: string }) =>
      rev &&
      documents.update('complaint_form', caseNumber, rev.revision, e.by, e.at, (d) => {
        d.status = status;
        if (sign) d.signatures.push({ ...sign, at: new Date(e.at).toISOString() });
      });
    const approval = (action: string, explanation: unknown, data: Record<string, unknown>) =>
      recorder.audit('approval.signed', e.by, e.at, { action, ...data, explanation });
    switch (e.type) {
      case 'InvestigationReportApproved':
        approval(
          'investigation_report',
          s.approvalRoutes.investigation_report?.explanation ?? null,
          {
            remarks: e.remarks,
          },
        );
        break;
      case 'InvestigationReportReturned':
        recorder.audit('approval.sent_back', e.by, e.at, {
          action: 'investigation_report',
          reason: e.reason,
          explanation: s.approvalRoutes.investigation_report?.explanation ?? null,
        });
        break;
      case 'ResolutionProposed': {
        // 001 §25.5: a rejected decision is re-filed as a new revision linked to the original.
        const r = e.revision;
        documents.create(
          {
            docType: 'complaint_form',
            docNumber: caseNumber,
            revision: r.revision,
            supersedesRevision: r.supersedes,
            status: 'proposed',
            content: {
              reason: r.reason,
              responsibleUnit: r.responsibleUnit,
              responsiblePersons: r.responsiblePersons,
              method: r.method,
              trackImprovement: r.trackImprovement,
              humanNegligence: r.humanNegligence,
              loss: r.loss,
              penalties: r.penalties,
              approvedReturnQuantity: r.approvedReturnQuantity,
              notes: r.notes,
              approvalRoute: r.route.steps,
            },
            distribution: [{ department: 'cs', copy: 1 }],
            signatures: [{ by: e.by, role: 'proposer', at: new Date(e.at).toISOString() }],
          },
          e.by,
          e.at,
        );
        break;
      }
      case 'ResolutionApprovalSigned':
        approval('handling_decision', rev?.route.explanation ?? null, {
          revision: e.revision,
          stepIndex: e.stepIndex,
          role: e.role,
        });
        form('approving', { by: e.by, role: e.role });
        break;
      case 'ResolutionApproved':
        form('approved');
        break;
      case 'ResolutionSentBack':
        recorder.audit('approval.sent_back', e.by, e.at, {
          action: 'handling_decision',
          revision: e.revision,
          stepIndex: e.stepIndex,
          reason: e.reason,
          explanation: rev?.route.explanation ?? null,
        });
        form('sent_back');
        break;
      case 'CustomerAccepted':
        form('accepted_by_customer');
        break;
      case 'CustomerRejected':
        form('rejected_by_customer');
        break;
      case 'DiscountCertificateIssued':
        documents.create(
          {
            docType: 'discount_certificate',
            docNumber: e.certificateNumber,
            revision: 1,
            supersedesRevision: null,
            status: 'issued',
            content: {
              amountFen: e.amountFen,
              complaintRevision: rev?.revision ?? null,
              customerName: s.intake.customerName,
              orderNumber: s.intake.orderNumber,
            },
            signatures: [{ by: e.by, role: 'issuer', at: new Date(e.at).toISOString() }],
          },
          e.by,
          e.at,
        );
        break;
      case 'DiscountCertificateSigned':
        approval(
          'discount_certificate',
          s.approvalRoutes.discount_certificate?.explanation ?? null,
          {
            certificateNumber: e.certificateNumber,
          },
        );
        certificate(e.certificateNumber, 'signed_by_sales_vp', { by: e.by, role: 'sales_vp' });
        break;
      case 'DiscountCertificateCustomerSigned':
        certificate(e.certificateNumber, 'signed_by_customer', {
          by: s.intake.customerName,
          role: 'customer',
        });
        break;
      case 'DiscountCertificateBooked':
        // 001 §29.1(1): one copy stays with sales, one goes to finance, which books it.
        documents.update('discount_certificate', e.certificateNumber, 1, e.by, e.at, (d) => {
          d.status = 'booked';
          d.distribution = e.copies.map((c) => ({ department: c.holder, copy: c.copy }));
          d.signatures.push({ by: e.by, role: 'finance', at: new Date(e.at).toISOString() });
        });
        break;
      case 'PetitionFiled':
        documents.create(
          {
            docType: 'petition',
            docNumber: `${caseNumber}-P1`,
            revision: 1,
            supersedesRevision: null,
            status: 'filed',
            content: {
              reason: e.reason,
              to: e.route.steps.map((st) => ({ role: st.role, department: st.department ?? null })),
            },
            distribution: [{ department: 'sales', copy: 1 }],
            signatures: [{ by: e.by, role: 'petitioner', at: new Date(e.at).toISOString() }],
          },
          e.by,
          e.at,
        );
        break;
      case 'PetitionDecided':
        approval('petition', s.approvalRoutes.petition?.explanation ?? null, {
          decision: e.decision,
          remarks: e.remarks,
        });
        documents.update('petition', `${caseNumber}-P1`, 1, e.by, e.at, (d) => {
          d.status = `decided_${e.decision}`;
          d.signatures.push({ by: e.by, role: 'superior', at: new Date(e.at).toISOString() });
        });
        break;
      case 'ChildCaseStarted':
        if (!childCaseNumbers.includes(e.childCaseNumber)) childCaseNumbers.push(e.childCaseNumber);
        break;
      case 'InvestigationReportSubmitted':
      case 'ComplaintReported':
      case 'FirstResponseRecorded':
      case 'ComplaintRegistered':
      case 'SevereReviewRequested':
      case 'SevereReviewCompleted':
      case 'ExecutionStarted':
      case 'ChildCaseRequested':
      case 'ChildCaseCompleted':
      case 'ReceivableCollected':
      case 'ResupplyShipped':
      case 'ExecutionCompleted':
      case 'ImprovementConfirmed':
      case 'ComplaintClosed':
      case 'FollowUpRequested':
        break;
    }
    function certificate(number: string, status: string, sign: { by: string; role: string }) {
      documents.update('discount_certificate', number, 1, e.by, e.at, (d) => {
        d.status = status;
        d.signatures.push({ ...sign, at: new Date(e.at).toISOString() });
      });
    }
  }

  /** After any change: the closing clock, then the tasks the new state needs. */
  function afterChange(now: Date): void {
    const s = current();
    syncClosingClock(s, now);
    const closingDue = closing ? dueOf(closing.ledger, calendar) : null;
    board.reconcile(workItems(s), now, (item) => {
      if (item.stage === 'close')
        return {
          fixedDue: {
            due: closingDue ? new Date(closingDue.ms) : null,
            provisional: closingDue?.provisional ?? false,
          },
        };
      // 000 §三.6: the 24 h first response counts from the report itself.
      if (item.stage === 'firstResponse')
        return { start: s.reportedAt, override: s.formDeadlines.firstResponse };
      // 001 §25.2: a department deadline CS set on the form overrides the policy default.
      return { override: s.formDeadlines[item.stage] };
    });
    if (s.status === 'closed') board.cancelAll(now, 'case closed');
    changes += 1;
  }

  function workItems(s: ComplaintState): WorkItem<ComplaintStage>[] {
    return complaintWorkItems(s, policy);
  }

  /**
   * 001 §26.1: acceptance by CS starts the 6-day closing clock. While the case waits for the
   * customer's answer the clock is paused ('waiting_for_customer'): the policy has no switch for
   * this, so it always pauses — the customer's silence is not the company's delay.
   */
  function syncClosingClock(s: ComplaintState, now: Date): void {
    if (!closing && s.acceptedAt !== null) {
      closing = {
        id: 'closing',
        stage: 'close',
        ledger: openLedger(policy, 'complaint', 'close', s.acceptedAt, s.formDeadlines.close),
        overdue: false,
        level: 0,
        taskId: null,
      };
      board.watch(closing);
      const due = dueOf(closing.ledger, calendar);
      recorder.audit('closing_clock.started', 'system', s.acceptedAt, {
        dueAt: due ? new Date(due.ms).toISOString() : null,
        basis: policy.deadlines.complaint.close.basis,
      });
    }
    if (!closing || closing.ledger.stoppedAt !== null) return;
    const ledger = closing.ledger;
    if (s.status === 'closed') {
      closing.ledger = stopLedger(ledger, s.closedAt ?? now.getTime());
      recorder.audit('closing_clock.stopped', 'system', now, { onTime: closingClock().onTime });
    } else if (s.status === 'awaiting_customer' && !isPaused(ledger)) {
      closing.ledger = pauseLedger(ledger, now, 'waiting_for_customer');
      recorder.audit('closing_clock.paused', 'system', now, { reason: 'waiting_for_customer' });
    } else if (s.status !== 'awaiting_customer' && isPaused(ledger)) {
      closing.ledger = resumeLedger(ledger, now);
      const due = dueOf(closing.ledger, calendar);
      recorder.audit('closing_clock.resumed', 'system', now, {
        dueAt: due ? new Date(due.ms).toISOString() : null,
      });
    }
  }

  function closingClock(): ClosingClockView {
    const s = current();
    if (!closing)
      return {
        startedAt: null,
        dueAt: null,
        dueProvisional: false,
        closedAt: iso(s.closedAt),
        onTime: null,
      };
    const due = dueOf(closing.ledger, calendar);
    const onTime =
      closing.ledger.stoppedAt === null
        ? null
        : !ledgerStatus(closing.ledger, calendar, closing.ledger.stoppedAt).overdue;
    return {
      startedAt: iso(closing.ledger.startedAt),
      dueAt: due ? new Date(due.ms).toISOString() : null,
      dueProvisional: due?.provisional ?? false,
      closedAt: iso(s.closedAt),
      onTime,
    };
  }

  function needsChild(): boolean {
    const s = current();
    return (
      s.status === 'executing' &&
      s.execution?.kind === 'child_case' &&
      s.execution.childCaseNumber === null
    );
  }

  /**
   * 001 §29: return/rework/exchange → a return case (type 2) as a child with a `TH` number;
   * repair → a reserved `WX` number and a CS hand-off task (see RECORD_REPAIR_COMPLETED).
   */
  async function startExecutionChild(): Promise<void> {
    const s = current();
    const ob = s.execution;
    const rev = s.revisions[s.revisions.length - 1];
    if (ob?.kind !== 'child_case' || !rev) return;
    childStarting = true;
    const at = (await clock.now('child number')).toISOString();
    if (ob.childType === 'repair') {
      const number = await activities.allocateCaseNumber({ prefix: 'WX', at });
      system(
        { type: 'RecordChildCaseStarted', actor: SYSTEM, childCaseNumber: number },
        await clock.now('child started'),
      );
      return;
    }
    const number = await activities.allocateCaseNumber({ prefix: 'TH', at });
    const childInput: ReturnWorkflowInput = {
      organisationId: input.organisationId,
      storeId: input.storeId,
      caseNumber: number,
      parentCaseNumber: caseNumber,
      openedAt: at,
      openedBy: input.reportedBy,
      approvedQuantity: rev.approvedReturnQuantity,
      method:
        rev.method === 'exchange' ? 'exchange' : rev.method === 'rework' ? 'rework' : 'refund',
      orderNumber: s.intake.orderNumber,
      customerName: s.intake.customerName,
      reason: `${caseNumber} rev ${rev.revision}: ${s.intake.reasons || s.intake.demand}`,
      policy,
      ...(input.holidayTables ? { holidayTables: input.holidayTables } : {}),
    };
    const child = await startChild(returnCase, { workflowId: number, args: [childInput] });
    system(
      { type: 'RecordChildCaseStarted', actor: SYSTEM, childCaseNumber: number },
      await clock.now('child started'),
    );
    void child.result().then(
      (outcome) => {
        childResult = { childCaseNumber: number, outcome };
      },
      (e: unknown) => {
        childFailure = e;
      },
    );
  }

  function view(): ComplaintCaseView {
    const s = current();
    return {
      caseNumber,
      caseType: 'complaint',
      organisationId: input.organisationId,
      policyVersion: policy.version,
      status: s.status,
      state: s,
      tasks: board.views(),
      overdueStages: [...board.overdueStages],
      closingClock: closingClock(),
      parentCaseNumber: null,
      childCaseNumbers: [...childCaseNumbers],
      auditSeq: recorder.auditSeq,
      writeIncidents: recorder.writeIncidents,
    };
  }

  function snapshot(version: number): CaseSnapshot {
    const s = current();
    const rev = s.revisions[s.revisions.length - 1];
    const approved = [...s.revisions]
      .reverse()
      .find((r) => r.outcome === 'approved' || r.outcome === 'accepted_by_customer');
    const clock = closingClock();
    return {
      organisationId: input.organisationId,
      storeId: input.storeId,
      caseNumber,
      caseType: 'complaint',
      status: s.status,
      stage: complaintStageOf(s.status),
      customerName: input.customer.name,
      customerPhone: input.customer.phone,
      orderNumber: s.intake.orderNumber,
      quantity: s.intake.defectiveQuantity,
      lossAmountFen: rev?.loss.totalFen ?? null,
      approvedAmountFen: approved?.loss.totalFen ?? null,
      classification: s.classification?.category ?? null,
      severity: s.classification?.severity ?? null,
      method: rev?.method ?? null,
      overdue: board.openTasks().some((t) => t.overdue) || (closing?.overdue ?? false),
      overdueStages: [...board.overdueStages],
      policyVersion: policy.version,
      parentCaseNumber: null,
      childCaseNumbers: [...childCaseNumbers],
      openedBy: input.reportedBy.userId,
      defectDescription: s.intake.reasons,
      openedAt: input.reportedAt,
      acceptedAt: iso(s.acceptedAt),
      closingDueAt: clock.dueAt,
      closedAt: clock.closedAt,
      closedOnTime: clock.onTime,
      version,
    };
  }
}

const iso = (ms: number | null): string | null => (ms === null ? null : new Date(ms).toISOString());

const actorOf = (a: CaseActor): Actor => ({
  userId: a.userId,
  department: a.department,
  roles: [...a.roles],
});
