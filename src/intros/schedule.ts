import { cronInZone, type CronSchedule } from '../time/cronSchedule';
import { localParts } from '../time/zoned';

/**
 * When intro rounds run: "every other Monday at 10:00" by default.
 *
 * Cron cannot say "every other week", so INTROS_CRON names the weekly moment (`0 10 * * 1`) and a
 * round runs only at occurrences that fall in an even week counted from a fixed epoch, Monday
 * 2024-01-01, in DEFAULT_TIMEZONE's calendar. Why a fixed parity and not "two weeks after the last
 * round": it needs no state, two processes always agree, everyone can tell which Mondays are intro
 * Mondays, and a round missed while the bot was down does not shift every later round. (A round is
 * made up only within CATCH_UP_WINDOW_MS of its time; otherwise the next even week has the next one.)
 */
export const INTRO_EPOCH_UTC_DAY = Date.UTC(2024, 0, 1) / 86_400_000; // a Monday
export const WEEKS_BETWEEN_ROUNDS = 2;
/** How late (bot down, slow start) a round may still be planned. */
export const CATCH_UP_WINDOW_MS = 12 * 3_600_000;
const SEARCH_CHUNK = 256;
const SEARCH_CHUNKS = 64;

/** Weeks (Monday to Sunday, local calendar) since the epoch week. */
export function weekIndex(instant: Date, timeZone: string): number {
  const local = localParts(instant, timeZone);
  const day = Date.UTC(local.year, local.month - 1, local.day) / 86_400_000;
  return Math.floor((day - INTRO_EPOCH_UTC_DAY) / 7);
}

export function isRoundWeek(instant: Date, timeZone: string): boolean {
  const index = weekIndex(instant, timeZone);
  return ((index % WEEKS_BETWEEN_ROUNDS) + WEEKS_BETWEEN_ROUNDS) % WEEKS_BETWEEN_ROUNDS === 0;
}

export class IntroSchedule {
  private readonly cron: CronSchedule;

  constructor(
    expression: string,
    private readonly timeZone: string,
  ) {
    const schedule = cronInZone(expression, timeZone);
    if (schedule === undefined) throw new Error(`INTROS_CRON ${expression} is not a cron expression`);
    this.cron = schedule;
  }

  /** The latest round time in (now − window, now], if any: the round a tick at `now` should plan. */
  latestDue(now: Date, windowMs = CATCH_UP_WINDOW_MS): Date | undefined {
    const runs = this.cron
      .next(new Date(now.getTime() - windowMs), 64)
      .filter((run) => run.getTime() <= now.getTime() && isRoundWeek(run, this.timeZone));
    return runs[runs.length - 1];
  }

  /** The first round time strictly after `after`. */
  next(after: Date): Date | undefined {
    let from = after;
    for (let chunk = 0; chunk < SEARCH_CHUNKS; chunk += 1) {
      const runs = this.cron.next(from, SEARCH_CHUNK);
      const found = runs.find((run) => isRoundWeek(run, this.timeZone));
      if (found !== undefined) return found;
      const last = runs[runs.length - 1];
      if (last === undefined) return undefined;
      from = last;
    }
    return undefined;
  }
}
