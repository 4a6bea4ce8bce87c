import { BusinessCalendar } from './business-calendar';
import { type CalendarSettings, settingsForDepartment } from './calendar-settings';
import { type HolidayTables, defaultHolidayTables } from './holiday-tables';

/**
 * The company's calendar and each department's own (Decision 7): a department's tasks count
 * their deadlines and business time on `of(department)`, which is the company's calendar itself
 * when the policy gives the department no week of its own (so nothing changes without one).
 */
export class DepartmentCalendars {
  readonly company: BusinessCalendar;
  private readonly own = new Map<string, BusinessCalendar>();

  constructor(
    settings: CalendarSettings,
    private readonly tables: HolidayTables = defaultHolidayTables,
  ) {
    this.company = new BusinessCalendar(settings, tables);
  }

  /** whether the department keeps a week of its own (the explanation record says so) */
  hasOwn(department: string | null | undefined): boolean {
    return this.of(department) !== this.company;
  }

  of(department: string | null | undefined): BusinessCalendar {
    const settings = this.company.settings;
    if (!department || !settings.departments) return this.company;
    const cached = this.own.get(department);
    if (cached) return cached;
    const merged = settingsForDepartment(settings, department);
    const calendar = merged === settings ? this.company : new BusinessCalendar(merged, this.tables);
    this.own.set(department, calendar);
    return calendar;
  }
}
