import type { FollowUpState } from './follow-up.types';

/** The follow-up KPIs of 004 七.(一) (F15) over a set of cases. */
export interface FollowUpKpis {
  cases: number;
  closed: number;
  /** closed with the customer reached ÷ all closed (004 七.(一) 任务完成率) */
  completionRate: number | null;
  /** records approved at their first review ÷ records reviewed (记录合格率) */
  recordQualityRate: number | null;
  /** grade code → count, over every survey item answered */
  satisfaction: Record<string, number>;
  dissatisfied: number;
  unreachable: number;
}

const ratio = (n: number, d: number): number | null => (d === 0 ? null : n / d);

export function followUpKpis(states: readonly FollowUpState[]): FollowUpKpis {
  const closed = states.filter((s) => s.status === 'closed');
  const unreachable = closed.filter((s) => s.outcome === 'unreachable').length;
  const reviewed = states.filter((s) => s.reviews.length > 0);
  const firstTime = reviewed.filter((s) => s.reviews[0]?.approved === true).length;
  const satisfaction: Record<string, number> = {};
  for (const s of states)
    for (const i of s.call?.survey?.items ?? [])
      satisfaction[i.grade] = (satisfaction[i.grade] ?? 0) + 1;
  return {
    cases: states.length,
    closed: closed.length,
    completionRate: ratio(closed.length - unreachable, closed.length),
    recordQualityRate: ratio(firstTime, reviewed.length),
    satisfaction,
    dissatisfied: closed.filter((s) => s.outcome === 'dissatisfied').length,
    unreachable,
  };
}
