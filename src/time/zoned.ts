/**
 * Wall-clock arithmetic in an IANA time zone with nothing but Intl: enough for "the day before
 * at the same local time" and cron occurrences, correct across daylight-saving changes.
 */
import { dateTimeFormat } from './formats';

export interface LocalParts {
  readonly year: number;
  readonly month: number; // 1–12
  readonly day: number;
  readonly hour: number;
  readonly minute: number;
  readonly second: number;
  /** 0 = Sunday … 6 = Saturday, as cron counts. */
  readonly weekday: number;
}

const weekdays: Record<string, number> = { Sun: 0, Mon: 1, Tue: 2, Wed: 3, Thu: 4, Fri: 5, Sat: 6 };

function formatter(timeZone: string): Intl.DateTimeFormat {
  return dateTimeFormat('en-US', {
    timeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: 'numeric',
    day: 'numeric',
    hour: 'numeric',
    minute: 'numeric',
    second: 'numeric',
    weekday: 'short',
  });
}

export function localParts(date: Date, timeZone: string): LocalParts {
  const values: Record<string, string> = {};
  for (const part of formatter(timeZone).formatToParts(date)) values[part.type] = part.value;
  return {
    year: Number(values.year),
    month: Number(values.month),
    day: Number(values.day),
    hour: Number(values.hour),
    minute: Number(values.minute),
    second: Number(values.second),
    weekday: weekdays[values.weekday ?? 'Sun'] ?? 0,
  };
}

/** Milliseconds the zone is ahead of UTC at that instant. */
export function zoneOffsetMs(date: Date, timeZone: string): number {
  const p = localParts(date, timeZone);
  const asUtc = Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second);
  return asUtc - Math.floor(date.getTime() / 1000) * 1000;
}

/**
 * The instant when the zone's clocks show these parts. A time skipped by a DST jump
 * (02:30 on a spring-forward night) does not exist: undefined. A repeated time
 * (autumn) resolves to its first occurrence.
 */
export function fromLocal(
  parts: Pick<LocalParts, 'year' | 'month' | 'day' | 'hour' | 'minute' | 'second'>,
  timeZone: string,
): Date | undefined {
  const wall = Date.UTC(parts.year, parts.month - 1, parts.day, parts.hour, parts.minute, parts.second);
  // Try the offsets in force a day either side; one of them is right unless the time does not exist.
  const candidates = [-36, 0, 36]
    .map((hours) => zoneOffsetMs(new Date(wall + hours * 3_600_000), timeZone))
    .map((offset) => wall - offset)
    .sort((a, b) => a - b);
  for (const instant of candidates) {
    const back = localParts(new Date(instant), timeZone);
    if (
      back.year === parts.year &&
      back.month === parts.month &&
      back.day === parts.day &&
      back.hour === parts.hour &&
      back.minute === parts.minute &&
      back.second === parts.second
    ) {
      return new Date(instant);
    }
  }
  return undefined;
}

/** Days in a month of the proleptic Gregorian calendar (month 1–12). */
export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** The calendar day after (or before, with a negative count) a local date. */
export function addLocalDays(
  parts: Pick<LocalParts, 'year' | 'month' | 'day'>,
  days: number,
): { year: number; month: number; day: number } {
  const d = new Date(Date.UTC(parts.year, parts.month - 1, parts.day + days));
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() };
}

/**
 * The same local wall-clock time `days` calendar days earlier or later. When that time does not
 * exist there (a DST gap) the result moves forward by the gap, as clocks do.
 */
export function shiftLocalDays(date: Date, days: number, timeZone: string): Date {
  const p = localParts(date, timeZone);
  const day = addLocalDays(p, days);
  const exact = fromLocal({ ...day, hour: p.hour, minute: p.minute, second: p.second }, timeZone);
  if (exact !== undefined) return exact;
  const hourLater = fromLocal({ ...day, hour: p.hour + 1, minute: p.minute, second: p.second }, timeZone);
  return hourLater ?? new Date(date.getTime() + days * 86_400_000);
}
