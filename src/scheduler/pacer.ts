import type { Sleep } from './types';

/**
 * Paces bulk posts (digests, reminders, announcements). Slack does not publish the
 * workspace-wide limit for chat.postMessage; it answers 429 with Retry-After when it is
 * exceeded. Posts go out at the configured pace (BULK_POSTS_PER_SECOND). On a 429 every
 * worker waits out the same pause (not one worker while the others keep tripping the limit),
 * and the pace drops by a fifth; it creeps back toward the configured pace while no 429 comes.
 */
export class SendPacer {
  private pause: Promise<void> | undefined;
  private ratePerSec: number;
  private nextSlotMs = 0;
  private lastLimitedMs = Number.NEGATIVE_INFINITY;
  private lastRaiseMs = 0;

  constructor(
    private readonly sleep: Sleep,
    private readonly maxPerSec: number,
    private readonly now: () => number = () => performance.now(),
  ) {
    this.ratePerSec = maxPerSec;
  }

  /** Resolves when a post may go: after any shared pause, and on the paced schedule. */
  async acquire(signal?: AbortSignal): Promise<void> {
    while (this.pause !== undefined && signal?.aborted !== true) await this.pause;
    const now = this.now();
    const slot = Math.max(now, this.nextSlotMs);
    this.nextSlotMs = slot + 1000 / this.ratePerSec;
    // Sub-millisecond gaps are not worth a timer.
    if (slot - now >= 1) await this.sleep(slot - now, signal);
  }

  /** A post Slack accepted; after ten quiet seconds the pace rises 5 % a second, up to the maximum. */
  succeeded(): void {
    const now = this.now();
    if (
      this.ratePerSec < this.maxPerSec &&
      now - this.lastLimitedMs > 10_000 &&
      now - this.lastRaiseMs > 1000
    ) {
      this.ratePerSec = Math.min(this.maxPerSec, this.ratePerSec * 1.05);
      this.lastRaiseMs = now;
    }
  }

  /** Slack said 429: one shared pause of Retry-After, then a slower pace (lowered once per pause). */
  rateLimited(retryAfterSec: number, signal?: AbortSignal): Promise<void> {
    if (this.pause !== undefined) return this.pause;
    this.ratePerSec = Math.max(0.5, this.ratePerSec * 0.8);
    this.lastLimitedMs = this.now();
    this.pause = this.sleep(retryAfterSec * 1000, signal).finally(() => {
      this.pause = undefined;
      this.nextSlotMs = 0;
    });
    return this.pause;
  }

  /** Posts per second currently allowed. */
  get rate(): number {
    return this.ratePerSec;
  }
}
