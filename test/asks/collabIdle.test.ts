import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { TestBot, allText } from '../support/testBot';
import { outboxKeys } from './support';
import {
  AUTHOR,
  DAY,
  HELPER,
  askWithResponders,
  channelMessage,
  collabRow,
  postsIn,
  startChannel,
  textOf,
  tsAt,
} from './collabSupport';

// Issue 13 §2: a channel with no message for COLLAB_IDLE_DAYS (30 by default) gets one heads-up;
// if it stays quiet 7 more days it is archived (conversations.archive; nothing is deleted). Both are
// outbox rows with keys, planned by the scheduler on the injected clock. A member's message, heard
// as an event or found in the history before anything is posted, starts the quiet spell again.

const HEADS_UP =
  ':zzz: Nobody has written here for 30 days. If it stays quiet, I will archive this channel in 7 days; nothing is deleted. Write anything to keep it open.';

describe('collaboration channels: quiet ones are archived', () => {
  let tb: TestBot;
  let id: number;
  let channel: string;
  let started: Date;
  beforeEach(async () => {
    tb = await TestBot.start();
    id = await askWithResponders(tb);
    await startChannel(tb, AUTHOR, id);
    channel = (await collabRow(tb, id))?.channel_id ?? '';
    started = tb.clock.now();
  });
  afterEach(async () => {
    expect(tb.fake.violations).toEqual([]);
    await tb.stop();
  });

  const headsUps = () =>
    postsIn(tb, channel).filter((call) => allText(call.args).includes('Nobody has written'));
  const archives = () => tb.fake.callsTo('conversations.archive');
  const at = async (days: number) => {
    tb.clock.set(started.getTime() + days * DAY);
    await tb.tick();
  };

  it('one heads-up after 30 quiet days, the archive 7 days later, each once', async () => {
    await at(29.9);
    expect(headsUps()).toEqual([]);
    await at(30);
    expect(headsUps().map((call) => call.args.text)).toEqual([HEADS_UP]);
    // The history was read first: a missed message would have counted.
    expect(tb.fake.callsTo('conversations.history').map((call) => call.args.channel)).toContain(channel);
    expect(await outboxKeys(tb, `collab:${id}:`)).toEqual([`collab:${id}:quiet:${started.getTime()}`]);
    await at(31);
    await at(36.9);
    expect(headsUps()).toHaveLength(1);
    expect(archives()).toEqual([]);
    await at(37);
    expect(archives().map((call) => call.args)).toEqual([{ channel }]);
    expect(tb.fake.channel(channel)?.archived).toBe(true);
    expect(await collabRow(tb, id)).toMatchObject({
      status: 'archived',
      archived_at: tb.clock.now().toISOString(),
    });
    expect(await outboxKeys(tb, `collab:${id}:`)).toEqual([
      `collab:${id}:quiet:${started.getTime()}`,
      `collab:${id}:archive`,
    ]);
    const archiveRow = await tb.row<{ status: string }>(
      'SELECT status FROM outbox WHERE key = ?',
      `collab:${id}:archive`,
    );
    expect(archiveRow?.status).toBe('sent');
    await at(60);
    expect(archives()).toHaveLength(1);
    expect(headsUps()).toHaveLength(1);
    // Nothing is deleted, and the author's list says where it went.
    expect(tb.fake.callsTo('chat.delete')).toEqual([]);
    expect(allText((await tb.command('asks mine', AUTHOR)).json)).toContain(
      `Channel: <#${channel}> (archived)`,
    );
  });

  it('a member’s message starts the quiet spell again; bots and joins do not', async () => {
    await at(25);
    await channelMessage(tb, channel, HELPER);
    const spoke = tb.clock.now();
    expect((await collabRow(tb, id))?.last_message_at).toBe(spoke.toISOString());
    await at(26);
    await channelMessage(tb, channel, 'U0SOMEBOT', { bot_id: 'B0OTHER' });
    await channelMessage(tb, channel, AUTHOR, { subtype: 'channel_join' });
    expect((await collabRow(tb, id))?.last_message_at).toBe(spoke.toISOString());
    await at(31);
    expect(headsUps()).toEqual([]);
    await at(54.9);
    expect(headsUps()).toEqual([]);
    await at(55);
    expect(headsUps()).toHaveLength(1);
    expect(await outboxKeys(tb, `collab:${id}:quiet:`)).toEqual([`collab:${id}:quiet:${spoke.getTime()}`]);
    // A message after the heads-up: no archive; the next quiet spell gets a heads-up of its own.
    await at(58);
    await channelMessage(tb, channel, AUTHOR);
    await at(62);
    expect(archives()).toEqual([]);
    await at(88);
    expect(headsUps()).toHaveLength(2);
  });

  it('a message the bot never heard of (missed while down) is found in the history: no heads-up', async () => {
    // Written on day 20 in the pinned item's thread; the event never reached the bot.
    const intro = (await collabRow(tb, id))?.intro_ts ?? '';
    tb.fake.memberMessage(channel, HELPER, 'Shall we meet?', {
      threadTs: intro,
      ts: tsAt(new Date(started.getTime() + 20 * DAY)),
    });
    await at(31);
    expect(headsUps()).toEqual([]);
    expect((await collabRow(tb, id))?.last_message_at).toBe(
      new Date(started.getTime() + 20 * DAY).toISOString(),
    );
    // A plain message on day 40, also missed.
    tb.fake.memberMessage(channel, AUTHOR, 'Still here', {
      ts: tsAt(new Date(started.getTime() + 40 * DAY)),
    });
    await at(51);
    expect(headsUps()).toEqual([]);
    await at(70);
    expect(headsUps()).toHaveLength(1);
  });

  it('a message before a planned archive is sent keeps the channel', async () => {
    await at(30);
    tb.fake.override('conversations.archive', () => ({ body: { ok: false, error: 'internal_error' } }));
    await at(37);
    expect(archives()).toHaveLength(1);
    expect(tb.fake.channel(channel)?.archived).toBe(false);
    await channelMessage(tb, channel, HELPER);
    expect(await collabRow(tb, id)).toMatchObject({ status: 'ready', archived_at: null });
    const row = await tb.row<{ status: string }>(
      'SELECT status FROM outbox WHERE key = ?',
      `collab:${id}:archive`,
    );
    expect(row?.status).toBe('cancelled');
    tb.fake.override('conversations.archive', () => undefined);
    await at(40);
    expect(archives()).toHaveLength(1);
    expect(tb.fake.channel(channel)?.archived).toBe(false);
  });

  it('a channel the bot can no longer read is no longer watched', async () => {
    tb.fake.override('conversations.history', () => ({ body: { ok: false, error: 'channel_not_found' } }));
    await at(30);
    expect(headsUps()).toEqual([]);
    expect((await collabRow(tb, id))?.status).toBe('gone');
    const reads = tb.fake.callsTo('conversations.history').length;
    await at(40);
    expect(tb.fake.callsTo('conversations.history')).toHaveLength(reads);
    expect(archives()).toEqual([]);
  });
});

describe('collaboration channels: COLLAB_IDLE_DAYS, and two replicas planning at once', () => {
  it('heads-up and archive happen once, after the configured quiet days', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'homecoming-collab-idle-'));
    const env = {
      DATABASE_PATH: path.join(dir, 'alumni.sqlite'),
      COLLAB_IDLE_DAYS: '10',
      SCHEDULER_LEASE: 'off',
    };
    const a = await TestBot.start({ env });
    const b = await TestBot.start({ env, fake: a.fake, clock: a.clock });
    try {
      a.fake.setUser(AUTHOR, { locale: 'ja-JP' });
      const id = await askWithResponders(a);
      await startChannel(a, AUTHOR, id);
      const channel = (await collabRow(a, id))?.channel_id ?? '';
      const started = a.clock.now().getTime();
      const both = async (days: number) => {
        a.clock.set(started + days * DAY);
        await Promise.all([a.tick(), b.tick()]);
        await Promise.all([a.tick(), b.tick()]);
      };
      await both(9.9);
      expect(postsIn(a, channel)).toHaveLength(1);
      await both(10);
      const posts = postsIn(a, channel);
      expect(posts).toHaveLength(2);
      // The members read Japanese (the author) and English: the heads-up is in both, Japanese first.
      expect(textOf(posts[1])).toContain('10 日間、書き込みがありません。');
      expect(textOf(posts[1])).toContain('Nobody has written here for 10 days.');
      await both(17);
      expect(a.fake.callsTo('conversations.archive')).toHaveLength(1);
      await both(30);
      expect(a.fake.callsTo('conversations.archive')).toHaveLength(1);
      expect(postsIn(a, channel)).toHaveLength(2);
      expect(a.fake.violations).toEqual([]);
    } finally {
      await b.stop();
      await a.stop();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
