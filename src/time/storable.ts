const EARLIEST_MS = Date.UTC(1970, 0, 1);
const LATEST_MS = Date.UTC(9999, 11, 31, 23, 59, 59);

/**
 * Whether a time can be stored and compared: times are kept as ISO-8601 text, which sorts
 * correctly only with a four-digit year. A date picker never gives anything else; a forged
 * `selected_date_time` of 1e15 seconds (an Invalid Date) or of -1 would.
 */
export function isStorableTime(date: Date): boolean {
  const ms = date.getTime();
  return Number.isFinite(ms) && ms >= EARLIEST_MS && ms <= LATEST_MS;
}
