import { z } from 'zod';
import { DEPARTMENTS } from '../shared/org';
import { SHANGHAI_OFFSET_MINUTES } from './civil-time';

const hhmm = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$|^24:00$/, 'expected HH:mm');
export const minutesOf = (value: string): number =>
  Number(value.slice(0, 2)) * 60 + Number(value.slice(3, 5));

/**
 * A department's own working week (Decision 7; 001 篇3 三.1–2: sales works weekends, each person
 * taking one weekday off in rotation, so the department itself is open every day). It replaces
 * the company's weekend days (and, if given, working hours) for that department's tasks; public
 * holidays and make-up days stay the company's.
 */
export const departmentCalendarSchema = z
  .object({
    weekendDays: z.array(z.number().int().min(1).max(7)).max(6),
    workingHours: z.object({ start: hhmm, end: hhmm }).optional(),
    /** article or "default": why this department keeps this week */
    basis: z.string().min(1),
    source: z.enum(['seed', 'default']),
  })
  .strict();
export type DepartmentCalendar = z.infer<typeof departmentCalendarSchema>;

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
    /** departments with their own working week (Decision 7); absent = the company's for all */
    departments: z.record(z.enum(DEPARTMENTS), departmentCalendarSchema).optional(),
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
    for (const [department, own] of Object.entries(s.departments ?? {})) {
      if (!own) continue;
      if (own.workingHours && minutesOf(own.workingHours.start) >= minutesOf(own.workingHours.end))
        ctx.addIssue({
          code: z.ZodIssueCode.custom,
          path: ['departments', department, 'workingHours', 'end'],
          message: 'working hours must end after they start',
        });
      if (new Set(own.weekendDays).size !== own.weekendDays.length)
        ctx.addIssue({
          code: z.ZodIssueCode.custom,
          path: ['departments', department, 'weekendDays'],
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

/**
 * The settings a department's tasks count on: the company's, with the department's own week
 * when the policy gives it one (Decision 7). Without one, the company's settings unchanged.
 */
export function settingsForDepartment(
  settings: CalendarSettings,
  department: string | null | undefined,
): CalendarSettings {
  const own = department
    ? settings.departments?.[department as keyof typeof settings.departments]
    : undefined;
  if (!own) return settings;
  return {
    ...settings,
    weekendDays: [...own.weekendDays],
    workingHours: own.workingHours ?? settings.workingHours,
  };
}
