import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { TestBot } from '../support/testBot';
import {
  MINUTE,
  attemptsFor,
  postAsEarlierProcess,
  postsFor,
  request,
  simulateCrashedClaim,
} from './helpers';

describe('outbox recovery: never twice, never lost', () => {
  const stopLater: TestBot[] = [];
  const dirs: string[] = [];
  afterEach(async () => {
    for (const tb of stopLater.splice(0).reverse()) {
      expect(tb.fake.violations).toEqual([]);
      await tb.stop();
    }
    for (const dir of dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
  });
  const start = async (options: Parameters<typeof TestBot.start>[0] = {}): Promise<TestBot> => {
    const tb = await TestBot.start(options);
    stopLater.push(tb);
    return tb;
  };
  const sharedFile = (): string => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'homecoming-shared-'));
    dirs.push(dir);
    return path.join(dir, 'alumni.sqlite');
  };

  describe('a crash between claim and send', () => {
    it('finds the message already in the channel: marked sent, not sent again', async () => {
      const tb = await start();
      await tb.bot.services.outbox.schedule(request(tb, 'crash:found', {}, 0));
      await simulateCrashedClaim(tb, 'crash:found', new Date(tb.clock.now().getTime() - 3 * MINUTE));
      const earlier = await postAsEarlierProcess(tb.fake, 'C0OUTBOX1', 'crash:found');

      expect(await tb.tick()).toMatchObject({ recovered: 1, sent: 1 });
      expect(postsFor('crash:found', tb.fake)).toHaveLength(1); // only the earlier process's post
      expect(await tb.bot.services.outbox.find('crash:found')).toMatchObject({
        status: 'sent',
        slackTs: earlier.ts,
        slackChannel: 'C0OUTBOX1',
        lastError: 'found_in_history',
      });
      const [lookup] = tb.fake.callsTo('conversations.history');
      expect(lookup?.args).toMatchObject({ channel: 'C0OUTBOX1', include_all_metadata: 'true' });
      // oldest = the stale claim minus a margin, so the earlier post is inside the window.
      expect(Number(lookup?.args.oldest)).toBeLessThanOrEqual(Number(earlier.ts));

      tb.clock.advance(10 * MINUTE);
      await tb.tick();
      expect(postsFor('crash:found', tb.fake)).toHaveLength(1);
    });

    it('finds nothing in the channel: sends it, once', async () => {
      const tb = await start();
      await tb.bot.services.outbox.schedule(request(tb, 'crash:absent', {}, 0));
      await simulateCrashedClaim(tb, 'crash:absent', new Date(tb.clock.now().getTime() - 3 * MINUTE));
      await postAsEarlierProcess(tb.fake, 'C0OUTBOX1', 'some:other:key'); // history is not empty, just not ours

      expect(await tb.tick()).toMatchObject({ recovered: 1, sent: 1 });
      expect(postsFor('crash:absent', tb.fake)).toHaveLength(1);
      expect(await tb.bot.services.outbox.find('crash:absent')).toMatchObject({
        status: 'sent',
        attempts: 2,
        lastError: null,
      });
      await tb.tick();
      expect(postsFor('crash:absent', tb.fake)).toHaveLength(1);
    });

    it('looks in the DM (conversations.open) for a post addressed to a user id', async () => {
      const tb = await start();
      await tb.bot.services.outbox.schedule(request(tb, 'crash:dm', { channel: 'U0MEMBER2' }, 0));
      await simulateCrashedClaim(tb, 'crash:dm', new Date(tb.clock.now().getTime() - 3 * MINUTE));
      const earlier = await postAsEarlierProcess(tb.fake, 'U0MEMBER2', 'crash:dm');

      expect(await tb.tick()).toMatchObject({ sent: 1 });
      expect(tb.fake.callsTo('conversations.open').map((call) => call.args.users)).toEqual(['U0MEMBER2']);
      expect(tb.fake.callsTo('conversations.history')[0]?.args.channel).toBe('DU0MEMBER2');
      expect(await tb.bot.services.outbox.find('crash:dm')).toMatchObject({
        status: 'sent',
        slackTs: earlier.ts,
      });
      expect(postsFor('crash:dm', tb.fake)).toHaveLength(1);
    });

    it('looks in the thread (conversations.replies) for a threaded post', async () => {
      const tb = await start();
      const parent = await postAsEarlierProcess(tb.fake, 'C0OUTBOX1', 'event:3:card');
      const message = { text: 'Starts in one hour', threadTs: parent.ts };
      await tb.bot.services.outbox.schedule(request(tb, 'crash:thread', { message }, 0));
      await simulateCrashedClaim(tb, 'crash:thread', new Date(tb.clock.now().getTime() - 3 * MINUTE));
      const earlier = await postAsEarlierProcess(tb.fake, 'C0OUTBOX1', 'crash:thread', {
        thread_ts: parent.ts,
      });

      expect(await tb.tick()).toMatchObject({ sent: 1 });
      expect(tb.fake.callsTo('conversations.replies')[0]?.args).toMatchObject({
        ts: parent.ts,
        include_all_metadata: 'true',
      });
      expect(await tb.bot.services.outbox.find('crash:thread')).toMatchObject({
        status: 'sent',
        slackTs: earlier.ts,
      });
      expect(postsFor('crash:thread', tb.fake)).toHaveLength(1);
    });

    it('leaves a live claim alone until its lease runs out', async () => {
      const tb = await start();
      await tb.bot.services.outbox.schedule(request(tb, 'crash:live', {}, 0));
      await simulateCrashedClaim(tb, 'crash:live', tb.clock.now(), 'otherhost/4242/1iveclaim');
      expect(await tb.tick()).toMatchObject({ recovered: 0, sent: 0 });
      expect((await tb.bot.services.outbox.find('crash:live'))?.status).toBe('sending');
      tb.clock.advance(2 * MINUTE);
      expect(await tb.tick()).toMatchObject({ recovered: 1, sent: 1 });
      expect(postsFor('crash:live', tb.fake)).toHaveLength(1);
    });

    it('recovers at once a claim left by the replica whose scheduler lease this one took over', async () => {
      const tb = await start();
      await tb.bot.services.outbox.schedule(request(tb, 'crash:former-holder', {}, 0));
      // Claimed a second before this bot took the lease (at its start): the claimant let it lapse.
      await simulateCrashedClaim(tb, 'crash:former-holder', new Date(tb.clock.now().getTime() - 1000));
      expect(await tb.tick()).toMatchObject({ recovered: 1, sent: 1 });
      expect(postsFor('crash:former-holder', tb.fake)).toHaveLength(1);
    });

    it('without the lease, a recent claim by another worker waits for the claim lease, whatever its host', async () => {
      const tb = await start({ env: { SCHEDULER_LEASE: 'off' } });
      await tb.bot.services.outbox.schedule(request(tb, 'crash:no-lease', {}, 0));
      await simulateCrashedClaim(
        tb,
        'crash:no-lease',
        new Date(tb.clock.now().getTime() - 1000),
        `${os.hostname()}/99999999/deadbeef`,
      );
      expect(await tb.tick()).toMatchObject({ recovered: 0, sent: 0 });
      tb.clock.advance(2 * MINUTE);
      expect(await tb.tick()).toMatchObject({ recovered: 1, sent: 1 });
      expect(postsFor('crash:no-lease', tb.fake)).toHaveLength(1);
    });

    it('records a recovered row found in history as sent even if it has expired since', async () => {
      const tb = await start();
      const expiresAt = new Date(tb.clock.now().getTime() + MINUTE);
      await tb.bot.services.outbox.schedule(request(tb, 'crash:expired-but-sent', { expiresAt }, 0));
      await simulateCrashedClaim(
        tb,
        'crash:expired-but-sent',
        new Date(tb.clock.now().getTime() - 3 * MINUTE),
      );
      await postAsEarlierProcess(tb.fake, 'C0OUTBOX1', 'crash:expired-but-sent');
      tb.clock.advance(10 * MINUTE);
      await tb.tick();
      expect(await tb.bot.services.outbox.find('crash:expired-but-sent')).toMatchObject({
        status: 'sent',
        lastError: 'found_in_history',
      });
      expect(postsFor('crash:expired-but-sent', tb.fake)).toHaveLength(1);
    });
  });

  it('a process that lost its claim while waiting out a 429 does not post', async () => {
    const holder: { tb?: TestBot } = {};
    const tb = await start({
      scheduler: {
        // While this process waits, another one takes the row over (as after a lease expiry).
        sleep: async () => {
          if (holder.tb === undefined) return;
          await holder.tb.run(
            "UPDATE outbox SET claimed_by = 'otherhost/1/thief', claimed_at = ? WHERE key = 'lost:claim'",
            holder.tb.clock.now().toISOString(),
          );
        },
      },
    });
    holder.tb = tb;
    tb.fake.override('chat.postMessage', (_args, index) =>
      index === 0 ? { status: 429, headers: { 'Retry-After': '3' } } : undefined,
    );
    await tb.bot.services.outbox.schedule(request(tb, 'lost:claim', {}, 0));
    expect(await tb.tick()).toMatchObject({ sent: 0, failed: 0, retried: 0 });
    expect(attemptsFor('lost:claim', tb.fake).map((call) => call.status)).toEqual([429]);
    expect(await tb.bot.services.outbox.find('lost:claim')).toMatchObject({
      status: 'sending',
      claimedBy: 'otherhost/1/thief',
    });
    expect(tb.logs.some((line) => line.includes('outbox lost:claim: claim lost'))).toBe(true);
  });

  it('two processes sharing one database post every key exactly once, even with no lease', async () => {
    const file = sharedFile();
    // Small batches, so that the two processes' claims interleave within every tick. The lease is
    // off: both deliver at once, and the claims alone must keep every post once-only.
    const settings = { batchSize: 2 };
    const a = await start({ env: { DATABASE_PATH: file, SCHEDULER_LEASE: 'off' }, scheduler: { settings } });
    const b = await start({
      env: { DATABASE_PATH: file, SCHEDULER_LEASE: 'off' },
      fake: a.fake,
      clock: a.clock,
      scheduler: { settings },
    });
    const channels = ['C0SHARED1', 'C0SHARED2', 'C0SHARED3', 'C0SHARED4', 'C0SHARED5', 'U0SHARED6'];
    const keys: string[] = [];
    for (let i = 0; i < 60; i += 1) {
      const key = `shared:${i}`;
      keys.push(key);
      const scheduler = i % 2 === 0 ? a : b;
      await scheduler.bot.services.outbox.schedule(
        request(a, key, { channel: channels[i % channels.length] ?? 'C0SHARED1' }, (i % 4) * MINUTE),
      );
    }
    for (let round = 0; round < 5; round += 1) {
      const results = await Promise.all([a.tick(), b.tick(), a.tick(), b.tick()]);
      expect(results.reduce((n, r) => n + r.failed + r.retried, 0)).toBe(0);
      a.clock.advance(MINUTE);
    }
    for (const key of keys) expect({ key, posts: postsFor(key, a.fake).length }).toEqual({ key, posts: 1 });
    expect(a.fake.callsTo('chat.postMessage')).toHaveLength(60);
    expect(new Set((await a.bot.services.outbox.list('shared:')).map((row) => row.status))).toEqual(
      new Set(['sent']),
    );
    // Each row was sent by one of the two. How the work splits depends on timing (on a busy machine,
    // or with SKIP LOCKED on Postgres, one process may claim every batch first), so it is not asserted.
    const senders = new Set((await a.bot.services.outbox.list('shared:')).map((row) => row.claimedBy));
    const workers = new Set([a.bot.services.outbox.workerId, b.bot.services.outbox.workerId]);
    expect([...senders].filter((sender) => sender === null || !workers.has(sender))).toEqual([]);
  });

  it('after a restart, catches up at start: what fell due is sent once, what expired is skipped', async () => {
    const file = sharedFile();
    const first = await start({ env: { DATABASE_PATH: file } });
    const outbox = first.bot.services.outbox;
    await outbox.schedule(request(first, 'restart:due', {}, 10 * MINUTE));
    await outbox.schedule(
      request(
        first,
        'restart:expired',
        { expiresAt: new Date(first.clock.now().getTime() + 20 * MINUTE) },
        15 * MINUTE,
      ),
    );
    await outbox.schedule(request(first, 'restart:sent-before', {}, 0));
    await first.tick();
    expect(postsFor('restart:sent-before', first.fake)).toHaveLength(1);
    const later = new Date(first.clock.now().getTime() + 60 * MINUTE).toISOString();
    stopLater.splice(stopLater.indexOf(first), 1);
    await first.stop();

    // No tick() here: the start-up tick alone must do the catch-up.
    const second = await start({ env: { DATABASE_PATH: file }, now: later });
    expect(postsFor('restart:due', second.fake)).toHaveLength(1);
    expect(postsFor('restart:expired', second.fake)).toHaveLength(0);
    expect(postsFor('restart:sent-before', second.fake)).toHaveLength(0);
    const after = second.bot.services.outbox;
    expect((await after.find('restart:due'))?.status).toBe('sent');
    expect(await after.find('restart:expired')).toMatchObject({ status: 'skipped', lastError: 'expired' });
    await second.tick();
    expect(postsFor('restart:due', second.fake)).toHaveLength(1);
  });
});
