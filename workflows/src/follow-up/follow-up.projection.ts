import type { CaseSnapshot, FollowUpResult, FollowUpWorkflowInput } from '@aso/contracts';
import type { FollowUpState } from '@aso/domain';
import type { BoardFacts, CaseViewExtras } from '../shared/case-definition';

const iso = (ms: number | null): string | null => (ms === null ? null : new Date(ms).toISOString());

const parentOf = (s: FollowUpState): string | null =>
  s.source.kind === 'case_closed' ? s.source.parentCaseNumber : null;

/** The stage the follow-up is in (its open task's), `closed` at the end. */
export const followUpStageOf = (s: FollowUpState): string =>
  s.status === 'closed'
    ? 'closed'
    : s.status === 'calling' && s.attempts.length > 0
      ? 'retry'
      : 'call';

/** The case-level clock of a follow-up: the call due 3 working days after the close (§5). */
export function followUpView(s: FollowUpState): CaseViewExtras {
  return {
    closingClock: {
      startedAt: s.source.kind === 'case_closed' ? iso(s.source.closedAt) : iso(s.openedAt),
      dueAt: iso(s.callDue),
      dueProvisional: s.callDueProvisional,
      closedAt: iso(s.closedAt),
      onTime: s.call === null ? null : s.call.at <= s.callDue,
    },
    parentCaseNumber: parentOf(s),
    childCaseNumbers: s.linkedComplaint?.caseNumber ? [s.linkedComplaint.caseNumber] : [],
  };
}

/** The read-model row: the customer, the outcome (as `method`), the call's clock. */
export function followUpSnapshot(
  input: FollowUpWorkflowInput,
  s: FollowUpState,
  board: BoardFacts,
  version: number,
): CaseSnapshot {
  return {
    organisationId: input.organisationId,
    storeId: input.storeId,
    caseNumber: input.caseNumber,
    caseType: 'followUp',
    status: s.status,
    stage: followUpStageOf(s),
    customerName: s.customer.name,
    customerPhone: s.customer.phone,
    orderNumber: '',
    quantity: null,
    lossAmountFen: null,
    approvedAmountFen: null,
    classification: s.source.kind === 'plan' ? s.source.plan : s.source.parentCaseType,
    severity: s.call?.survey?.dissatisfied ? 'dissatisfied' : null,
    method: s.outcome,
    overdue: board.tasksOverdue,
    overdueStages: board.overdueStages,
    policyVersion: input.policy.version,
    parentCaseNumber: parentOf(s),
    childCaseNumbers: s.linkedComplaint?.caseNumber ? [s.linkedComplaint.caseNumber] : [],
    openedBy: input.openedBy.userId,
    openedAt: input.openedAt,
    acceptedAt: null,
    closingDueAt: iso(s.callDue),
    closedAt: iso(s.closedAt),
    closedOnTime: s.call === null ? null : s.call.at <= s.callDue,
    version,
  };
}

export const followUpResult = (s: FollowUpState): FollowUpResult => ({
  caseNumber: s.caseNumber,
  outcome: s.outcome,
  linkedComplaintNumber: s.linkedComplaint?.caseNumber ?? null,
});
