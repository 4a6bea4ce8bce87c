import type { CaseSnapshot, RepairOutcome, RepairWorkflowInput } from '@aso/contracts';
import { outcomeOf, type RepairState, repairStageOf } from '@aso/domain';
import type { BoardFacts, CaseViewExtras } from '../shared/case-definition';

const iso = (ms: number | null): string | null => (ms === null ? null : new Date(ms).toISOString());

/** A repair has no case-level closing clock (its stages carry the deadlines, DOMAIN.md §3). */
export function repairView(s: RepairState): CaseViewExtras {
  return {
    closingClock: {
      startedAt: null,
      dueAt: null,
      dueProvisional: false,
      closedAt: iso(s.closedAt),
      onTime: null,
    },
    parentCaseNumber: s.parentCaseNumber,
    childCaseNumbers: [],
  };
}

/** The read-model row: the register entry's customer and problem, service kind, fee, resolution. */
export function repairSnapshot(
  input: RepairWorkflowInput,
  s: RepairState,
  board: BoardFacts,
  version: number,
): CaseSnapshot {
  return {
    organisationId: input.organisationId,
    storeId: input.storeId,
    caseNumber: input.caseNumber,
    caseType: 'repair',
    status: s.status,
    stage: repairStageOf(s.status),
    customerName: s.entry.customerName,
    customerPhone: s.entry.phone === '' ? null : s.entry.phone,
    orderNumber: '',
    quantity: null,
    lossAmountFen: null,
    approvedAmountFen: s.fee ? s.fee.handling.feeFen : null,
    classification: s.entry.serviceKind,
    severity: null,
    method: s.resolution,
    overdue: board.tasksOverdue,
    overdueStages: board.overdueStages,
    policyVersion: input.policy.version,
    parentCaseNumber: s.parentCaseNumber,
    childCaseNumbers: [],
    openedBy: input.openedBy.userId,
    defectDescription: s.entry.problem,
    openedAt: input.openedAt,
    acceptedAt: null,
    closingDueAt: null,
    closedAt: iso(s.closedAt),
    closedOnTime: null,
    version,
  };
}

/** How the repair ended, for a parent complaint (001 §29: the complaint continues with it). */
export function repairOutcome(s: RepairState): RepairOutcome {
  return {
    caseNumber: s.caseNumber,
    status: s.status,
    outcome: outcomeOf(s.resolution),
    resolution: s.resolution,
    voucherNumber: s.voucher.number,
  };
}
