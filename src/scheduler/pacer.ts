import type { Sleep } from './types';

/** How the pace of bulk posts is found. Tests and the bench may change them; the bot uses the defaults. */
export interface PaceSettings {
  /** Posts per second before anything is known: the ceiling when there is one, else 10. */
  readonly startPerSec: number | undefined;
  /** BULK_POSTS_PER_SECOND, when set: the pace never goes above it. */
  readonly ceilingPerSec: number | undefined;
  /** The least time between two posts to one channel (Slack allows about one a second per channel). */
  readonly channelGapMs: number;
  /** How long after a 429 the pace holds just under the rate that drew it, before probing higher. */
  readonly holdMs: number;
}

export const DEFAULT_PACE: PaceSettings = {
  startPerSec: undefined,
  ceilingPerSec: undefined,
  channelGapMs: 1000,
  holdMs: 120_000,
};

/** The pace is reconsidered at most this often. */
const STEP_MS = 1000;
/** Before the first 429: half as fast again each second (slow start). */
const SLOW_START_GROWTH = 1.5;
/** On a 429: the pace drops to this share of the rate that drew it (multiplicative decrease). */
const DECREASE = 0.9;
/** After a 429 the pace climbs back to this share of the rate that drew it, then holds. */
const PLATEAU = 0.99;
/**
 * Probing above the plateau, once the hold is over: this share of that rate more in the first
 * second, twice as much in the second, and so on: careful near the limit it found, quick to leave
 * a limit that was measured low or has risen.
 */
const PROBE_STEP = 0.005;
const FLOOR_PER_SEC = 0.5;
/** Channels whose last post is older than this are forgotten (they need no spacing any more). */
const FORGET_CHANNEL_MS = 60_000;

/**
 * Paces bulk posts (digests, reminders, announcements, intros). Slack does not publish the
 * workspace-wide limit for chat.postMessage: it answers 429 with Retry-After once the limit is
 * passed. The pace finds the limit as TCP finds a link's capacity:
 * - before any 429 it grows by half each second (slow start);
 * - a 429 means the limit is near: every worker waits out the same Retry-After (not one worker
 *   while the others keep tripping the limit). The limit is taken to be the last pace that ran a
 *   full second without a 429 (in slow start, halfway between it and the pace that drew the
 *   429), and the pace drops to 90 % of it (multiplicative decrease);
 * - it then climbs quickly back to 99 % of that limit and holds there, a share that draws no 429
 *   while the limit stays where it was; after the hold (two minutes; none after the first 429,
 *   whose measure is rough) it probes higher by 1 % of the limit in the first second, 2 % in
 *   the next and so on (additive increase, growing), in case the limit is higher or has risen,
 *   until the next 429.
 * A 429 costs a pause of Retry-After for every worker, so the hold is what keeps the pace near the
 * limit: a sawtooth that drew a 429 every few seconds would lose more to the pauses than it gains.
 * BULK_POSTS_PER_SECOND, when set, is a ceiling. Posts to one channel are also kept a second
 * apart, Slack's limit per channel. Interactive replies use another client and never wait here.
 */
export class SendPacer {
  private readonly settings: PaceSettings;
  private pause: Promise<void> | undefined;
  private ratePerSec: number;
  /** The rate that drew the last 429; undefined until one comes. */
  private limitPerSec: number | undefined;
  private nextSlotMs = 0;
  private lastLimitedMs = Number.NEGATIVE_INFINITY;
  private lastStepMs: number;
  private holdMs = 0;
  /** Seconds of probing since the hold ended (the next probe step is this many PROBE_STEPs). */
  private probes = 0;
  /** The pace that last ran a full second with no 429: the limit is at least this. */
  private heldPerSec: number | undefined;
  private readonly channelNextMs = new Map<string, number>();

  constructor(
    private readonly sleep: Sleep,
    settings: Partial<PaceSettings> = {},
    private readonly now: () => number = () => performance.now(),
  ) {
    this.settings = { ...DEFAULT_PACE, ...settings };
    this.ratePerSec = this.capped(this.settings.startPerSec ?? this.settings.ceilingPerSec ?? 10);
    this.lastStepMs = now();
  }

  /**
   * Resolves when a post to `channel` may go: after any shared pause, on the paced schedule, and
   * at least a channel gap after the last post to that channel.
   */
  async acquire(channel: string, signal?: AbortSignal): Promise<void> {
    // The channel's own gap first, holding no shared slot meanwhile: other channels' posts go on.
    const channelWait = (this.channelNextMs.get(channel) ?? 0) - this.now();
    if (channelWait >= 1) await this.sleep(channelWait, signal);
    for (;;) {
      while (this.pause !== undefined && signal?.aborted !== true) await this.pause;
      const now = this.now();
      const slot = Math.max(now, this.nextSlotMs);
      this.nextSlotMs = slot + 1000 / this.ratePerSec;
      // Sub-millisecond gaps are not worth a timer.
      if (slot - now >= 1) await this.sleep(slot - now, signal);
      // A 429 paused everyone while this post waited for its slot: it queues again after the pause.
      if (this.pause === undefined || signal?.aborted === true) break;
    }
    const postAt = this.now();
    this.channelNextMs.set(channel, postAt + this.settings.channelGapMs);
    if (this.channelNextMs.size > 10_000) this.forgetQuietChannels(postAt);
  }

  /** A post Slack accepted: the pace may grow (at most once a second). */
  succeeded(): void {
    const now = this.now();
    if (now - this.lastStepMs < STEP_MS || this.pause !== undefined) return;
    this.lastStepMs = now;
    this.heldPerSec = this.ratePerSec;
    const limit = this.limitPerSec;
    if (limit === undefined) {
      this.ratePerSec = this.capped(this.ratePerSec * SLOW_START_GROWTH);
    } else if (this.ratePerSec < limit * PLATEAU) {
      // Halfway to the plateau each second, and at least one post a second more.
      const step = Math.max((limit * PLATEAU - this.ratePerSec) / 2, 1);
      this.ratePerSec = this.capped(Math.min(limit * PLATEAU, this.ratePerSec + step));
    } else if (now - this.lastLimitedMs >= this.holdMs) {
      this.probes += 1;
      this.ratePerSec = this.capped(
        this.ratePerSec + Math.max(limit * PROBE_STEP * this.probes, FLOOR_PER_SEC),
      );
    }
  }

  /** Slack said 429: one shared pause of Retry-After, then a slower pace (lowered once per pause). */
  rateLimited(retryAfterSec: number, signal?: AbortSignal): Promise<void> {
    if (this.pause !== undefined) return this.pause;
    const now = this.now();
    const held = this.heldPerSec;
    const inSlowStart = this.limitPerSec === undefined;
    // The limit lies between the pace that last held and the pace that drew the 429. Out of slow
    // start the step between them is small: the held pace is the limit. In slow start the pace had
    // just grown by half: the middle of the two (a step of a binary search). No pace held yet: a
    // second 429 in a row, or one in the first second; the pace only drops.
    const limit =
      held === undefined
        ? this.ratePerSec * DECREASE
        : inSlowStart
          ? Math.sqrt(held * this.ratePerSec)
          : Math.min(held, this.ratePerSec);
    // Hold only at a limit found between a pace that held and one that did not; a guess is probed at once.
    this.holdMs = held !== undefined && !inSlowStart ? this.settings.holdMs : 0;
    this.limitPerSec = Math.max(FLOOR_PER_SEC, limit);
    this.heldPerSec = undefined;
    this.ratePerSec = this.capped(this.limitPerSec * DECREASE);
    this.lastLimitedMs = now;
    this.probes = 0;
    this.pause = this.sleep(retryAfterSec * 1000, signal).finally(() => {
      this.pause = undefined;
      this.nextSlotMs = 0;
      this.lastStepMs = this.now();
    });
    return this.pause;
  }

  /** Posts per second currently allowed. */
  get rate(): number {
    return this.ratePerSec;
  }

  private capped(rate: number): number {
    const ceiling = this.settings.ceilingPerSec ?? Number.POSITIVE_INFINITY;
    return Math.max(FLOOR_PER_SEC, Math.min(ceiling, rate));
  }

  private forgetQuietChannels(now: number): void {
    for (const [channel, next] of this.channelNextMs) {
      if (next < now - FORGET_CHANNEL_MS) this.channelNextMs.delete(channel);
    }
  }
}
