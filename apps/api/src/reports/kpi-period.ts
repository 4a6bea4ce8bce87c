import { z } from 'zod';

/**
 * The KPI report's period: calendar days in Asia/Shanghai (the company's time zone, fixed
 * UTC+8, no daylight saving), both ends inclusive, at most 366 days (a leap year) so one
 * request cannot scan the whole history.
 */
export const MAX_PERIOD_DAYS = 366;
const SHANGHAI_OFFSET = '+08:00';
const DAY_MS = 86_400_000;

const isoDay = z.string({ required_error: 'required (YYYY-MM-DD)' }).superRefine((d, ctx) => {
  // One message per field: the format first, then whether the day exists.
  if (!/^\d{4}-\d{2}-\d{2}$/.test(d))
    ctx.addIssue({ code: 'custom', message: 'must be a date YYYY-MM-DD' });
  else if (toDate(d) === null) ctx.addIssue({ code: 'custom', message: 'is not a calendar date' });
});

/** The fields (documented in OpenAPI as they are); kpiQuerySchema adds the cross-field rules. */
export const kpiPeriodFields = z.object({ from: isoDay, to: isoDay });

export const kpiQuerySchema = kpiPeriodFields.superRefine((q, ctx) => {
  const from = toDate(q.from);
  const to = toDate(q.to);
  if (from === null || to === null) return;
  if (from > to) {
    ctx.addIssue({ code: 'custom', path: ['from'], message: 'must not be after to' });
  } else if ((to - from) / DAY_MS + 1 > MAX_PERIOD_DAYS) {
    ctx.addIssue({
      code: 'custom',
      path: ['to'],
      message: `the period may span at most ${MAX_PERIOD_DAYS} days`,
    });
  }
});

export type KpiQuery = z.infer<typeof kpiQuerySchema>;

/** Midnight UTC of a calendar day, or null for 2026-02-30 and the like. */
function toDate(day: string): number | null {
  const ms = Date.parse(`${day}T00:00:00Z`);
  if (Number.isNaN(ms)) return null;
  return new Date(ms).toISOString().slice(0, 10) === day ? ms : null;
}

/** [start of `from`, start of the day after `to`) in Shanghai, as instants. */
export function periodInstants(q: KpiQuery): { from: Date; toExclusive: Date } {
  const from = new Date(`${q.from}T00:00:00${SHANGHAI_OFFSET}`);
  const toStart = new Date(`${q.to}T00:00:00${SHANGHAI_OFFSET}`);
  return { from, toExclusive: new Date(toStart.getTime() + DAY_MS) };
}
