import type { BusinessCalendar } from '../calendar/business-calendar';
import type { PolicyDocument } from '../policy/policy.schema';
import { type Instant } from '../shared/instant';

export interface FollowUpDue {
  due: Date;
  provisional: boolean;
}

/** DOMAIN.md §5: CS calls within the policy's time after the case closes (3 working days). */
export function followUpDue(
  closedAt: Instant,
  policy: PolicyDocument,
  calendar: BusinessCalendar,
): FollowUpDue {
  const r = calendar.add(closedAt, policy.followUp.afterClose);
  return { due: r.at, provisional: r.provisional };
}

export type NextAttempt =
  | { action: 'retry'; at: Date; attempt: number; provisional: boolean }
  | { action: 'close_unreachable'; attempts: number };

/** Unreachable → retry per policy, then close as unreachable (DOMAIN.md §5). */
export function nextFollowUpAttempt(
  attemptsMade: number,
  lastAttemptAt: Instant,
  policy: PolicyDocument,
  calendar: BusinessCalendar,
): NextAttempt {
  if (attemptsMade >= policy.followUp.maxAttempts)
    return { action: 'close_unreachable', attempts: attemptsMade };
  const r = calendar.add(lastAttemptAt, policy.followUp.retryAfter);
  return { action: 'retry', at: r.at, attempt: attemptsMade + 1, provisional: r.provisional };
}
