import type { ScheduleRequest } from '../../src/scheduler/types';
import type { FakeSlack } from '../support/fakeSlack';
import { TestBot } from '../support/testBot';
import { quietFor, VirtualTime } from '../support/virtualTime';
import { keyOf } from './helpers';

/**
 * The pace against the fake Slack over HTTP: the real outbox, delivery worker and Web API client,
 * with the pacer's clock and sleeps in virtual time. The fake answers chat.postMessage from a token
 * bucket in that same virtual time, with 429 and `Retry-After: 1` above the limit, as Slack does
 * for a workspace's unpublished cap. The pure pacer is tested at length in test/domain/pacer.test.ts;
 * this shows the same behaviour through the front door.
 */

interface Attempt {
  readonly at: number;
  readonly channel: string;
  readonly key: string | undefined;
  readonly accepted: boolean;
}

/** Slack's unpublished limit as a token bucket in virtual time, answering on the fake's chat.postMessage. */
function limitPosts(fake: FakeSlack, time: VirtualTime, perSecond: number): Attempt[] {
  const attempts: Attempt[] = [];
  let tokens = 1;
  let last = 0;
  fake.override('chat.postMessage', (args) => {
    tokens = Math.min(1, tokens + ((time.now - last) / 1000) * perSecond);
    last = time.now;
    const accepted = tokens >= 1;
    if (accepted) tokens -= 1;
    const channel = typeof args.channel === 'string' ? args.channel : '';
    attempts.push({
      at: time.now,
      channel,
      key: keyOf({ method: 'chat.postMessage', args, at: 0, status: 0, response: undefined }),
      accepted,
    });
    return accepted ? undefined : { status: 429, headers: { 'Retry-After': '1' } };
  });
  return attempts;
}

interface Run {
  readonly attempts: readonly Attempt[];
  readonly time: VirtualTime;
}

async function deliver(options: {
  limitPerSec: number;
  posts: number;
  channels?: number;
  ceiling?: string;
  channelGapMs?: number;
}): Promise<Run> {
  const time = new VirtualTime();
  const tb = await TestBot.start({
    // Nothing configured unless a test sets the ceiling: the pace must find the limit itself.
    env: { BULK_POSTS_PER_SECOND: options.ceiling ?? '' },
    scheduler: {
      sleep: time.sleep,
      paceNow: () => time.now,
      settings: { pace: { channelGapMs: options.channelGapMs ?? 0 } },
    },
  });
  try {
    const attempts = limitPosts(tb.fake, time, options.limitPerSec);
    const channels = options.channels ?? options.posts;
    const requests: ScheduleRequest[] = Array.from({ length: options.posts }, (_, n) => ({
      kind: 'test_post',
      key: `pace:${n}`,
      channel: `U0PACE${String(n % channels).padStart(4, '0')}`,
      message: { text: `Post ${n}` },
      dueAt: tb.clock.now(),
    }));
    await tb.bot.services.outbox.scheduleMany(requests);
    let finished = false;
    const tick = tb.tick().finally(() => {
      finished = true;
    });
    await time.run(
      () => finished,
      // Real I/O (HTTP, the database) runs between jumps of the virtual clock.
      quietFor(() => time.timersSet + tb.fake.calls.length, 4, 3),
      true,
    );
    await tick;
    expect(tb.fake.violations).toEqual([]);
    return { attempts, time };
  } finally {
    await tb.stop();
  }
}

function acceptedIn(run: Run, fromMs: number, toMs: number): number {
  return run.attempts.filter((a) => a.accepted && a.at >= fromMs && a.at < toMs).length;
}

function sentOnce(run: Run, posts: number): { lost: number; duplicated: number } {
  const counts = new Map<string, number>();
  for (const a of run.attempts)
    if (a.accepted && a.key !== undefined) counts.set(a.key, (counts.get(a.key) ?? 0) + 1);
  return {
    lost: posts - counts.size,
    duplicated: [...counts.values()].filter((count) => count > 1).length,
  };
}

describe('the delivery pace against the fake Slack, in virtual time', () => {
  it('grows each second until the first 429, honours Retry-After, resumes below the limit, and loses nothing', async () => {
    const run = await deliver({ limitPerSec: 40, posts: 400 });
    expect(sentOnce(run, 400)).toEqual({ lost: 0, duplicated: 0 });

    const first429 = run.attempts.find((a) => !a.accepted);
    expect(first429).toBeDefined();
    const limitedAt = first429?.at ?? 0;
    // Slow start: the pace grows second by second until the first 429 (slots the sixteen lanes
    // already hold keep the old pace for a moment, so growth shows over seconds, not at each one).
    const seconds = Math.floor(limitedAt / 1000);
    expect(seconds).toBeGreaterThanOrEqual(3);
    const firstSecond = acceptedIn(run, 0, 1000);
    const lastFullSecond = acceptedIn(run, (seconds - 1) * 1000, seconds * 1000);
    expect(firstSecond).toBeLessThanOrEqual(11);
    expect(lastFullSecond).toBeGreaterThan(1.5 * firstSecond);

    // Every 429 pauses every sender for the Retry-After second.
    for (const limited of run.attempts.filter((a) => !a.accepted)) {
      const during = run.attempts.filter((a) => a.at > limited.at + 1 && a.at < limited.at + 999);
      expect(during).toEqual([]);
    }
    // After each pause the pace is below the limit (the bucket would refuse it otherwise): the
    // second after the pause carries fewer posts than Slack allows.
    for (const limited of run.attempts.filter((a) => !a.accepted)) {
      expect(acceptedIn(run, limited.at + 1000, limited.at + 2000)).toBeLessThan(40);
    }
    // And it settles near the limit instead of sawing: few 429s for 400 posts.
    expect(run.attempts.filter((a) => !a.accepted).length).toBeLessThanOrEqual(4);
  });

  it('never goes above BULK_POSTS_PER_SECOND when it is set, and so draws no 429', async () => {
    const run = await deliver({ limitPerSec: 50, posts: 150, ceiling: '15' });
    expect(sentOnce(run, 150)).toEqual({ lost: 0, duplicated: 0 });
    expect(run.attempts.every((a) => a.accepted)).toBe(true);
    // Fifteen a second on average, and no second with more than one post over (slot boundaries).
    const end = Math.max(...run.attempts.map((a) => a.at));
    expect((run.attempts.length - 1) / (end / 1000)).toBeLessThanOrEqual(15.001);
    for (let s = 0; s * 1000 <= end; s += 1) {
      expect(acceptedIn(run, s * 1000, (s + 1) * 1000)).toBeLessThanOrEqual(16);
    }
  });

  it('keeps posts to one channel a second apart while other channels go on', async () => {
    const run = await deliver({
      limitPerSec: 1000,
      posts: 30,
      channels: 3,
      channelGapMs: 1000,
      ceiling: '100',
    });
    expect(sentOnce(run, 30)).toEqual({ lost: 0, duplicated: 0 });
    const byChannel = new Map<string, number[]>();
    for (const a of run.attempts) byChannel.set(a.channel, [...(byChannel.get(a.channel) ?? []), a.at]);
    expect(byChannel.size).toBe(3);
    for (const times of byChannel.values()) {
      expect(times).toHaveLength(10);
      for (let n = 1; n < times.length; n += 1)
        expect((times[n] ?? 0) - (times[n - 1] ?? 0)).toBeGreaterThanOrEqual(1000);
    }
    // Three channels side by side: ten posts each take about ten seconds, not thirty.
    expect(Math.max(...run.attempts.map((a) => a.at))).toBeLessThan(15_000);
  });
});
