import { z } from 'zod';
import { DomainError } from '../errors/domain-error';
import { dayIndexOfIsoDate, isIsoDate } from './civil-time';
import holidayJson from './data/cn-public-holidays.json';

/**
 * China's public holidays and make-up working days (调休上班) as yearly data. The State Council
 * publishes each year's table in November; until then the year is "unknown" and the calendar
 * refuses to guess (see BusinessCalendar). Tables are data, loaded next to a policy, not inside
 * it: loading the 2027 table must reach running cases without a new policy version.
 */
const isoDate = z.string().refine(isIsoDate, { message: 'expected a date YYYY-MM-DD' });

export const holidayYearSchema = z
  .object({
    holidays: z.array(z.tuple([isoDate, isoDate, z.string().min(1)])),
    makeupWorkdays: z.array(isoDate),
  })
  .superRefine((year, ctx) => {
    const off = new Set<number>();
    year.holidays.forEach(([from, to], i) => {
      if (!isIsoDate(from) || !isIsoDate(to)) return;
      const a = dayIndexOfIsoDate(from);
      const b = dayIndexOfIsoDate(to);
      if (b < a)
        ctx.addIssue({
          code: z.ZodIssueCode.custom,
          path: ['holidays', i],
          message: `range ends (${to}) before it starts (${from})`,
        });
      for (let d = a; d <= b; d++) off.add(d);
    });
    year.makeupWorkdays.forEach((day, i) => {
      if (isIsoDate(day) && off.has(dayIndexOfIsoDate(day))) {
        ctx.addIssue({
          code: z.ZodIssueCode.custom,
          path: ['makeupWorkdays', i],
          message: `${day} is both a holiday and a make-up workday`,
        });
      }
    });
  });

export const holidayTablesSchema = z.object({
  source: z.string().optional(),
  years: z.record(z.string().regex(/^\d{4}$/, 'year keys are four digits'), holidayYearSchema),
});

/** JSON-serialisable: it may travel in a workflow input next to the pinned policy. */
export type HolidayTables = z.infer<typeof holidayTablesSchema>;

export function parseHolidayTables(input: unknown): HolidayTables {
  const result = holidayTablesSchema.safeParse(input);
  if (!result.success) {
    const issues = result.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message }));
    throw new DomainError(
      'HOLIDAY_TABLE_INVALID',
      `Holiday table rejected: ${issues.length} issue(s)`,
      { issues },
    );
  }
  return result.data;
}

/** Merge a newly published year into the known tables (later tables win per year). */
export const withYear = (
  tables: HolidayTables,
  year: number,
  table: HolidayTables['years'][string],
): HolidayTables =>
  parseHolidayTables({ ...tables, years: { ...tables.years, [String(year)]: table } });

/** 2025 and 2026 as published (国办发明电〔2024〕12号; 2025-11-04 notice). */
export const defaultHolidayTables: HolidayTables = parseHolidayTables(holidayJson);
