import type { NagRepository } from '../storage/nags';
import { DAY_MS } from '../time/durations';

/**
 * Reminder DMs the bot sends on its own initiative ("nags"), and the once-a-month rule.
 *
 * - 'availability' (is this flag still true?) counts: at most one in any 30 days. The re-ask asks
 *   about every flag that would otherwise come due during the quiet period, so the rule never lets a
 *   flag lapse unasked.
 * - 'intro_checkin' ("Did you meet?") is recorded but exempt: it closes an intro the member opted
 *   into, comes at most once per round, and `intros off` stops it. Counting it would also block
 *   every availability re-ask of an active intros member, whose flags would then lapse unasked.
 */
export const NAG_KINDS = ['availability', 'intro_checkin'] as const;
export type NagKind = (typeof NAG_KINDS)[number];
export const LIMITED_NAG_KINDS: readonly NagKind[] = ['availability'];
export const NAG_QUIET_DAYS = 30;

export class NagLog {
  constructor(private readonly repository: NagRepository) {}

  /** False when a limited nag went to the member in the last NAG_QUIET_DAYS days. */
  async mayNag(userId: string, now: Date): Promise<boolean> {
    const last = await this.repository.lastSent(userId, LIMITED_NAG_KINDS);
    return last === undefined || last.getTime() <= now.getTime() - NAG_QUIET_DAYS * DAY_MS;
  }

  /** Records a nag as sent; call in the transaction that puts its DM in the outbox. */
  async record(userId: string, kind: NagKind, now: Date, ref: string): Promise<void> {
    await this.repository.insert(userId, kind, now, ref);
  }
}
