import { computeStageDeadline, uncoveredComingYears } from '../deadline/stage-deadline';
import { parsePolicy } from '../policy/parse-policy';
import { defaultPolicy, defaultPolicyInput } from '../policy/default-policy';
import { BusinessCalendar } from './business-calendar';
import { calendarSettingsSchema, defaultCalendarSettings } from './calendar-settings';
import { formatLocal, localToInstant } from './civil-time';
import { DepartmentCalendars } from './department-calendars';
import { defaultHolidayTables } from './holiday-tables';

const at = (s: string) => localToInstant(s);
const local = (ms: number | Date) => formatLocal(new Date(ms).getTime());

/** 001 篇3 三.1–2: one weekday off per person in rotation, so sales is open all seven days. */
const salesWeek = {
  weekendDays: [],
  basis: '001 篇3 三.1–2 每周轮休一天(周一至周五), 销售部周末上班',
  source: 'seed' as const,
};
const withSalesWeek = { ...defaultCalendarSettings, departments: { sales: salesWeek } };

describe('department calendars (Decision 7)', () => {
  it('X02 001 篇3 三.1–2: sales works the weekend — Fri 2026-03-06 10:00 + 2 working days → Sun 2026-03-08 10:00 for sales, Tue 2026-03-10 10:00 for the company', () => {
    const calendars = new DepartmentCalendars(withSalesWeek, defaultHolidayTables);
    expect(local(calendars.of('sales').addWorkingDays(at('2026-03-06 10:00'), 2).ms)).toBe(
      '2026-03-08T10:00+08:00',
    );
    expect(local(calendars.of('cs').addWorkingDays(at('2026-03-06 10:00'), 2).ms)).toBe(
      '2026-03-10T10:00+08:00',
    );
    expect(calendars.of('sales').isWorkingTime(at('2026-03-07 10:00'))).toBe(true); // Saturday
    expect(calendars.of('sales').isWorkingTime(at('2026-03-07 18:00'))).toBe(false); // 9:00–18:00
    expect(calendars.hasOwn('sales')).toBe(true);
    expect(calendars.hasOwn('cs')).toBe(false);
  });

  it('X02 001 篇3 三.1–2: a sales week still keeps the public holidays — 2026-10-01..07 (National Day) stay off for sales', () => {
    const sales = new DepartmentCalendars(withSalesWeek).of('sales');
    expect(sales.dayInfo('2026-10-03')).toMatchObject({ working: false, kind: 'holiday' });
    expect(local(sales.addWorkingDays(at('2026-09-30 17:00'), 1).ms)).toBe(
      '2026-10-08T17:00+08:00',
    );
  });

  it('X02 Decision 7: a sales task on the policy counts on the sales week (return supervisor approval, 1 working day from Fri 2026-03-06 17:00 → Sat 2026-03-07 17:00)', () => {
    const policy = parsePolicy({
      ...defaultPolicyInput,
      calendar: withSalesWeek,
    });
    const calendars = new DepartmentCalendars(policy.calendar);
    const due = computeStageDeadline(
      policy,
      calendars.of('sales'),
      'return',
      'supervisorApproval',
      at('2026-03-06 17:00'),
    );
    expect(local(due.due)).toBe('2026-03-07T17:00+08:00');
  });

  it('without a department calendar every department counts on the company calendar itself (no behaviour change)', () => {
    const calendars = new DepartmentCalendars(defaultPolicy.calendar);
    expect(calendars.of('sales')).toBe(calendars.company);
    expect(calendars.of(null)).toBe(calendars.company);
    expect(local(calendars.of('sales').addWorkingDays(at('2026-03-06 10:00'), 2).ms)).toBe(
      '2026-03-10T10:00+08:00',
    );
  });

  it('a department calendar with a repeated weekend day or inverted hours is refused with its path', () => {
    const result = calendarSettingsSchema.safeParse({
      ...defaultCalendarSettings,
      departments: {
        sales: {
          ...salesWeek,
          weekendDays: [3, 3],
          workingHours: { start: '18:00', end: '09:00' },
        },
      },
    });
    expect(result.success).toBe(false);
    const paths = result.error?.issues.map((i) => i.path.join('.'));
    expect(paths).toEqual(
      expect.arrayContaining([
        'departments.sales.weekendDays',
        'departments.sales.workingHours.end',
      ]),
    );
  });
});

describe('calendar coverage: 2027 has no State Council table on this machine (never invented)', () => {
  const cal = new BusinessCalendar(defaultCalendarSettings, defaultHolidayTables);

  it('the loaded tables are 2025 and 2026 only', () => {
    expect(cal.years()).toEqual([2025, 2026]);
    expect(cal.hasYear(2027)).toBe(false);
  });

  it('a deadline computed into 2027 carries calendarCovered false and a warning naming 2027 (001 §25.3 report: 3 working days from 2026-12-30 10:00 → 2027-01-04 10:00, weekends only)', () => {
    const due = computeStageDeadline(
      defaultPolicy,
      cal,
      'complaint',
      'investigationReport',
      at('2026-12-30 10:00'),
    );
    expect(local(due.due)).toBe('2027-01-04T10:00+08:00');
    expect(due).toMatchObject({ provisional: true, calendarCovered: false });
    expect(due.calendarWarning).toContain('2027');
  });

  it('a deadline inside 2026 is covered, with no warning', () => {
    const due = computeStageDeadline(
      defaultPolicy,
      cal,
      'complaint',
      'investigationReport',
      at('2026-12-01 10:00'),
    );
    expect(due).toMatchObject({ calendarCovered: true, calendarWarning: null });
  });

  it('even a calendar-day deadline that ends in 2027 is flagged (its escalations and business time count there)', () => {
    const due = computeStageDeadline(
      defaultPolicy,
      cal,
      'complaint',
      'improvement',
      at('2026-12-15 10:00'),
    );
    expect(local(due.due)).toBe('2027-01-14T10:00+08:00');
    expect(due).toMatchObject({ provisional: false, calendarCovered: false });
  });

  it('the worker warns in 2026 about 2027, and in 2027 about 2027 and 2028; not in 2025', () => {
    expect(uncoveredComingYears(cal, at('2026-12-02 08:00'))).toEqual([2027]);
    expect(uncoveredComingYears(cal, at('2027-01-01 00:30'))).toEqual([2027, 2028]);
    expect(uncoveredComingYears(cal, at('2025-06-01 12:00'))).toEqual([]);
  });
});
