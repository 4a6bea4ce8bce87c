/** A recorded follow-up call's 001 §17 survey and the service staff of the followed case. */
export interface RatedCall {
  followUpNumber: string;
  followedCaseNumber?: string | null;
  items: ReadonlyArray<{ item: string; grade: string; score: number }>;
  max: number;
  staff: readonly string[];
}

/** One service person's customer ratings of a month (001 §15, M04), from 001 §17 surveys. */
export interface StaffRating {
  staffId: string;
  /** recorded follow-up calls whose survey rates this person */
  calls: number;
  /** the mean of the calls' totals as a share of their maximum, 0–1 */
  scoreRate: number;
  /** per survey item (attitude, skill, arrival time, promises kept): grade → count */
  items: Record<string, Record<string, number>>;
  followUps: string[];
}

/**
 * 001 §15: "除将品评资料作为服务人员每月绩效考核之一外" — the customers' ratings of service
 * staff are part of each month's appraisal. Each recorded survey counts once for every service
 * person who worked the followed case. Pure; ordered by staff id.
 */
export function staffRatingsOf(rows: readonly RatedCall[]): StaffRating[] {
  const by = new Map<
    string,
    { calls: number; rate: number; items: StaffRating['items']; f: string[] }
  >();
  for (const r of rows) {
    const total = r.items.reduce((s, i) => s + i.score, 0);
    const rate = r.max > 0 ? total / r.max : 0;
    for (const staffId of r.staff) {
      const acc = by.get(staffId) ?? { calls: 0, rate: 0, items: {}, f: [] };
      acc.calls += 1;
      acc.rate += rate;
      acc.f.push(r.followUpNumber);
      for (const i of r.items) {
        const grades = (acc.items[i.item] ??= {});
        grades[i.grade] = (grades[i.grade] ?? 0) + 1;
      }
      by.set(staffId, acc);
    }
  }
  return [...by.entries()]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([staffId, a]) => ({
      staffId,
      calls: a.calls,
      scoreRate: Math.round((a.rate / a.calls) * 1000) / 1000,
      items: a.items,
      followUps: a.f,
    }));
}
