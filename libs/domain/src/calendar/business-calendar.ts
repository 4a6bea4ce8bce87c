import { DomainError } from '../errors/domain-error';
import { type Instant, toMs } from '../shared/instant';
import { type CalendarSettings, minutesOf } from './calendar-settings';
import {
  MS_PER_DAY,
  MS_PER_HOUR,
  MS_PER_MINUTE,
  dayIndexOfIsoDate,
  dayStartMs,
  isoDateOfDay,
  isoWeekday,
  localDayIndex,
  yearOfDay,
} from './civil-time';
import type { Duration, DurationUnit } from './duration';
import { type HolidayTables, defaultHolidayTables } from './holiday-tables';

export type DayKind = 'workday' | 'weekend' | 'holiday' | 'makeup_workday';

export interface DayInfo {
  date: string;
  working: boolean;
  kind: DayKind;
  holidayName?: string;
  /** true when the day's year has no published table and only weekends were counted */
  provisional: boolean;
}

/** A computed instant plus whether any day it depended on was counted provisionally. */
export interface CalendarResult {
  at: Date;
  ms: number;
  provisional: boolean;
}

export interface MeasuredTime {
  ms: number;
  provisional: boolean;
}

/** Twenty years of days: no legitimate deadline walks further; a bug must not loop forever. */
const MAX_DAYS_WALKED = 366 * 20;

/**
 * Working time in the company's zone: working hours on working days, where a working day is a
 * weekday that is not a public holiday, or a make-up working day (调休上班) even on a weekend.
 * Working time on a day is the half-open interval [open, close); a deadline that uses up a
 * day's last minute lands exactly at close (18:00), "by close of business", never at 09:00 of
 * the next working day.
 */
export class BusinessCalendar {
  private readonly offset: number;
  private readonly openMin: number;
  private readonly closeMin: number;
  private readonly weekend: ReadonlySet<number>;
  private readonly knownYears: ReadonlySet<number>;
  private readonly holidays = new Map<number, string>();
  private readonly makeup = new Set<number>();

  constructor(
    readonly settings: CalendarSettings,
    tables: HolidayTables = defaultHolidayTables,
  ) {
    this.offset = settings.utcOffsetMinutes;
    this.openMin = minutesOf(settings.workingHours.start);
    this.closeMin = minutesOf(settings.workingHours.end);
    this.weekend = new Set(settings.weekendDays);
    this.knownYears = new Set(Object.keys(tables.years).map(Number));
    for (const table of Object.values(tables.years)) {
      for (const [from, to, name] of table.holidays) {
        for (let d = dayIndexOfIsoDate(from); d <= dayIndexOfIsoDate(to); d++)
          this.holidays.set(d, name);
      }
      for (const day of table.makeupWorkdays) this.makeup.add(dayIndexOfIsoDate(day));
    }
  }

  /** Length of one working day (9 h for 09:00–18:00): the unit of `working_days`. */
  get workdayMs(): number {
    return (this.closeMin - this.openMin) * MS_PER_MINUTE;
  }

  hasYear(year: number): boolean {
    return this.knownYears.has(year);
  }

  years(): number[] {
    return [...this.knownYears].sort((a, b) => a - b);
  }

  /**
   * The years the local days of [from, to] fall in that have no holiday table: a deadline whose
   * span touches one was counted on weekends only (no State Council data, never invented).
   */
  uncoveredYears(from: Instant, to: Instant): number[] {
    const first = yearOfDay(localDayIndex(Math.min(toMs(from), toMs(to)), this.offset));
    const last = yearOfDay(localDayIndex(Math.max(toMs(from), toMs(to)), this.offset));
    const missing: number[] = [];
    for (let y = first; y <= last; y++) if (!this.knownYears.has(y)) missing.push(y);
    return missing;
  }

  /** Classify a local day, given an instant on it or its ISO date. */
  dayInfo(dayOrInstant: Instant | string): DayInfo {
    const day =
      typeof dayOrInstant === 'string'
        ? dayIndexOfIsoDate(dayOrInstant)
        : localDayIndex(toMs(dayOrInstant), this.offset);
    return this.classify(day);
  }

  isWorkingDay(dayOrInstant: Instant | string): boolean {
    return this.dayInfo(dayOrInstant).working;
  }

  isWorkingTime(instant: Instant): boolean {
    const ms = toMs(instant);
    const day = localDayIndex(ms, this.offset);
    if (!this.classify(day).working) return false;
    return ms >= this.openOf(day) && ms < this.closeOf(day);
  }

  /** The instant itself if it is working time, else the next opening of a working day. */
  nextWorkingMoment(instant: Instant): CalendarResult {
    let ms = toMs(instant);
    let provisional = false;
    let day = localDayIndex(ms, this.offset);
    for (let walked = 0; walked <= MAX_DAYS_WALKED; walked++, day++) {
      const info = this.classify(day);
      provisional ||= info.provisional;
      if (info.working) {
        const open = this.openOf(day);
        if (ms < open) ms = open;
        if (ms < this.closeOf(day)) return result(ms, provisional);
      }
      ms = this.openOf(day + 1);
    }
    throw this.rangeExceeded(instant);
  }

  /** Add an amount of working time (ms), counted from the next working moment. */
  addBusinessTime(instant: Instant, workingMs: number): CalendarResult {
    assertNonNegative(workingMs);
    const start = toMs(instant);
    if (workingMs === 0) return result(start, false);
    let remaining = workingMs;
    let ms = start;
    let provisional = false;
    let day = localDayIndex(ms, this.offset);
    for (let walked = 0; walked <= MAX_DAYS_WALKED; walked++, day++) {
      const info = this.classify(day);
      provisional ||= info.provisional;
      if (info.working) {
        const from = Math.max(ms, this.openOf(day));
        const available = this.closeOf(day) - from;
        if (available > 0) {
          if (remaining <= available) return result(from + remaining, provisional);
          remaining -= available;
        }
      }
      ms = this.openOf(day + 1);
    }
    throw this.rangeExceeded(instant);
  }

  addBusinessHours(instant: Instant, hours: number): CalendarResult {
    return this.addBusinessTime(instant, hours * MS_PER_HOUR);
  }

  /** N working days = N × one working day of working time; 17:00 + 1 → 17:00 next working day. */
  addWorkingDays(instant: Instant, days: number): CalendarResult {
    return this.addBusinessTime(instant, days * this.workdayMs);
  }

  /** Calendar units need no holiday table: never provisional, never CALENDAR_YEAR_UNKNOWN. */
  addCalendarDays(instant: Instant, days: number): CalendarResult {
    assertNonNegative(days);
    return result(toMs(instant) + Math.round(days * MS_PER_DAY), false);
  }

  addCalendarHours(instant: Instant, hours: number): CalendarResult {
    assertNonNegative(hours);
    return result(toMs(instant) + Math.round(hours * MS_PER_HOUR), false);
  }

  /** Working time inside [from, to); zero when `to` is not after `from`. */
  workingTimeBetween(from: Instant, to: Instant): MeasuredTime {
    const a = toMs(from);
    const b = toMs(to);
    if (b <= a) return { ms: 0, provisional: false };
    let total = 0;
    let provisional = false;
    const lastDay = localDayIndex(b, this.offset);
    let day = localDayIndex(a, this.offset);
    if (lastDay - day > MAX_DAYS_WALKED) throw this.rangeExceeded(from);
    for (; day <= lastDay; day++) {
      const info = this.classify(day);
      provisional ||= info.provisional;
      if (!info.working) continue;
      const overlap = Math.min(b, this.closeOf(day)) - Math.max(a, this.openOf(day));
      if (overlap > 0) total += overlap;
    }
    return { ms: total, provisional };
  }

  /** The budget a duration represents, in the measure of its unit (working or elapsed ms). */
  budgetMs(duration: Duration): number {
    switch (duration.unit) {
      case 'calendar_days':
        return Math.round(duration.amount * MS_PER_DAY);
      case 'calendar_hours':
        return Math.round(duration.amount * MS_PER_HOUR);
      case 'business_hours':
        return Math.round(duration.amount * MS_PER_HOUR);
      case 'working_days':
        return Math.round(duration.amount * this.workdayMs);
    }
  }

  /** Time used between two instants, in the measure of `unit`. */
  measure(from: Instant, to: Instant, unit: DurationUnit): MeasuredTime {
    if (unit === 'working_days' || unit === 'business_hours')
      return this.workingTimeBetween(from, to);
    return { ms: Math.max(0, toMs(to) - toMs(from)), provisional: false };
  }

  /** Spend `budget` ms of the unit's measure starting at `from`. */
  spend(from: Instant, budget: number, unit: DurationUnit): CalendarResult {
    if (unit === 'working_days' || unit === 'business_hours')
      return this.addBusinessTime(from, budget);
    assertNonNegative(budget);
    return result(toMs(from) + budget, false);
  }

  add(instant: Instant, duration: Duration): CalendarResult {
    return this.spend(instant, this.budgetMs(duration), duration.unit);
  }

  private openOf(day: number): number {
    return dayStartMs(day, this.offset) + this.openMin * MS_PER_MINUTE;
  }

  private closeOf(day: number): number {
    return dayStartMs(day, this.offset) + this.closeMin * MS_PER_MINUTE;
  }

  /**
   * Days classified so far. A calendar lives as long as its policy version and is asked about
   * the same days again and again: every inbox row's remaining working time walks the days to
   * its deadline, and building the ISO date of each day was most of that walk (issue 14, a V8
   * profile of bench:inbox). Frozen: dayInfo hands them out.
   */
  private readonly classified = new Map<number, Readonly<DayInfo>>();

  private classify(day: number): DayInfo {
    const known = this.classified.get(day);
    if (known) return known;
    const info = Object.freeze(this.classifyDay(day));
    if (this.classified.size < CLASSIFIED_DAYS_MAX) this.classified.set(day, info);
    return info;
  }

  private classifyDay(day: number): DayInfo {
    const date = isoDateOfDay(day);
    const weekend = this.weekend.has(isoWeekday(day));
    const year = yearOfDay(day);
    if (!this.knownYears.has(year)) {
      if (this.settings.unknownYear === 'error') {
        throw new DomainError(
          'CALENDAR_YEAR_UNKNOWN',
          `No public-holiday table is loaded for ${year}; a deadline reaching ${date} cannot be computed`,
          { year, date, knownYears: this.years() },
        );
      }
      return { date, working: !weekend, kind: weekend ? 'weekend' : 'workday', provisional: true };
    }
    const holidayName = this.holidays.get(day);
    if (holidayName !== undefined)
      return { date, working: false, kind: 'holiday', holidayName, provisional: false };
    if (this.makeup.has(day))
      return { date, working: true, kind: 'makeup_workday', provisional: false };
    return { date, working: !weekend, kind: weekend ? 'weekend' : 'workday', provisional: false };
  }

  private rangeExceeded(instant: Instant): DomainError {
    return new DomainError(
      'CALENDAR_RANGE_EXCEEDED',
      `No working time found within ${MAX_DAYS_WALKED} days`,
      {
        from: new Date(toMs(instant)).toISOString(),
        maxDays: MAX_DAYS_WALKED,
      },
    );
  }
}

/** About 27 years of days: far more than any deadline walks, bounded all the same. */
const CLASSIFIED_DAYS_MAX = 10_000;

const result = (ms: number, provisional: boolean): CalendarResult => ({
  at: new Date(ms),
  ms,
  provisional,
});

function assertNonNegative(amount: number): void {
  if (!Number.isFinite(amount) || amount < 0) {
    throw new DomainError(
      'COMMAND_INVALID',
      `A duration must be a non-negative finite amount, got ${amount}`,
      { amount },
    );
  }
}
