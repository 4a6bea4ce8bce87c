import {
  evolveFollowUp,
  followUpKpis,
  formatLocal,
  type FollowUpEvent,
  type FollowUpKpis,
  type FollowUpState,
} from '@aso/domain';

/**
 * The follow-up KPIs of 004 七.(一) (F15) over the calls opened in the period: completion rate
 * (closed with the customer reached ÷ closed), record quality rate (approved at the first
 * review ÷ reviewed), the satisfaction distribution of the 001 §17 grades — for the whole
 * period and as a trend by month (Asia/Shanghai). Each call's state is folded from its
 * audited domain events by the domain's own evolveFollowUp.
 */
export interface FollowUpKpiFigures {
  total: FollowUpKpis;
  byMonth: Array<{ month: string } & FollowUpKpis>;
}

export function followUpStateOf(events: readonly FollowUpEvent[]): FollowUpState | null {
  let state: FollowUpState | null = null;
  for (const e of events) state = evolveFollowUp(state, e);
  return state;
}

export function followUpKpiFigures(states: readonly FollowUpState[]): FollowUpKpiFigures {
  const months = new Map<string, FollowUpState[]>();
  for (const s of states) {
    const month = formatLocal(s.openedAt).slice(0, 7);
    months.set(month, [...(months.get(month) ?? []), s]);
  }
  return {
    total: followUpKpis(states),
    byMonth: [...months.entries()]
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([month, ofMonth]) => ({ month, ...followUpKpis(ofMonth) })),
  };
}
