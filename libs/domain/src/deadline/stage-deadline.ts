import type { BusinessCalendar } from '../calendar/business-calendar';
import type { Duration, DurationUnit } from '../calendar/duration';
import { DomainError } from '../errors/domain-error';
import type { PolicyDocument, StageDeadline } from '../policy/policy.schema';
import type { CaseType, StageOf } from '../shared/case-types';
import { type Instant, toMs } from '../shared/instant';
import type { Department } from '../shared/org';

export interface StageDeadlineResult {
  caseType: CaseType;
  stage: string;
  start: Date;
  due: Date;
  /** some day counted had no published holiday table (weekends only); recompute when loaded */
  provisional: boolean;
  /** false when the span start..due reaches a year with no holiday table (see calendarWarning) */
  calendarCovered: boolean;
  /** what the explanation record says when the calendar does not cover the span; else null */
  calendarWarning: string | null;
  amount: number;
  unit: DurationUnit;
  owner: Department;
  basis: string;
  policyVersion: number;
}

export interface CalendarCoverage {
  covered: boolean;
  uncoveredYears: number[];
  warning: string | null;
}

/** Whether the calendar has holiday data for every year a span touches, and the warning if not. */
export function calendarCoverage(
  calendar: BusinessCalendar,
  from: Instant,
  to: Instant,
): CalendarCoverage {
  const uncoveredYears = calendar.uncoveredYears(from, to);
  if (uncoveredYears.length === 0) return { covered: true, uncoveredYears, warning: null };
  return {
    covered: false,
    uncoveredYears,
    warning:
      `No public-holiday table for ${uncoveredYears.join(', ')}: ` +
      'weekends only were counted there; recompute once the State Council table is loaded',
  };
}

export function stageDeadlineOf<T extends CaseType>(
  policy: PolicyDocument,
  caseType: T,
  stage: StageOf<T>,
): StageDeadline {
  const stages = policy.deadlines[caseType] as Record<string, StageDeadline | undefined>;
  const found = stages[stage];
  if (!found)
    throw new DomainError(
      'COMMAND_INVALID',
      `Policy v${policy.version} has no deadline for ${caseType}.${stage}`,
      { caseType, stage },
    );
  return found;
}

/**
 * When a stage started at `start` is due, in exactly the unit the policy says. CS may set a
 * department's handling deadline on the form (001 §25.2): pass it as `override`.
 */
export function computeStageDeadline<T extends CaseType>(
  policy: PolicyDocument,
  calendar: BusinessCalendar,
  caseType: T,
  stage: StageOf<T>,
  start: Instant,
  override?: Duration,
): StageDeadlineResult {
  const rule = stageDeadlineOf(policy, caseType, stage);
  const duration: Duration = override ?? { amount: rule.amount, unit: rule.unit };
  const due = calendar.add(start, duration);
  const coverage = calendarCoverage(calendar, start, due.at);
  return {
    caseType,
    stage,
    start: new Date(toMs(start)),
    due: due.at,
    provisional: due.provisional,
    calendarCovered: coverage.covered,
    calendarWarning: coverage.warning,
    amount: duration.amount,
    unit: duration.unit,
    owner: rule.owner,
    basis: override ? `${rule.basis}; set on the form (001 §25.2)` : rule.basis,
    policyVersion: policy.version,
  };
}

/**
 * The year of `now` and the next one, those without a holiday table: what a worker warns about
 * when it starts (deadlines reaching them count weekends only until the table is loaded).
 */
export function uncoveredComingYears(calendar: BusinessCalendar, now: Instant): number[] {
  const year = Number(
    new Date(toMs(now) + calendar.settings.utcOffsetMinutes * 60_000).getUTCFullYear(),
  );
  return [year, year + 1].filter((y) => !calendar.hasYear(y));
}
