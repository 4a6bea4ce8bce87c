import { type BusinessCalendar, calendarCoverage } from '@aso/domain';

/** Remaining (or, when negative, overdue) working time of one deadline, as of `now`. */
export interface BusinessTimeLeft {
  dueAt: string;
  /** working ms from now to the due instant; negative = working time since it passed */
  remainingWorkingMs: number;
  /** the calendar had no holiday table for a year it walked (the figure may change) */
  provisional: boolean;
  /** false when now..due reaches a year with no holiday table (weekends only counted there) */
  calendarCovered: boolean;
  /** the warning to show when not covered (names the years); else null */
  calendarWarning: string | null;
}

/**
 * Working time between now and a deadline on the case's business calendar (its pinned policy's
 * working hours, weekends, public holidays and make-up days): what the case page shows as
 * "remaining business time". Null when there is no deadline or the calendar cannot measure it.
 */
export function businessTimeLeft(
  calendar: BusinessCalendar,
  now: Date,
  dueAt: string | Date | null | undefined,
): BusinessTimeLeft | null {
  if (!dueAt) return null;
  const due = new Date(dueAt);
  try {
    const ahead = due.getTime() >= now.getTime();
    const coverage = calendarCoverage(calendar, now, due);
    const m = ahead ? calendar.workingTimeBetween(now, due) : calendar.workingTimeBetween(due, now);
    return {
      dueAt: due.toISOString(),
      remainingWorkingMs: ahead ? m.ms : -m.ms,
      provisional: m.provisional,
      calendarCovered: coverage.covered,
      calendarWarning: coverage.warning,
    };
  } catch {
    return null;
  }
}
