import { groupDmTarget } from '../../src/scheduler/types';
import { TestBot } from '../support/testBot';
import {
  MINUTE,
  attemptsFor,
  postAsEarlierProcess,
  postsFor,
  request,
  simulateCrashedClaim,
} from './helpers';

/** The fake names a group DM G + its members' ids; Slack would give an opaque G… or C… id. */
const GROUP = 'GU0G1U0G2U0G3';
const TARGET = groupDmTarget(['U0G3', 'U0G1', 'U0G2']);

describe('outbox: posts to a group DM of members (mpim:…)', () => {
  let tb: TestBot;
  beforeEach(async () => {
    tb = await TestBot.start();
  });
  afterEach(async () => {
    expect(tb.fake.violations).toEqual([]);
    await tb.stop();
  });

  it('opens the conversation at send time, posts there once, and remembers its id', async () => {
    expect(TARGET).toBe('mpim:U0G1,U0G2,U0G3');
    await tb.bot.services.outbox.schedule(request(tb, 'group:plain', { channel: TARGET }, 0));
    expect(await tb.tick()).toMatchObject({ sent: 1 });
    expect(tb.fake.callsTo('conversations.open').map((c) => c.args.users)).toEqual(['U0G1,U0G2,U0G3']);
    expect(postsFor('group:plain', tb.fake).map((c) => c.args.channel)).toEqual([GROUP]);
    expect(await tb.bot.services.outbox.find('group:plain')).toMatchObject({
      status: 'sent',
      channel: TARGET,
      slackChannel: GROUP,
    });
    await tb.tick();
    expect(postsFor('group:plain', tb.fake)).toHaveLength(1);
  });

  it('refuses a target that is not 2 to 8 user ids', async () => {
    for (const channel of [
      'mpim:U0G1',
      'mpim:',
      'mpim:U0G1,C0CHAN',
      `mpim:${Array.from({ length: 9 }, (_, i) => `U0G${i}`).join(',')}`,
    ]) {
      await expect(
        tb.bot.services.outbox.schedule(request(tb, `group:bad:${channel}`, { channel }, 0)),
      ).rejects.toThrow(/must be a channel id/);
    }
  });

  it('after a crash with the conversation remembered, finds the post in that conversation and does not send again', async () => {
    await tb.bot.services.outbox.schedule(request(tb, 'group:found', { channel: TARGET }, 0));
    await simulateCrashedClaim(tb, 'group:found', new Date(tb.clock.now().getTime() - 3 * MINUTE));
    await tb.run('UPDATE outbox SET slack_channel = ? WHERE key = ?', GROUP, 'group:found');
    const earlier = await postAsEarlierProcess(tb.fake, GROUP, 'group:found');

    expect(await tb.tick()).toMatchObject({ recovered: 1, sent: 1 });
    expect(tb.fake.callsTo('conversations.open')).toEqual([]);
    expect(tb.fake.callsTo('conversations.history')[0]?.args.channel).toBe(GROUP);
    expect(postsFor('group:found', tb.fake)).toHaveLength(1);
    expect(await tb.bot.services.outbox.find('group:found')).toMatchObject({
      status: 'sent',
      slackTs: earlier.ts,
      lastError: 'found_in_history',
    });
  });

  it('after a crash before the conversation was remembered, opens it again and checks its history first', async () => {
    await tb.bot.services.outbox.schedule(request(tb, 'group:reopen', { channel: TARGET }, 0));
    await simulateCrashedClaim(tb, 'group:reopen', new Date(tb.clock.now().getTime() - 3 * MINUTE));
    const earlier = await postAsEarlierProcess(tb.fake, GROUP, 'group:reopen');

    expect(await tb.tick()).toMatchObject({ recovered: 1, sent: 1 });
    expect(tb.fake.callsTo('conversations.open')).toHaveLength(1);
    expect(postsFor('group:reopen', tb.fake)).toHaveLength(1);
    expect(await tb.bot.services.outbox.find('group:reopen')).toMatchObject({
      status: 'sent',
      slackTs: earlier.ts,
      slackChannel: GROUP,
    });
  });

  it('after a crash with nothing in the conversation, sends it once', async () => {
    await tb.bot.services.outbox.schedule(request(tb, 'group:absent', { channel: TARGET }, 0));
    await simulateCrashedClaim(tb, 'group:absent', new Date(tb.clock.now().getTime() - 3 * MINUTE));
    expect(await tb.tick()).toMatchObject({ recovered: 1, sent: 1 });
    expect(postsFor('group:absent', tb.fake)).toHaveLength(1);
    expect(tb.fake.callsTo('conversations.history')[0]?.args.channel).toBe(GROUP);
  });

  it('a 5xx on the post is retried in the same conversation, after checking its history', async () => {
    let calls = 0;
    tb.fake.override('chat.postMessage', () =>
      calls++ === 0 ? { status: 503, body: { ok: false, error: 'service_unavailable' } } : undefined,
    );
    await tb.bot.services.outbox.schedule(request(tb, 'group:retry', { channel: TARGET }, 0));
    expect(await tb.tick()).toMatchObject({ retried: 1 });
    expect(await tb.bot.services.outbox.find('group:retry')).toMatchObject({
      status: 'pending',
      slackChannel: GROUP,
    });
    tb.clock.advance(5 * MINUTE);
    expect(await tb.tick()).toMatchObject({ sent: 1 });
    expect(tb.fake.callsTo('conversations.open')).toHaveLength(1);
    expect(tb.fake.callsTo('conversations.history').map((c) => c.args.channel)).toEqual([GROUP]);
    expect(attemptsFor('group:retry', tb.fake).map((c) => c.args.channel)).toEqual([GROUP, GROUP]);
    expect(postsFor('group:retry', tb.fake)).toHaveLength(1);
  });

  it('fails for good when Slack cannot open the conversation (a member is gone), without posting', async () => {
    tb.fake.override('conversations.open', () => ({ body: { ok: false, error: 'user_not_found' } }));
    await tb.bot.services.outbox.schedule(request(tb, 'group:gone', { channel: TARGET }, 0));
    expect(await tb.tick()).toMatchObject({ failed: 1 });
    expect(await tb.bot.services.outbox.find('group:gone')).toMatchObject({
      status: 'failed',
      lastError: 'user_not_found',
      slackChannel: null,
    });
    expect(attemptsFor('group:gone', tb.fake)).toEqual([]);
  });

  it('privacy: a member’s group DMs are in their export and go with their erasure, other rows stay', async () => {
    const outbox = tb.bot.services.outbox;
    await outbox.schedule(request(tb, 'group:privacy', { channel: TARGET }, 60 * MINUTE));
    await outbox.schedule(
      request(tb, 'group:others', { channel: groupDmTarget(['U0G2', 'U0G3']) }, 60 * MINUTE),
    );
    await outbox.schedule(
      request(tb, 'group:prefix', { channel: groupDmTarget(['U0G11', 'U0G2']) }, 60 * MINUTE),
    );
    expect(await outbox.addressedTo('U0G1')).toEqual([
      { kind: 'test_post', dueAt: expect.any(String) as string, status: 'pending' },
    ]);
    expect(await outbox.forgetMember('U0G1')).toBe(1);
    expect((await outbox.list('group:')).map((r) => r.key)).toEqual(['group:others', 'group:prefix']);
  });
});
