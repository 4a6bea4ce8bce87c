import { DomainError } from '../errors/domain-error';

/**
 * Civil-time arithmetic for a fixed-offset zone. Asia/Shanghai has had no DST since 1991, so
 * "local" is simply epoch ms + 8 h: no Intl, no tz database, identical results inside the
 * Temporal sandbox and on any host.
 */
export const MS_PER_MINUTE = 60_000;
export const MS_PER_HOUR = 3_600_000;
export const MS_PER_DAY = 86_400_000;
export const SHANGHAI_OFFSET_MINUTES = 480;

/** Days since 1970-01-01 in the zone's local calendar. */
export const localDayIndex = (ms: number, offsetMinutes: number): number =>
  Math.floor((ms + offsetMinutes * MS_PER_MINUTE) / MS_PER_DAY);

/** Epoch ms of local midnight starting the given local day. */
export const dayStartMs = (dayIndex: number, offsetMinutes: number): number =>
  dayIndex * MS_PER_DAY - offsetMinutes * MS_PER_MINUTE;

export const isoDateOfDay = (dayIndex: number): string =>
  new Date(dayIndex * MS_PER_DAY).toISOString().slice(0, 10);

export const yearOfDay = (dayIndex: number): number =>
  new Date(dayIndex * MS_PER_DAY).getUTCFullYear();

/** ISO weekday: 1 = Monday … 7 = Sunday. Day 0 (1970-01-01) was a Thursday. */
export const isoWeekday = (dayIndex: number): number => ((((dayIndex + 3) % 7) + 7) % 7) + 1;

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

export function dayIndexOfIsoDate(iso: string): number {
  const m = ISO_DATE.exec(iso);
  const y = Number(m?.[1]);
  const mo = Number(m?.[2]);
  const d = Number(m?.[3]);
  const ms = Date.UTC(y, mo - 1, d);
  if (!m || Number.isNaN(ms) || isoDateOfDay(ms / MS_PER_DAY) !== iso) {
    throw new DomainError('COMMAND_INVALID', `"${iso}" is not a calendar date (YYYY-MM-DD)`, {
      value: iso,
    });
  }
  return ms / MS_PER_DAY;
}

export const isIsoDate = (iso: string): boolean => {
  try {
    dayIndexOfIsoDate(iso);
    return true;
  } catch {
    return false;
  }
};

const LOCAL_DATE_TIME = /^(\d{4}-\d{2}-\d{2})[T ](\d{2}):(\d{2})(?::(\d{2}))?$/;

/**
 * "2026-09-30 17:00" read as local time in the zone → the instant. Used by callers that hold
 * a wall-clock reading (forms, tests); the domain itself works on instants.
 */
export function localToInstant(local: string, offsetMinutes = SHANGHAI_OFFSET_MINUTES): Date {
  const m = LOCAL_DATE_TIME.exec(local);
  if (!m)
    throw new DomainError(
      'COMMAND_INVALID',
      `"${local}" is not a local date-time (YYYY-MM-DD HH:mm)`,
      { value: local },
    );
  const day = dayIndexOfIsoDate(m[1] as string);
  const h = Number(m[2]);
  const mi = Number(m[3]);
  const s = Number(m[4] ?? 0);
  if (h > 23 || mi > 59 || s > 59)
    throw new DomainError('COMMAND_INVALID', `"${local}" has an invalid time`, { value: local });
  return new Date(dayStartMs(day, offsetMinutes) + h * MS_PER_HOUR + mi * MS_PER_MINUTE + s * 1000);
}

/** The instant as local wall-clock text with its offset, e.g. "2026-10-14T17:00+08:00". */
export function formatLocal(ms: number, offsetMinutes = SHANGHAI_OFFSET_MINUTES): string {
  const shifted = new Date(ms + offsetMinutes * MS_PER_MINUTE).toISOString();
  const sign = offsetMinutes >= 0 ? '+' : '-';
  const abs = Math.abs(offsetMinutes);
  const off = `${sign}${String(Math.floor(abs / 60)).padStart(2, '0')}:${String(abs % 60).padStart(2, '0')}`;
  const seconds = shifted.slice(17, 19);
  return `${shifted.slice(0, 16)}${seconds === '00' ? '' : `:${seconds}`}${off}`;
}

/** Minutes since local midnight. */
export const localMinuteOfDay = (ms: number, offsetMinutes: number): number =>
  Math.floor((ms - dayStartMs(localDayIndex(ms, offsetMinutes), offsetMinutes)) / MS_PER_MINUTE);

/**
 * Same local wall-clock time `months` later; the day is clamped to the target month's length
 * (01-31 + 1 month → 02-28), the usual reading of "n months" in a promise to a customer.
 */
export function addLocalMonths(
  ms: number,
  months: number,
  offsetMinutes = SHANGHAI_OFFSET_MINUTES,
): number {
  const local = new Date(ms + offsetMinutes * MS_PER_MINUTE);
  const y = local.getUTCFullYear();
  const m = local.getUTCMonth() + months;
  const lastDay = new Date(Date.UTC(y, m + 1, 0)).getUTCDate();
  const day = Math.min(local.getUTCDate(), lastDay);
  const shifted = Date.UTC(
    y,
    m,
    day,
    local.getUTCHours(),
    local.getUTCMinutes(),
    local.getUTCSeconds(),
    local.getUTCMilliseconds(),
  );
  return shifted - offsetMinutes * MS_PER_MINUTE;
}
