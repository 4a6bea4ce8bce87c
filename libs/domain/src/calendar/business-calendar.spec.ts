import fc from 'fast-check';
import { BusinessCalendar } from './business-calendar';
import { defaultCalendarSettings } from './calendar-settings';
import {
  MS_PER_DAY,
  MS_PER_HOUR,
  MS_PER_MINUTE,
  dayIndexOfIsoDate,
  formatLocal,
  localToInstant,
} from './civil-time';
import { defaultHolidayTables, withYear } from './holiday-tables';

const cal = new BusinessCalendar(defaultCalendarSettings, defaultHolidayTables);
const strict = new BusinessCalendar(
  { ...defaultCalendarSettings, unknownYear: 'error' },
  defaultHolidayTables,
);
const at = (local: string) => localToInstant(local);
const local = (ms: number) => formatLocal(ms);

describe('business calendar — table tests over real dates (cn-public-holidays.json)', () => {
  it('001 §26.1 + 2026 National Day: accepted 2026-09-30 17:00, 6 working days → 2026-10-14 17:00', () => {
    // 09-30 Wed 1 h; 10-01..07 holiday; 10-08 Thu 9 h; 10-09 Fri 9 h; 10-10 Sat make-up 9 h;
    // 10-11 Sun off; 10-12 Mon 9 h; 10-13 Tue 9 h (= 46 h); 10-14 Wed 8 h → 17:00. Total 54 h = 6 × 9 h.
    const due = cal.addWorkingDays(at('2026-09-30 17:00'), 6);
    expect(local(due.ms)).toBe('2026-10-14T17:00+08:00');
    expect(due.provisional).toBe(false);
  });

  it('2026 Spring Festival: 2026-02-13 Fri 10:00 + 3 working days uses the 02-14 make-up Saturday → 2026-02-25 10:00', () => {
    // 02-13 8 h, 02-14 (Sat, 调休上班) 9 h, 02-15..23 holiday, 02-24 9 h, 02-25 1 h.
    expect(local(cal.addWorkingDays(at('2026-02-13 10:00'), 3).ms)).toBe('2026-02-25T10:00+08:00');
  });

  it('2025 National Day + Mid-Autumn: 2025-09-30 17:00 + 1 working day → 2025-10-09 17:00', () => {
    expect(local(cal.addWorkingDays(at('2025-09-30 17:00'), 1).ms)).toBe('2025-10-09T17:00+08:00');
  });

  it('2025-10-11 (Sat) and 2025-09-28 (Sun) are make-up working days; 2025-10-08 (Wed) is a holiday', () => {
    expect(cal.dayInfo('2025-10-11')).toMatchObject({ working: true, kind: 'makeup_workday' });
    expect(cal.dayInfo('2025-09-28')).toMatchObject({ working: true, kind: 'makeup_workday' });
    expect(cal.dayInfo('2025-10-08')).toMatchObject({ working: false, kind: 'holiday' });
  });

  it('2026 Dragon Boat: 2026-06-18 Thu 17:00 + 2 working days skips 06-19..21 → 2026-06-23 17:00', () => {
    expect(local(cal.addWorkingDays(at('2026-06-18 17:00'), 2).ms)).toBe('2026-06-23T17:00+08:00');
  });

  it('X01 001 篇3 考勤制度: working hours are 9:00–18:00 (half-open)', () => {
    expect(cal.isWorkingTime(at('2026-03-02 08:59'))).toBe(false);
    expect(cal.isWorkingTime(at('2026-03-02 09:00'))).toBe(true);
    expect(cal.isWorkingTime(at('2026-03-02 17:59'))).toBe(true);
    expect(cal.isWorkingTime(at('2026-03-02 18:00'))).toBe(false);
    expect(cal.isWorkingTime(at('2026-03-07 10:00'))).toBe(false); // Saturday
  });

  it('business hours: Friday 17:30 + 2 business hours → Monday 10:30', () => {
    expect(local(cal.addBusinessHours(at('2026-03-06 17:30'), 2).ms)).toBe(
      '2026-03-09T10:30+08:00',
    );
  });

  it('a day fully used lands at 18:00 the same day, not 09:00 the next working day', () => {
    expect(local(cal.addBusinessHours(at('2026-03-02 09:00'), 9).ms)).toBe(
      '2026-03-02T18:00+08:00',
    );
  });

  it('work received after hours starts counting at the next opening', () => {
    expect(local(cal.addBusinessHours(at('2026-09-30 20:00'), 1).ms)).toBe(
      '2026-10-08T10:00+08:00',
    );
    expect(local(cal.nextWorkingMoment(at('2026-10-01 12:00')).ms)).toBe('2026-10-08T09:00+08:00');
    expect(local(cal.nextWorkingMoment(at('2026-03-02 18:00')).ms)).toBe('2026-03-03T09:00+08:00');
  });

  it('calendar days ignore holidays: 2026-09-30 17:00 + 6 calendar days → 2026-10-06 17:00', () => {
    expect(local(cal.addCalendarDays(at('2026-09-30 17:00'), 6).ms)).toBe('2026-10-06T17:00+08:00');
  });

  it('working time between 2026-09-30 17:00 and 2026-10-08 10:00 is 2 h', () => {
    expect(cal.workingTimeBetween(at('2026-09-30 17:00'), at('2026-10-08 10:00')).ms).toBe(
      2 * MS_PER_HOUR,
    );
  });

  it('task §2: a deadline reaching 2027 (no table) is provisional under weekends_only', () => {
    const due = cal.addWorkingDays(at('2026-12-31 17:00'), 1);
    expect(local(due.ms)).toBe('2027-01-01T17:00+08:00');
    expect(due.provisional).toBe(true);
  });

  it('task §2: a deadline reaching 2027 (no table) is CALENDAR_YEAR_UNKNOWN under error', () => {
    expect(() => strict.addWorkingDays(at('2026-12-31 17:00'), 1)).toThrow(
      expect.objectContaining({
        code: 'CALENDAR_YEAR_UNKNOWN',
        details: expect.objectContaining({ year: 2027, knownYears: [2025, 2026] }),
      }),
    );
  });

  it('task §2: once the 2027 table is loaded, the same deadline is recomputed and no longer provisional', () => {
    const loaded = new BusinessCalendar(
      defaultCalendarSettings,
      withYear(defaultHolidayTables, 2027, {
        holidays: [['2027-01-01', '2027-01-03', '元旦']],
        makeupWorkdays: [],
      }),
    );
    const due = loaded.addWorkingDays(at('2026-12-31 17:00'), 1);
    expect(local(due.ms)).toBe('2027-01-04T17:00+08:00');
    expect(due.provisional).toBe(false);
  });

  it('a day asked about twice answers the same, and what dayInfo hands out cannot change later answers (days are remembered, issue 14)', () => {
    const fresh = new BusinessCalendar(defaultCalendarSettings, defaultHolidayTables);
    const nationalDay = fresh.dayInfo('2026-10-01');
    expect(nationalDay).toMatchObject({ working: false, kind: 'holiday' });
    expect(() => {
      (nationalDay as { working: boolean }).working = true;
    }).toThrow(TypeError);
    expect(fresh.dayInfo('2026-10-01')).toMatchObject({ working: false, kind: 'holiday' });
    expect(fresh.isWorkingDay('2026-10-01')).toBe(false);
    // the same measure twice, before and after the days were remembered: 2 h
    const from = at('2026-09-30 17:00');
    const to = at('2026-10-08 10:00');
    expect(fresh.workingTimeBetween(from, to).ms).toBe(2 * MS_PER_HOUR);
    expect(fresh.workingTimeBetween(from, to).ms).toBe(2 * MS_PER_HOUR);
  });

  it('calendar units never need the table', () => {
    expect(strict.addCalendarDays(at('2026-12-31 17:00'), 3).provisional).toBe(false);
  });
});

describe('business calendar — properties', () => {
  // Instants between 2025-01-01 and 2026-10-31 (local), at minute resolution.
  const from = at('2025-01-01 00:00').getTime();
  const to = at('2026-10-31 00:00').getTime();
  const instant = fc
    .integer({ min: 0, max: (to - from) / MS_PER_MINUTE })
    .map((m) => from + m * MS_PER_MINUTE);
  const workingMs = fc.integer({ min: 1, max: 20 * 9 * 60 }).map((m) => m * MS_PER_MINUTE); // up to 20 working days

  const holidayDays: string[] = [];
  const makeupDays: string[] = [];
  for (const table of Object.values(defaultHolidayTables.years)) {
    for (const [a, b] of table.holidays) {
      for (let d = dayIndexOfIsoDate(a); d <= dayIndexOfIsoDate(b); d++)
        holidayDays.push(new Date(d * MS_PER_DAY).toISOString().slice(0, 10));
    }
    makeupDays.push(...table.makeupWorkdays);
  }

  it('task §2 property: adding working time never lands outside working hours (the last consumed minute is working time)', () => {
    fc.assert(
      fc.property(instant, workingMs, (t, d) => {
        const due = cal.addBusinessTime(t, d).ms;
        return (
          due > t &&
          cal.isWorkingTime(due - MS_PER_MINUTE) &&
          (cal.isWorkingTime(due) || cal.isWorkingTime(due - 1))
        );
      }),
    );
  });

  it('task §2 property: add-then-measure round-trips', () => {
    fc.assert(
      fc.property(
        instant,
        workingMs,
        (t, d) => cal.workingTimeBetween(t, cal.addBusinessTime(t, d).ms).ms === d,
      ),
    );
  });

  it('task §2 property: measuring then adding never overshoots', () => {
    fc.assert(
      fc.property(instant, instant, (a, b) => {
        const [x, y] = a <= b ? [a, b] : [b, a];
        const used = cal.workingTimeBetween(x, y).ms;
        const back = cal.addBusinessTime(x, used).ms;
        return back <= y && cal.workingTimeBetween(back, y).ms === 0;
      }),
    );
  });

  it('property: more working time never yields an earlier deadline', () => {
    fc.assert(
      fc.property(
        instant,
        workingMs,
        workingMs,
        (t, d1, d2) =>
          cal.addBusinessTime(t, Math.min(d1, d2)).ms <=
          cal.addBusinessTime(t, Math.max(d1, d2)).ms,
      ),
    );
  });

  it('property: working time is additive over adjacent intervals', () => {
    fc.assert(
      fc.property(instant, instant, instant, (p, q, r) => {
        const [a, b, c] = [p, q, r].sort((x, y) => x - y) as [number, number, number];
        return (
          cal.workingTimeBetween(a, b).ms + cal.workingTimeBetween(b, c).ms ===
          cal.workingTimeBetween(a, c).ms
        );
      }),
    );
  });

  it('task §2 property: make-up workdays count as working days (9 h each), holidays never count', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...makeupDays),
        fc.integer({ min: 9 * 60, max: 18 * 60 - 1 }),
        (day, minute) => {
          const start = at(`${day} 00:00`).getTime();
          return (
            cal.isWorkingDay(day) &&
            cal.isWorkingTime(start + minute * MS_PER_MINUTE) &&
            cal.workingTimeBetween(start, start + MS_PER_DAY).ms === 9 * MS_PER_HOUR
          );
        },
      ),
    );
    fc.assert(
      fc.property(
        fc.constantFrom(...holidayDays),
        fc.integer({ min: 0, max: 24 * 60 - 1 }),
        (day, minute) => {
          const start = at(`${day} 00:00`).getTime();
          return (
            !cal.isWorkingDay(day) &&
            !cal.isWorkingTime(start + minute * MS_PER_MINUTE) &&
            cal.workingTimeBetween(start, start + MS_PER_DAY).ms === 0
          );
        },
      ),
    );
  });
});
