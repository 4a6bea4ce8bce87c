import { z } from 'zod';

/**
 * What "6 days" means is part of the policy: every duration carries its unit, and each unit
 * is measured in its own currency of time (see BusinessCalendar.measure):
 *  - calendar_days / calendar_hours: elapsed time, holidays included;
 *  - working_days: whole working days of working time (one day = the policy's working hours);
 *  - business_hours: hours of working time.
 */
export const DURATION_UNITS = [
  'calendar_days',
  'working_days',
  'business_hours',
  'calendar_hours',
] as const;
export type DurationUnit = (typeof DURATION_UNITS)[number];

export const durationSchema = z.object({
  amount: z.number().finite().nonnegative(),
  unit: z.enum(DURATION_UNITS),
});
export type Duration = z.infer<typeof durationSchema>;

export const isWorkingUnit = (unit: DurationUnit): boolean =>
  unit === 'working_days' || unit === 'business_hours';
