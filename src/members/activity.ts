import { DAY_MS } from '../time/durations';
/**
 * "Lapsed activity": a member who has neither used the bot (members.last_active_at) nor answered an
 * event in this many days. Such members are left out of intros. Digests have no "people" sections yet;
 * when they get one, it must leave lapsed members out too, with this same window.
 */
export const LAPSED_AFTER_DAYS = 90;

/** Activity at or after this moment counts as recent. */
export function activeSince(now: Date): Date {
  return new Date(now.getTime() - LAPSED_AFTER_DAYS * DAY_MS);
}
