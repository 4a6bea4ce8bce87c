import { BusinessCalendar } from '../calendar/business-calendar';
import { minutesOf } from '../calendar/calendar-settings';
import { MS_PER_MINUTE, dayIndexOfIsoDate, dayStartMs, isoDateOfDay } from '../calendar/civil-time';
import { defaultHolidayTables } from '../calendar/holiday-tables';
import type { PolicyDocument } from '../policy/policy.schema';
import type { StaffRating } from './staff-ratings';

/** The day of January the annual appraisal is due by (000 §六.2 "年度考核于次年1月中旬"). */
export const ANNUAL_APPRAISAL_BY_DAY = 15;

/** One month's review as the read models hold it when the annual appraisal opens. */
export interface AppraisedMonth {
  /** "YYYY-MM" */
  month: string;
  /** the review's case number; null: that month was never reviewed */
  caseNumber: string | null;
  status: string | null;
  complaints: number;
  totalDeductionFen: number | null;
  approvedDeductionFen: number | null;
  reviewedOnTime: boolean | null;
}

/**
 * What the starter of the January review (for December) reads for the annual appraisal: the
 * year's monthly reviews (the read models; December's is the review being opened) and the
 * year's service staff ratings (001 §15, M04) aggregated over the whole year.
 */
export interface AnnualAppraisalSources {
  /** "YYYY" */
  year: string;
  months: AppraisedMonth[];
  staffRatings: StaffRating[];
}

/** The annual appraisal the GM office issues as a document (`<review>-A`). */
export interface AnnualAppraisal {
  year: string;
  docNumber: string;
  /** epoch ms: 18:00 on the last working day on or before 15 January */
  due: number;
  dueProvisional: boolean;
  /** the twelve months in order (a month never reviewed has caseNumber null) */
  months: AppraisedMonth[];
  staffRatings: StaffRating[];
  totals: { complaints: number; monthsReviewed: number; approvedDeductionFen: number };
  summary: string | null;
  issuedBy: string | null;
  issuedAt: number | null;
}

export const annualAppraisalNumberOf = (reviewCaseNumber: string): string =>
  `${reviewCaseNumber}-A`;

/**
 * 000 §六.2: "年度考核于次年1月中旬进行". Read as: due at the end of working hours (18:00) on
 * the last working day on or before 15 January of the next year, on the company calendar (a
 * weekend or holiday moves it earlier, like Decision 6's monthly deadline).
 */
export function annualAppraisalDue(
  year: string,
  policy: PolicyDocument,
  calendar: BusinessCalendar = new BusinessCalendar(policy.calendar, defaultHolidayTables),
): { due: Date; provisional: boolean; basis: string } {
  const next = Number(year) + 1;
  let day = dayIndexOfIsoDate(`${next}-01-${String(ANNUAL_APPRAISAL_BY_DAY).padStart(2, '0')}`);
  const floor = day - 31;
  while (!calendar.isWorkingDay(isoDateOfDay(day)) && day > floor) day -= 1;
  const close = minutesOf(policy.calendar.workingHours.end) * MS_PER_MINUTE;
  return {
    due: new Date(dayStartMs(day, policy.calendar.utcOffsetMinutes) + close),
    provisional: calendar.dayInfo(isoDateOfDay(day)).provisional,
    basis:
      '000 §六.2 年度考核于次年1月中旬进行 (18:00 on the last working day on or before 15 January)',
  };
}

/**
 * The year's twelve months in order, December being the review now opened (its complaints
 * counted from the review itself), and the year's totals. Pure.
 */
export function annualAppraisalOf(
  sources: AnnualAppraisalSources,
  december: { caseNumber: string; complaints: number },
  reviewCaseNumber: string,
  due: { due: Date; provisional: boolean },
): AnnualAppraisal {
  const months: AppraisedMonth[] = [];
  for (let m = 1; m <= 12; m += 1) {
    const month = `${sources.year}-${String(m).padStart(2, '0')}`;
    const found = sources.months.find((r) => r.month === month);
    months.push(
      m === 12
        ? {
            month,
            caseNumber: december.caseNumber,
            status: 'reviewing',
            complaints: december.complaints,
            totalDeductionFen: null,
            approvedDeductionFen: null,
            reviewedOnTime: null,
          }
        : (found ?? {
            month,
            caseNumber: null,
            status: null,
            complaints: 0,
            totalDeductionFen: null,
            approvedDeductionFen: null,
            reviewedOnTime: null,
          }),
    );
  }
  return {
    year: sources.year,
    docNumber: annualAppraisalNumberOf(reviewCaseNumber),
    due: due.due.getTime(),
    dueProvisional: due.provisional,
    months,
    staffRatings: sources.staffRatings,
    totals: {
      complaints: months.reduce((s, m) => s + m.complaints, 0),
      monthsReviewed: months.filter((m) => m.caseNumber !== null).length,
      approvedDeductionFen: months.reduce((s, m) => s + (m.approvedDeductionFen ?? 0), 0),
    },
    summary: null,
    issuedBy: null,
    issuedAt: null,
  };
}
