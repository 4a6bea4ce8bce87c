import { MS_PER_MINUTE } from '../calendar/civil-time';
import { type RatedCall, type StaffRating, staffRatingsOf } from './staff-ratings';

/** A rated follow-up call with the instant its followed case closed (the period it rates). */
export interface DatedRatedCall extends RatedCall {
  /** ISO instant the followed case closed */
  closedAt: string;
}

export interface AppraisalPeriod {
  /** "YYYY-MM", "YYYY-Qn" or "YYYY" */
  period: string;
  calls: number;
  staff: StaffRating[];
}

/** 003 §五.2's service appraisal of one year: by month, by quarter and for the year. */
export interface ServiceAppraisal {
  year: string;
  months: AppraisalPeriod[];
  quarters: AppraisalPeriod[];
  total: AppraisalPeriod;
}

/**
 * 003 §五.2 "服务考核按月、季、年度进行,依据监控数据": the service staff's customer ratings
 * (the 001 §17 surveys of the follow-up calls, M04's data) aggregated per person by month, by
 * quarter and for the year. A call rates the period its followed case closed in (local time),
 * as the monthly appraisal does: a case closed on 30 March is March's service, though its call
 * comes in April. Every month and quarter is listed, an empty one with no staff. Pure.
 */
export function serviceAppraisalOf(
  year: string,
  rows: readonly DatedRatedCall[],
  utcOffsetMinutes: number,
): ServiceAppraisal {
  const monthOf = (iso: string) =>
    new Date(new Date(iso).getTime() + utcOffsetMinutes * MS_PER_MINUTE).toISOString().slice(0, 7);
  const dated = rows
    .map((r) => ({ r, month: monthOf(r.closedAt) }))
    .filter((x) => x.month.startsWith(`${year}-`));
  const period = (name: string, of: typeof dated): AppraisalPeriod => ({
    period: name,
    calls: of.length,
    staff: staffRatingsOf(of.map((x) => x.r)),
  });
  const months = Array.from({ length: 12 }, (_, i) => {
    const m = `${year}-${String(i + 1).padStart(2, '0')}`;
    return period(
      m,
      dated.filter((x) => x.month === m),
    );
  });
  const quarters = [1, 2, 3, 4].map((q) =>
    period(
      `${year}-Q${q}`,
      dated.filter((x) => Math.ceil(Number(x.month.slice(5, 7)) / 3) === q),
    ),
  );
  return { year, months, quarters, total: period(year, dated) };
}
