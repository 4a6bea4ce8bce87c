import { z } from 'zod';
import { SHANGHAI_OFFSET_MINUTES } from './civil-time';

const hhmm = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$|^24:00$/, 'expected HH:mm');
export const minutesOf = (value: string): number =>
  Number(value.slice(0, 2)) * 60 + Number(value.slice(3, 5));

/**
 * The calendar part of a policy. `unknownYear` says what happens when a deadline reaches a year
 * whose holiday table is not published yet: 'error' refuses (CALENDAR_YEAR_UNKNOWN);
 * 'weekends_only' counts weekends only and flags the result provisional so the case can be
 * recomputed once the table is loaded. Never a silent guess either way.
 */
export const calendarSettingsSchema = z
  .object({
    timeZone: z.literal('Asia/Shanghai'),
    utcOffsetMinutes: z.number().int().min(-720).max(840),
    workingHours: z.object({ start: hhmm, end: hhmm }),
    weekendDays: z.array(z.number().int().min(1).max(7)).max(6),
    unknownYear: z.enum(['error', 'weekends_only']),
  })
  .superRefine((s, ctx) => {
    if (minutesOf(s.workingHours.start) >= minutesOf(s.workingHours.end)) {
      ctx.addIssue({
        code: z.ZodIssueCode.custom,
        path: ['workingHours', 'end'],
        message: 'working hours must end after they start',
      });
    }
    if (new Set(s.weekendDays).size !== s.weekendDays.length) {
      ctx.addIssue({
        code: z.ZodIssueCode.custom,
        path: ['weekendDays'],
        message: 'weekend days must not repeat',
      });
    }
  });

export type CalendarSettings = z.infer<typeof calendarSettingsSchema>;

/** 001 篇3 考勤制度: 工作时间 9:00—18:00; Saturday and Sunday off; Asia/Shanghai (UTC+8, no DST). */
export const defaultCalendarSettings: CalendarSettings = {
  timeZone: 'Asia/Shanghai',
  utcOffsetMinutes: SHANGHAI_OFFSET_MINUTES,
  workingHours: { start: '09:00', end: '18:00' },
  weekendDays: [6, 7],
  unknownYear: 'weekends_only',
};
