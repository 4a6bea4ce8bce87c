import { BusinessCalendar } from '../calendar/business-calendar';
import { minutesOf } from '../calendar/calendar-settings';
import {
  MS_PER_MINUTE,
  dayIndexOfIsoDate,
  dayStartMs,
  localDayIndex,
  isoDateOfDay,
} from '../calendar/civil-time';
import { defaultHolidayTables } from '../calendar/holiday-tables';
import { DomainError } from '../errors/domain-error';
import type { PolicyDocument } from '../policy/policy.schema';
import { type Instant, toMs } from '../shared/instant';

export interface MonthlyReview {
  /** the month whose closed complaints are reviewed, "YYYY-MM" */
  month: string;
  /**
   * Decision 6: 18:00 (the end of working hours) on the last working day before the policy's day
   * (the 10th) of the following month, on the company's working calendar.
   */
  due: Date;
  /** the calendar of that year is not loaded: weekends only */
  provisional: boolean;
  basis: string;
}

/** The month ("YYYY-MM", local time) a complaint closed in: the review it belongs to. */
export function reviewMonthOf(closedAt: Instant, policy: PolicyDocument): string {
  return isoDateOfDay(localDayIndex(toMs(closedAt), policy.calendar.utcOffsetMinutes)).slice(0, 7);
}

/**
 * 001 §28.1: "每月10日前" the GM office reviews last month's closed complaints. Decision 6 reads
 * "before the 10th": due at the end of working hours (18:00) on the last working day before the
 * 10th of the following month — a weekend, a holiday or a makeup working day moves it.
 */
export function monthlyReviewFor(
  month: string,
  policy: PolicyDocument,
  calendar: BusinessCalendar = new BusinessCalendar(policy.calendar, defaultHolidayTables),
): MonthlyReview {
  if (!/^\d{4}-(0[1-9]|1[0-2])$/.test(month))
    throw new DomainError('COMMAND_INVALID', `"${month}" is not a month (YYYY-MM)`, { month });
  const next = nextMonthOf(month);
  let day =
    dayIndexOfIsoDate(`${next}-${String(policy.complaint.monthlyReviewByDay).padStart(2, '0')}`) -
    1;
  const first = dayIndexOfIsoDate(`${next}-01`);
  // the month's first days may all be off (a long holiday): then the last working day of the
  // reviewed month itself
  while (!calendar.isWorkingDay(isoDateOfDay(day)) && day > first - 31) day -= 1;
  const close = minutesOf(policy.calendar.workingHours.end) * MS_PER_MINUTE;
  return {
    month,
    due: new Date(dayStartMs(day, policy.calendar.utcOffsetMinutes) + close),
    provisional: calendar.dayInfo(isoDateOfDay(day)).provisional,
    basis:
      '001 §28.1 每月10日前审视上月份结案的客户投诉案件 (Decision 6: 18:00 on the last working day before the 10th)',
  };
}

/** "YYYY-MM" of the month after `month`. */
export function nextMonthOf(month: string): string {
  const y = Number(month.slice(0, 4));
  const m = Number(month.slice(5, 7));
  return m === 12 ? `${y + 1}-01` : `${y}-${String(m + 1).padStart(2, '0')}`;
}

/** "YYYY-MM" of the month before `month`. */
export function previousMonthOf(month: string): string {
  const y = Number(month.slice(0, 4));
  const m = Number(month.slice(5, 7));
  return m === 1 ? `${y - 1}-12` : `${y}-${String(m - 1).padStart(2, '0')}`;
}

export type PenaltyOutcome =
  | { kind: 'administrative'; document: 'PersonnelAnnouncement'; to: 'hr'; basis: string }
  | {
      kind: 'bonus_deduction';
      document: 'RewardPenaltyNotice';
      approval: 'bonus_deduction_notice';
      basis: string;
    };

/** 001 §28: administrative penalties → HR's personnel announcement; deductions → GM-approved notice. */
export function penaltyDocument(kind: 'administrative' | 'bonus_deduction'): PenaltyOutcome {
  return kind === 'administrative'
    ? {
        kind,
        document: 'PersonnelAnnouncement',
        to: 'hr',
        basis: '001 §28.1 送人力资源部提报人事公布单',
      }
    : {
        kind,
        document: 'RewardPenaltyNotice',
        approval: 'bonus_deduction_notice',
        basis: '001 §28.2 开立奖罚通知单呈总经理核准',
      };
}
