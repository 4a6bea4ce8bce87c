import type { CaseSnapshot, ConsignmentOutcome, ConsignmentWorkflowInput } from '@aso/contracts';
import { type ConsignmentState, consignmentStageOf, unsoldOf } from '@aso/domain';
import type { BoardFacts, CaseViewExtras } from '../shared/case-definition';

const iso = (ms: number | null): string | null => (ms === null ? null : new Date(ms).toISOString());

/** A consignment has no closing deadline: its clock runs from the signature to the close. */
export function consignmentView(s: ConsignmentState): CaseViewExtras {
  return {
    closingClock: {
      startedAt: iso(s.activatedAt),
      dueAt: null,
      dueProvisional: false,
      closedAt: iso(s.closedAt),
      onTime: null,
    },
    parentCaseNumber: null,
    childCaseNumbers: [],
  };
}

/** The read-model row: the consignor as the customer, the consigned quantity, the proceeds. */
export function consignmentSnapshot(
  input: ConsignmentWorkflowInput,
  s: ConsignmentState,
  board: BoardFacts,
  version: number,
): CaseSnapshot {
  const proceeds = s.reports.reduce((n, r) => n + r.proceedsFen, 0);
  return {
    organisationId: input.organisationId,
    storeId: input.storeId,
    caseNumber: input.caseNumber,
    caseType: 'consignment',
    status: s.status,
    stage: consignmentStageOf(s),
    customerName: s.consignor.name,
    customerPhone: s.consignor.phone,
    orderNumber: s.listNumber,
    quantity: s.items.reduce((n, i) => n + i.quantity, 0),
    lossAmountFen: null,
    approvedAmountFen: proceeds > 0 ? proceeds : null,
    classification: s.customerKind,
    severity: null,
    method: null,
    overdue: board.tasksOverdue,
    overdueStages: board.overdueStages,
    policyVersion: input.policy.version,
    parentCaseNumber: null,
    childCaseNumbers: [],
    openedBy: input.openedBy.userId,
    openedAt: input.openedAt,
    acceptedAt: iso(s.activatedAt),
    closingDueAt: null,
    closedAt: iso(s.closedAt),
    closedOnTime: null,
    version,
  };
}

export const consignmentOutcome = (s: ConsignmentState): ConsignmentOutcome => ({
  caseNumber: s.caseNumber,
  status: s.status,
  salesCount: s.salesCount,
  proceedsFen: s.settlements.reduce((n, x) => n + x.proceedsFen, 0),
  commissionFen: s.settlements.reduce((n, x) => n + x.commissionFen, 0),
  returned: s.receipt?.lines ?? unsoldOf(s),
});
