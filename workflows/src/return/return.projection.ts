import type { CaseSnapshot, ReturnOutcome, ReturnWorkflowInput } from '@aso/contracts';
import { type ReturnState, returnStageOf } from '@aso/domain';
import type { BoardFacts, CaseViewExtras } from '../shared/case-definition';

const iso = (ms: number | null): string | null => (ms === null ? null : new Date(ms).toISOString());

/** A return has no closing clock of its own (the parent complaint's covers it, 001 §26.1). */
export function returnView(input: ReturnWorkflowInput, s: ReturnState): CaseViewExtras {
  return {
    closingClock: {
      startedAt: null,
      dueAt: null,
      dueProvisional: false,
      closedAt: iso(s.completedAt),
      onTime: null,
    },
    parentCaseNumber: input.parentCaseNumber,
    childCaseNumbers: [],
  };
}

export function returnSnapshot(
  input: ReturnWorkflowInput,
  s: ReturnState,
  board: BoardFacts,
  version: number,
): CaseSnapshot {
  return {
    organisationId: input.organisationId,
    storeId: input.storeId,
    caseNumber: input.caseNumber,
    caseType: 'return',
    status: s.status,
    stage: returnStageOf(s.status),
    customerName: input.customerName,
    customerPhone: null,
    orderNumber: input.orderNumber,
    quantity: s.approvedQuantity,
    lossAmountFen: null,
    approvedAmountFen: s.refundFen,
    classification: null,
    severity: null,
    method: s.method,
    overdue: board.tasksOverdue,
    overdueStages: board.overdueStages,
    policyVersion: input.policy.version,
    parentCaseNumber: input.parentCaseNumber,
    childCaseNumbers: [],
    openedAt: input.openedAt,
    acceptedAt: null,
    closingDueAt: null,
    closedAt: iso(s.completedAt),
    closedOnTime: null,
    version,
  };
}

/** How the return ended, for the parent complaint (a reshipped rework is `reworked`). */
export function returnOutcome(s: ReturnState): ReturnOutcome {
  return {
    caseNumber: s.caseNumber,
    status: s.status,
    outcome:
      s.method === 'rework' && s.outcome === 'reshipped' ? 'reworked' : (s.outcome ?? s.status),
    returnedQuantity: s.returnedQuantity,
  };
}
