import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { TestBot } from '../support/testBot';
import { MINUTE, postsFor, request } from './helpers';

const SECOND = 1000;

// Two bots on one database, as two replicas behind a load balancer: the one holding the scheduler
// lease plans and delivers, the other stands by, and takes over once the holder stops renewing.
describe('the scheduler lease', () => {
  let dir: string;
  const bots: TestBot[] = [];

  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'homecoming-lease-'));
  });
  afterEach(async () => {
    for (const bot of bots.splice(0)) {
      expect(bot.fake.violations).toEqual([]);
      await bot.stop();
    }
    fs.rmSync(dir, { recursive: true, force: true });
  });

  async function twoReplicas(env: Record<string, string> = {}): Promise<[TestBot, TestBot]> {
    const file = path.join(dir, 'alumni.sqlite');
    const a = await TestBot.start({ env: { DATABASE_PATH: file, SCHEDULER_LEASE_SECONDS: '30', ...env } });
    const b = await TestBot.start({
      env: { DATABASE_PATH: file, SCHEDULER_LEASE_SECONDS: '30', ...env },
      fake: a.fake,
      clock: a.clock,
    });
    bots.push(b, a);
    return [a, b];
  }

  it('one replica delivers while the other stands by; after the holder dies the other takes over within the lease time', async () => {
    const [a, b] = await twoReplicas();
    await a.bot.services.outbox.schedule(request(a, 'lease:1', {}, 0));
    expect(await a.tick()).toMatchObject({ sent: 1 });
    await b.bot.services.outbox.schedule(request(b, 'lease:2', {}, 0));
    expect(await b.tick()).toMatchObject({ sent: 0, standby: true });
    expect(postsFor('lease:2', a.fake)).toHaveLength(0);

    // A renews on its next tick and sends what B scheduled.
    a.clock.advance(20 * SECOND);
    expect(await a.tick()).toMatchObject({ sent: 1 });
    expect(postsFor('lease:2', a.fake)).toHaveLength(1);

    // A dies without a word (no release). Until its lease runs out B still stands by…
    await b.bot.services.outbox.schedule(request(b, 'lease:3', {}, 0));
    a.clock.advance(29 * SECOND);
    expect(await b.tick()).toMatchObject({ standby: true });
    // … and at its expiry B takes over and delivers, once.
    a.clock.advance(2 * SECOND);
    expect(await b.tick()).toMatchObject({ sent: 1 });
    expect(await b.tick()).toMatchObject({ sent: 0 });
    expect(postsFor('lease:3', a.fake)).toHaveLength(1);
    expect(b.logs.some((line) => line.includes('another replica holds the default:scheduler lease'))).toBe(
      true,
    );
  });

  it('a clean stop hands the lease on at once', async () => {
    const [a, b] = await twoReplicas();
    await a.tick();
    expect(await b.tick()).toMatchObject({ standby: true });
    bots.splice(bots.indexOf(a), 1);
    await a.bot.stop();
    await b.bot.services.outbox.schedule(request(b, 'lease:after-stop', {}, 0));
    expect(await b.tick()).toMatchObject({ sent: 1 });
    await b.bot.stop();
    bots.splice(bots.indexOf(b), 1);
    await a.fake.stop();
    fs.rmSync(a.dir, { recursive: true, force: true });
    fs.rmSync(b.dir, { recursive: true, force: true });
  });

  it('with SCHEDULER_LEASE=off every replica delivers and nobody stands by', async () => {
    const [a, b] = await twoReplicas({ SCHEDULER_LEASE: 'off' });
    await a.bot.services.outbox.schedule(request(a, 'nolease:1', {}, 0));
    await b.bot.services.outbox.schedule(request(b, 'nolease:2', {}, MINUTE));
    expect(await a.tick()).toMatchObject({ sent: 1 });
    a.clock.advance(MINUTE);
    expect(await b.tick()).toMatchObject({ sent: 1 });
    expect((await b.tick()).standby).toBeUndefined();
  });
});
