import type { CaseSnapshot, ImprovementResult, ImprovementWorkflowInput } from '@aso/contracts';
import type { ImprovementRound, ImprovementState } from '@aso/domain';
import type { BoardFacts, CaseViewExtras } from '../shared/case-definition';

const iso = (ms: number | null): string | null => (ms === null ? null : new Date(ms).toISOString());

const current = (s: ImprovementState): ImprovementRound =>
  s.rounds[s.rounds.length - 1] as ImprovementRound;

/** The stage the measure is in (its open task's), `closed` at the end. */
export const improvementStageOf = (s: ImprovementState): string =>
  s.status === 'closed' ? 'closed' : s.status === 'verifying' ? 'check' : 'measure';

/** Done on time: the last round's result came by its due instant. */
const onTime = (s: ImprovementState): boolean | null => {
  const r = current(s);
  return r.result === null ? null : r.result.at <= r.due;
};

/** The measure's clock: from its setting to its (current) completion date. */
export function improvementView(s: ImprovementState): CaseViewExtras {
  const r = current(s);
  return {
    closingClock: {
      startedAt: iso(r.startedAt),
      dueAt: iso(r.due),
      dueProvisional: r.dueProvisional,
      closedAt: iso(r.result?.at ?? null),
      onTime: onTime(s),
    },
    parentCaseNumber: null,
    childCaseNumbers: [],
  };
}

/**
 * The read-model row: the analysed month as its classification, the owner's department as its
 * method, the measure as its customer line (the list and search show it), due at the date.
 */
export function improvementSnapshot(
  input: ImprovementWorkflowInput,
  s: ImprovementState,
  board: BoardFacts,
  version: number,
): CaseSnapshot {
  return {
    organisationId: input.organisationId,
    storeId: null,
    caseNumber: input.caseNumber,
    caseType: 'improvement',
    status: s.status,
    stage: improvementStageOf(s),
    customerName: `改进措施 ${s.source.analysisMonth}: ${s.measure}`.slice(0, 200),
    customerPhone: null,
    orderNumber: '',
    quantity: null,
    lossAmountFen: null,
    approvedAmountFen: null,
    classification: s.source.analysisMonth,
    severity: null,
    method: s.department,
    overdue: board.tasksOverdue,
    overdueStages: board.overdueStages,
    policyVersion: input.policy.version,
    parentCaseNumber: null,
    childCaseNumbers: [],
    openedBy: input.openedBy.userId,
    openedAt: input.openedAt,
    acceptedAt: null,
    closingDueAt: iso(current(s).due),
    closedAt: iso(s.closedAt),
    closedOnTime: s.status === 'closed' ? onTime(s) : null,
    version,
  };
}

export const improvementResult = (s: ImprovementState): ImprovementResult => ({
  caseNumber: s.caseNumber,
  outcome: s.outcome,
  rounds: s.rounds.length,
});
