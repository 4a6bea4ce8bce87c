import type { ImprovementEvent, ImprovementRound, ImprovementState } from './improvement.types';

const withCurrent = (
  s: ImprovementState,
  n: number,
  change: (r: ImprovementRound) => ImprovementRound,
): ImprovementRound[] => s.rounds.map((r) => (r.n === n ? change(r) : r));

/** The measure's state from its events (pure; the only way the state changes). */
export function evolveImprovement(
  state: ImprovementState | null,
  e: ImprovementEvent,
): ImprovementState {
  if (e.type === 'ImprovementOpened')
    return {
      caseNumber: e.caseNumber,
      policyVersion: e.policyVersion,
      status: 'in_progress',
      source: e.source,
      measure: e.measure,
      goal: e.goal,
      department: e.department,
      ownerId: e.ownerId,
      openedAt: e.at,
      openedBy: e.by,
      rounds: [e.round],
      outcome: null,
      closedAt: null,
    };
  if (state === null) throw new Error(`${e.type} before ImprovementOpened`);
  switch (e.type) {
    case 'ImprovementResultRecorded':
      return {
        ...state,
        status: 'verifying',
        rounds: withCurrent(state, e.round, (r) => ({
          ...r,
          result: { by: e.by, at: e.at, text: e.text },
        })),
      };
    case 'ImprovementChecked':
      return {
        ...state,
        rounds: withCurrent(state, e.round, (r) => ({
          ...r,
          check: { by: e.by, at: e.at, effective: e.effective, note: e.note },
        })),
      };
    case 'ImprovementReopened':
      return { ...state, status: 'in_progress', rounds: [...state.rounds, e.round] };
    case 'ImprovementClosed':
      return { ...state, status: 'closed', outcome: e.outcome, closedAt: e.at };
  }
}
