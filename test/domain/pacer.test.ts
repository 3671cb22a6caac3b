import { SendPacer, type PaceSettings } from '../../src/scheduler/pacer';
import { VirtualTime } from '../support/virtualTime';

/** Slack's unpublished workspace limit, as a token bucket that answers 429 with Retry-After: 1. */
class FakeLimit {
  private tokens = 1;
  private last = 0;
  accepted = 0;
  rejected = 0;
  constructor(
    private readonly perSecond: number,
    private readonly time: VirtualTime,
  ) {}

  post(): boolean {
    const now = this.time.now;
    this.tokens = Math.min(1, this.tokens + ((now - this.last) / 1000) * this.perSecond);
    this.last = now;
    if (this.tokens < 1) {
      this.rejected += 1;
      return false;
    }
    this.tokens -= 1;
    this.accepted += 1;
    return true;
  }
}

interface Delivery {
  readonly time: VirtualTime;
  readonly limit: FakeLimit;
  readonly pacer: SendPacer;
  /** Posts Slack accepted per channel, in order, with the virtual time of each. */
  readonly postedAt: Map<string, number[]>;
  readonly lost: number;
  readonly duplicated: number;
  readonly elapsedMs: number;
}

/** `posts` posts over `channels`, sent by `lanes` workers as the delivery worker does (one lane per channel). */
async function deliver(options: {
  limitPerSec: number;
  posts: number;
  channels?: number;
  lanes?: number;
  pace?: Partial<PaceSettings>;
  latencyMs?: number;
}): Promise<Delivery> {
  const time = new VirtualTime();
  const limit = new FakeLimit(options.limitPerSec, time);
  const pacer = new SendPacer(time.sleep, options.pace, () => time.now);
  const channels = options.channels ?? options.posts;
  const byChannel = new Map<string, number[]>();
  for (let n = 0; n < options.posts; n += 1) {
    const channel = `D${n % channels}`;
    byChannel.set(channel, [...(byChannel.get(channel) ?? []), n]);
  }
  const queue = [...byChannel.entries()];
  const sent = new Map<number, number>();
  const postedAt = new Map<string, number[]>();
  let finished = 0;
  const lane = async (): Promise<void> => {
    for (let next = queue.shift(); next !== undefined; next = queue.shift()) {
      const [channel, posts] = next;
      for (const post of posts) {
        for (;;) {
          await pacer.acquire(channel);
          await time.sleep(options.latencyMs ?? 40);
          if (limit.post()) {
            pacer.succeeded();
            sent.set(post, (sent.get(post) ?? 0) + 1);
            postedAt.set(channel, [...(postedAt.get(channel) ?? []), time.now]);
            break;
          }
          await pacer.rateLimited(1);
        }
      }
    }
    finished += 1;
  };
  const lanes = options.lanes ?? 16;
  const workers = Array.from({ length: lanes }, lane);
  await time.run(() => finished === lanes);
  await Promise.all(workers);
  return {
    time,
    limit,
    pacer,
    postedAt,
    lost: options.posts - sent.size,
    duplicated: [...sent.values()].filter((count) => count > 1).length,
    elapsedMs: time.now,
  };
}

describe('SendPacer finds the limit Slack does not publish', () => {
  it.each([20, 50, 100])(
    'against a limit of %i posts/s with nothing configured: at least 95 %% of it, nothing lost or twice',
    async (limitPerSec) => {
      const run = await deliver({ limitPerSec, posts: limitPerSec * 400 });
      const achieved = (run.limit.accepted * 1000) / run.elapsedMs;
      expect({ lost: run.lost, duplicated: run.duplicated }).toEqual({ lost: 0, duplicated: 0 });
      expect(achieved / limitPerSec).toBeGreaterThanOrEqual(0.95);
      // The limit is found and held under: a pause for a 429 now and then, not every few seconds.
      const pauses = run.time.slept.filter((ms) => ms === 1000).length;
      expect(pauses).toBeLessThan(run.elapsedMs / 30_000);
    },
  );

  it('grows by half each second before any 429 (slow start)', async () => {
    const run = await deliver({ limitPerSec: 1000, posts: 200, pace: { startPerSec: 10 } });
    expect(run.limit.rejected).toBe(0);
    expect(run.pacer.rate).toBeGreaterThan(10 * 1.5 ** 3);
  });

  it('on a 429 in slow start: one shared pause of Retry-After, then 90 % of the middle of the last two paces', async () => {
    const time = new VirtualTime();
    const pacer = new SendPacer(time.sleep, { startPerSec: 40, channelGapMs: 0 }, () => time.now);
    time.now = 1000;
    pacer.succeeded(); // 40 held for a second: 60 next
    expect(pacer.rate).toBe(60);
    const first = pacer.rateLimited(3);
    const second = pacer.rateLimited(3);
    await time.run(() => false);
    await Promise.all([first, second]);
    expect(time.slept).toEqual([3000]);
    expect(pacer.rate).toBeCloseTo(0.9 * Math.sqrt(40 * 60), 6);
  });

  it('climbs back to just under the limit it found, holds there, and probes higher after the hold', async () => {
    const time = new VirtualTime();
    const pacer = new SendPacer(time.sleep, { startPerSec: 50, holdMs: 120_000 }, () => time.now);
    const second = async (): Promise<void> => {
      time.now += 1000;
      pacer.succeeded();
      await Promise.resolve();
    };
    const limited = async (): Promise<void> => {
      const pause = pacer.rateLimited(0);
      await time.run(() => false);
      await pause;
    };
    await second(); // slow start: 50 → 75
    await limited(); // a guess between 50 and 75, probed at once (no hold)
    const guess = Math.sqrt(50 * 75);
    for (let n = 0; n < 8; n += 1) await second();
    expect(pacer.rate).toBeGreaterThan(guess * 0.99);
    // Slack says no at this pace: the pace that held the second before is the limit.
    const held = pacer.rate;
    await second();
    await limited();
    expect(pacer.rate).toBeCloseTo(held * 0.9, 6);
    for (let n = 0; n < 30; n += 1) await second();
    expect(pacer.rate).toBeCloseTo(held * 0.99, 6);
    for (let n = 0; n < 100; n += 1) await second();
    expect(pacer.rate).toBeGreaterThan(held * 0.99);
  });

  it('never goes above BULK_POSTS_PER_SECOND when it is set', async () => {
    const run = await deliver({ limitPerSec: 1000, posts: 2000, pace: { ceilingPerSec: 30 } });
    expect(run.pacer.rate).toBe(30);
    expect((run.limit.accepted * 1000) / run.elapsedMs).toBeLessThanOrEqual(30.5);
  });

  it('keeps posts to one channel a second apart, and other channels go on meanwhile', async () => {
    const run = await deliver({ limitPerSec: 1000, posts: 60, channels: 3, lanes: 3 });
    for (const times of run.postedAt.values()) {
      const gaps = times.slice(1).map((at, n) => at - (times[n] ?? 0));
      expect(Math.min(...gaps)).toBeGreaterThanOrEqual(1000);
    }
    // Three channels side by side: about 20 seconds, not 60.
    expect(run.elapsedMs).toBeLessThan(25_000);
  });
});
