import type {
  CaseSnapshot,
  ClosingClockView,
  ComplaintOutcome,
  ComplaintWorkflowInput,
} from '@aso/contracts';
import { type ClosingClockStatus, type ComplaintState, complaintStageOf } from '@aso/domain';
import type { BoardFacts, CaseViewExtras } from '../shared/case-runtime';

const iso = (ms: number | null): string | null => (ms === null ? null : new Date(ms).toISOString());

/** The closing clock as the view shows it (001 §26.1). */
export function closingClockView(s: ComplaintState, clock: ClosingClockStatus): ClosingClockView {
  return {
    startedAt: iso(clock.startedAt),
    dueAt: iso(clock.dueAt),
    dueProvisional: clock.dueProvisional,
    closedAt: iso(s.closedAt),
    onTime: clock.onTime,
  };
}

/** A complaint's child cases: the return or repair its execution started (001 §29). */
export const childCaseNumbersOf = (s: ComplaintState): string[] =>
  s.execution?.kind === 'child_case' && s.execution.childCaseNumber !== null
    ? [s.execution.childCaseNumber]
    : [];

export function complaintView(s: ComplaintState, clock: ClosingClockStatus): CaseViewExtras {
  return {
    closingClock: closingClockView(s, clock),
    parentCaseNumber: null,
    childCaseNumbers: childCaseNumbersOf(s),
  };
}

/** The case list's row (read model): the latest revision's figures, the approved one's amount. */
export function complaintSnapshot(
  input: ComplaintWorkflowInput,
  s: ComplaintState,
  clock: ClosingClockStatus & { overdue: boolean },
  board: BoardFacts,
  version: number,
): CaseSnapshot {
  const rev = s.revisions[s.revisions.length - 1];
  const approved = [...s.revisions]
    .reverse()
    .find((r) => r.outcome === 'approved' || r.outcome === 'accepted_by_customer');
  const closing = closingClockView(s, clock);
  return {
    organisationId: input.organisationId,
    storeId: input.storeId,
    caseNumber: input.caseNumber,
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
    overdue: board.tasksOverdue || clock.overdue,
    overdueStages: board.overdueStages,
    policyVersion: input.policy.version,
    parentCaseNumber: null,
    childCaseNumbers: childCaseNumbersOf(s),
    openedBy: input.reportedBy.userId,
    defectDescription: s.intake.reasons,
    openedAt: input.reportedAt,
    acceptedAt: iso(s.acceptedAt),
    closingDueAt: closing.dueAt,
    closedAt: closing.closedAt,
    closedOnTime: closing.onTime,
    version,
  };
}

export function complaintOutcome(s: ComplaintState, clock: ClosingClockStatus): ComplaintOutcome {
  return {
    caseNumber: s.caseNumber,
    status: s.status,
    closedAt: iso(s.closedAt),
    closedOnTime: clock.onTime,
  };
}
