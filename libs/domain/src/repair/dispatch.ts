import type { BusinessCalendar } from '../calendar/business-calendar';
import { localDayIndex } from '../calendar/civil-time';
import { DomainError } from '../errors/domain-error';
import { type Instant, toMs } from '../shared/instant';

/**
 * 001 §11: requests not dispatched on the day they were registered go to the department manager
 * with priority the next (working) day.
 */
export function dispatchPriority(
  registeredAt: Instant,
  now: Instant,
  calendar: BusinessCalendar,
): 'normal' | 'priority' {
  const offset = calendar.settings.utcOffsetMinutes;
  return localDayIndex(toMs(now), offset) > localDayIndex(toMs(registeredAt), offset)
    ? 'priority'
    : 'normal';
}

export interface OutOfTownStatus {
  outOfTown: boolean;
  /** the department manager's approval of the 异地服务申请单, if any */
  approvedBy: string | null;
}

/** 001 §12: out-of-town service only after the department manager approved the application. */
export function assertMayTravel(caseNumber: string, status: OutOfTownStatus): void {
  if (status.outOfTown && status.approvedBy === null) {
    throw new DomainError(
      'OUT_OF_TOWN_NOT_APPROVED',
      'Out-of-town service needs an approved out-of-town service application first (001 §12)',
      { caseNumber },
    );
  }
}
