import type { BusinessCalendar } from '../calendar/business-calendar';
import { minutesOf } from '../calendar/calendar-settings';
import { MS_PER_MINUTE, dayStartMs, isoDateOfDay, localDayIndex } from '../calendar/civil-time';
import { DomainError } from '../errors/domain-error';
import type { PolicyDocument } from '../policy/policy.schema';
import { type Instant, toMs } from '../shared/instant';

export interface CarryOver {
  /** the working day the request counts to (YYYY-MM-DD) */
  day: string;
  /** that day's dispatch cut-off: not dispatched by then → carried over */
  at: Date;
  /** the next working day, on which the request is first priority */
  priorityDay: string;
  priorityFrom: Date;
  /** a day walked had no published holiday table (weekends only) */
  provisional: boolean;
}

const MAX_DAYS = 366;

/**
 * 001 §11: CS checks the register against the vouchers; work not dispatched that day goes to the
 * department manager with priority the next working day. A request counts to the working day
 * on which it arrives, or — arriving after the cut-off, on a weekend or a holiday — to the next
 * working day (make-up working days 调休 count as working days). The cut-off is policy data
 * (default: the end of working hours, 18:00).
 */
export function carryOverAt(
  requestedAt: Instant,
  calendar: BusinessCalendar,
  policy: PolicyDocument,
): CarryOver {
  const offset = calendar.settings.utcOffsetMinutes;
  const cutOffMin = minutesOf(policy.repair.dispatch.cutOff);
  const openMin = minutesOf(calendar.settings.workingHours.start);
  const ms = toMs(requestedAt);
  let provisional = false;
  const nextWorkingDay = (from: number): number => {
    for (let d = from, i = 0; i < MAX_DAYS; d++, i++) {
      const info = calendar.dayInfo(isoDateOfDay(d));
      provisional ||= info.provisional;
      if (info.working) return d;
    }
    throw new DomainError('CALENDAR_RANGE_EXCEEDED', 'No working day within a year', {
      from: isoDateOfDay(from),
    });
  };
  const cutOf = (d: number) => dayStartMs(d, offset) + cutOffMin * MS_PER_MINUTE;
  let day = nextWorkingDay(localDayIndex(ms, offset));
  if (ms >= cutOf(day)) day = nextWorkingDay(day + 1);
  const priorityDay = nextWorkingDay(day + 1);
  return {
    day: isoDateOfDay(day),
    at: new Date(cutOf(day)),
    priorityDay: isoDateOfDay(priorityDay),
    priorityFrom: new Date(dayStartMs(priorityDay, offset) + openMin * MS_PER_MINUTE),
    provisional,
  };
}

/** 001 §11: an undispatched request is first priority once its day's cut-off has passed. */
export function priorityAt(
  state: { status: string; carryOverAt: number; priority: 'normal' | 'first' },
  now: Instant,
): 'normal' | 'first' {
  if (state.status !== 'awaiting_dispatch') return 'normal';
  return state.priority === 'first' || toMs(now) >= state.carryOverAt ? 'first' : 'normal';
}
