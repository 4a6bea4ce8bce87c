import {
  MS_PER_DAY,
  dayIndexOfIsoDate,
  dayStartMs,
  localDayIndex,
  isoDateOfDay,
} from '../calendar/civil-time';
import { DomainError } from '../errors/domain-error';
import type { PolicyDocument } from '../policy/policy.schema';
import { type Instant, toMs } from '../shared/instant';

export interface MonthlyReview {
  /** the month whose closed complaints are reviewed, "YYYY-MM" */
  month: string;
  /** end of the policy's day (the 10th) of the following month, local time */
  due: Date;
  basis: string;
}

/** The month ("YYYY-MM", local time) a complaint closed in: the review it belongs to. */
export function reviewMonthOf(closedAt: Instant, policy: PolicyDocument): string {
  return isoDateOfDay(localDayIndex(toMs(closedAt), policy.calendar.utcOffsetMinutes)).slice(0, 7);
}

/**
 * 001 §28.1: by the 10th, the GM office reviews last month's closed complaints. "By the 10th"
 * is read as the end of that day (the seed's 10日前 could also mean before it: see the report).
 */
export function monthlyReviewFor(month: string, policy: PolicyDocument): MonthlyReview {
  if (!/^\d{4}-(0[1-9]|1[0-2])$/.test(month))
    throw new DomainError('COMMAND_INVALID', `"${month}" is not a month (YYYY-MM)`, { month });
  const y = Number(month.slice(0, 4));
  const m = Number(month.slice(5, 7));
  const next = m === 12 ? `${y + 1}-01` : `${y}-${String(m + 1).padStart(2, '0')}`;
  const day = dayIndexOfIsoDate(
    `${next}-${String(policy.complaint.monthlyReviewByDay).padStart(2, '0')}`,
  );
  return {
    month,
    due: new Date(dayStartMs(day, policy.calendar.utcOffsetMinutes) + MS_PER_DAY),
    basis: '001 §28.1 每月10日前审视上月份结案的客户投诉案件',
  };
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
