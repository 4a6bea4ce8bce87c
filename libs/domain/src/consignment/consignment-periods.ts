import type { BusinessCalendar } from '../calendar/business-calendar';
import { minutesOf } from '../calendar/calendar-settings';
import {
  MS_PER_MINUTE,
  dayIndexOfIsoDate,
  dayStartMs,
  isoDateOfDay,
  localDayIndex,
} from '../calendar/civil-time';
import type { PolicyDocument } from '../policy/policy.schema';
import type { ConsignmentPeriod } from './consignment.types';

/** Months per period: monthly 1, quarterly 3. */
export const periodMonths = (p: ConsignmentPeriod): number => (p === 'quarterly' ? 3 : 1);

/** "YYYY-MM" plus `n` months. */
export function monthPlus(month: string, n: number): string {
  const total = Number(month.slice(0, 4)) * 12 + Number(month.slice(5, 7)) - 1 + n;
  return `${Math.floor(total / 12)}-${String((total % 12) + 1).padStart(2, '0')}`;
}

/** The month ("YYYY-MM", company time) an instant falls in. */
export const monthOfInstant = (ms: number, policy: PolicyDocument): string =>
  isoDateOfDay(localDayIndex(ms, policy.calendar.utcOffsetMinutes)).slice(0, 7);

/**
 * K04 (002 ch.12 3, policy `consignment.reportPeriod`): a period ends at the close of business
 * (18:00) of the last working day of its last month on the company's calendar — a weekend or a
 * holiday moves it earlier, a make-up working day (调休, e.g. Saturday 2026-02-28) is a working day.
 */
export function periodEndOfMonth(
  month: string,
  policy: PolicyDocument,
  calendar: BusinessCalendar,
): number {
  let day = dayIndexOfIsoDate(`${monthPlus(month, 1)}-01`) - 1;
  const first = dayIndexOfIsoDate(`${month}-01`);
  while (day > first && !calendar.isWorkingDay(isoDateOfDay(day))) day -= 1;
  return (
    dayStartMs(day, policy.calendar.utcOffsetMinutes) +
    minutesOf(policy.calendar.workingHours.end) * MS_PER_MINUTE
  );
}

/**
 * The term's calendar from its start (the signature): the month the first period ends in (the
 * start's month, or the next one when the start is after that month's last close), the end of
 * period `k` (1-based) and the number of periods the duration covers.
 */
export function termOf(
  startMs: number,
  reportPeriod: ConsignmentPeriod,
  durationMonths: number,
  policy: PolicyDocument,
  calendar: BusinessCalendar,
): { firstMonth: string; periodsTotal: number; firstPeriodTo: number } {
  let firstMonth = monthOfInstant(startMs, policy);
  if (periodEndOfMonth(firstMonth, policy, calendar) <= startMs)
    firstMonth = monthPlus(firstMonth, 1);
  const len = periodMonths(reportPeriod);
  return {
    firstMonth,
    periodsTotal: Math.max(1, Math.ceil(durationMonths / len)),
    firstPeriodTo: periodEndOfMonth(monthPlus(firstMonth, len - 1), policy, calendar),
  };
}

/** The end of period `k` (1-based) of a term whose first period ends in `firstMonth`. */
export const consignmentPeriodEnd = (
  firstMonth: string,
  k: number,
  reportPeriod: ConsignmentPeriod,
  policy: PolicyDocument,
  calendar: BusinessCalendar,
): number =>
  periodEndOfMonth(monthPlus(firstMonth, k * periodMonths(reportPeriod) - 1), policy, calendar);

/** Commission on proceeds at `bp` basis points, rounded to the fen (half up). */
export const commissionOf = (proceedsFen: number, bp: number): number =>
  Math.floor((proceedsFen * bp + 5000) / 10000);
