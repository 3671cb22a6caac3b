import type { DmDayRepository } from '../storage/dmDays';
import { DAY_MS } from '../time/durations';

/** Claims lost to another replica before giving up; each loss means that replica took the day. */
const MAX_ATTEMPTS = 20;

/** The UTC calendar day of a moment, as the limit counts days: YYYY-MM-DD. */
export const utcDay = (at: Date): string => at.toISOString().slice(0, 10);

/**
 * "Nobody gets more than one unsolicited DM a day from these features" (issue 13: asks and offers,
 * collaboration, study groups, mentoring), held in the database so that it holds across replicas.
 *
 * Unsolicited, and so limited: what the bot sends on its own schedule or because of someone
 * else's action — an ask's reminder and lapse to its author, the thanks to a helper, a study
 * proposal's "it formed" to its proposer and "it lapsed" to its backers, the request to a
 * suggested mentor, a pair's monthly check-in.
 * Solicited, and so not limited: the direct answer to the member's own press or request — the
 * group DM a responder opens by pressing "I can help", the pair's group DM the mentor opens by
 * accepting, the "nobody was free" answer to a mentee's request, the "Join the channel" DM a member
 * who hides their profile gets for a channel they backed or responded to.
 *
 * A DM that finds its member's day taken is not dropped: it claims the next day free (for every
 * member of a group DM) and its outbox row waits until then, at the same time of day.
 */
export class UnsolicitedDmLimit {
  constructor(private readonly repository: DmDayRepository) {}

  /**
   * Claims the day this DM may go to these members and returns when: `now` when today is free for
   * all of them, otherwise the same time on the first day free for all. `ref` is the DM's outbox
   * key: planning the same DM again finds its day rather than taking another. Call inside the
   * transaction that puts the DM in the outbox, so that a rollback gives the day back.
   */
  async dueAt(userIds: readonly string[], now: Date, ref: string): Promise<Date> {
    for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt += 1) {
      const held = await this.repository.claimedFor(userIds, ref);
      if (held !== undefined) return held.dueAt;
      const taken = await this.repository.takenDays(userIds, utcDay(now));
      let days = 0;
      while (taken.has(utcDay(new Date(now.getTime() + days * DAY_MS)))) days += 1;
      const dueAt = new Date(now.getTime() + days * DAY_MS);
      if (await this.repository.claim(userIds, utcDay(dueAt), ref, dueAt, now)) return dueAt;
    }
    throw new Error(`no day claimed for ${ref} after ${MAX_ATTEMPTS} attempts`);
  }
}
