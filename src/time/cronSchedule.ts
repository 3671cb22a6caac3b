import cron from 'node-cron';
import { addLocalDays, daysInMonth, fromLocal, localParts } from './zoned';

/**
 * Next occurrences of a cron expression in a time zone, computed from a given instant (so the
 * injected clock, not the machine's, decides). node-cron parses; we walk calendar days, which
 * is thousands of times cheaper than testing every minute.
 */
export interface CronSchedule {
  readonly expression: string;
  next(after: Date, count: number): Date[];
}

interface Fields {
  seconds: number[];
  minutes: number[];
  hours: number[];
  daysOfMonth: Set<number>;
  months: Set<number>;
  weekdays: Set<number>;
  domRestricted: boolean;
  dowRestricted: boolean;
}

const MAX_DAYS_SEARCHED = 366 * 5;

function numbers(values: readonly (number | string)[]): number[] {
  return values.map(Number).filter((n) => Number.isInteger(n));
}

function parseFields(expression: string): Fields | undefined {
  if (!cron.validate(expression)) return undefined;
  const parsed = cron.parse(expression);
  const tokens = expression.trim().split(/\s+/);
  const [domToken, dowToken] = tokens.length === 6 ? [tokens[3], tokens[5]] : [tokens[2], tokens[4]];
  return {
    seconds: tokens.length === 6 ? [...new Set(parsed.second)].sort((a, b) => a - b) : [0],
    minutes: [...new Set(parsed.minute)].sort((a, b) => a - b),
    hours: [...new Set(parsed.hour)].sort((a, b) => a - b),
    daysOfMonth: new Set(numbers(parsed.dayOfMonth)),
    months: new Set(parsed.month),
    // Both 0 and 7 mean Sunday.
    weekdays: new Set(numbers(parsed.dayOfWeek).map((d) => d % 7)),
    domRestricted: domToken !== '*' && domToken !== '?',
    dowRestricted: dowToken !== '*' && dowToken !== '?',
  };
}

function dayMatches(fields: Fields, year: number, month: number, day: number): boolean {
  if (!fields.months.has(month)) return false;
  const weekday = new Date(Date.UTC(year, month - 1, day)).getUTCDay();
  const domOk = fields.daysOfMonth.has(day);
  const dowOk = fields.weekdays.has(weekday);
  // Vixie cron: when both day fields are restricted, either may match.
  if (fields.domRestricted && fields.dowRestricted) return domOk || dowOk;
  if (fields.domRestricted) return domOk;
  if (fields.dowRestricted) return dowOk;
  return true;
}

function nextRuns(fields: Fields, after: Date, count: number, timeZone: string): Date[] {
  const runs: Date[] = [];
  const start = localParts(after, timeZone);
  let date = { year: start.year, month: start.month, day: start.day };
  for (let i = 0; i < MAX_DAYS_SEARCHED && runs.length < count; i += 1, date = addLocalDays(date, 1)) {
    if (date.day > daysInMonth(date.year, date.month) || !dayMatches(fields, date.year, date.month, date.day))
      continue;
    for (const hour of fields.hours) {
      for (const minute of fields.minutes) {
        for (const second of fields.seconds) {
          const instant = fromLocal({ ...date, hour, minute, second }, timeZone);
          // A time that a DST jump skips does not happen that day.
          if (instant === undefined || instant.getTime() <= after.getTime()) continue;
          runs.push(instant);
          if (runs.length >= count) return runs;
        }
      }
    }
  }
  return runs;
}

/** A cron schedule evaluated in a time zone; undefined when the expression is not valid cron. */
export function cronInZone(expression: string, timeZone: string): CronSchedule | undefined {
  const fields = parseFields(expression);
  if (fields === undefined) return undefined;
  return { expression, next: (after, count) => nextRuns(fields, after, count, timeZone) };
}
