import { TestBot, allText } from '../support/testBot';
import { MINUTE, attemptsFor, keyOf, postsFor, request } from './helpers';

describe('outbox delivery', () => {
  let tb: TestBot;
  beforeEach(async () => {
    tb = await TestBot.start();
  });
  afterEach(async () => {
    expect(tb.fake.violations).toEqual([]);
    await tb.stop();
  });

  it('sends a due row once with its key in the metadata; a row not yet due waits', async () => {
    const outbox = tb.bot.services.outbox;
    expect(await outbox.schedule(request(tb, 'test:due', {}, MINUTE))).toBe(true);
    expect(await outbox.schedule(request(tb, 'test:later', {}, 60 * MINUTE))).toBe(true);

    expect(await tb.tick()).toMatchObject({ sent: 0 });
    expect(tb.fake.callsTo('chat.postMessage')).toHaveLength(0);

    tb.clock.advance(MINUTE);
    expect(await tb.tick()).toMatchObject({ sent: 1, failed: 0, skipped: 0, retried: 0 });
    const [post] = postsFor('test:due', tb.fake);
    expect(post?.args).toMatchObject({
      channel: 'C0OUTBOX1',
      text: 'Reminder for test:due',
      metadata: { event_type: 'homecoming_outbox', event_payload: { key: 'test:due' } },
    });
    const row = await outbox.find('test:due');
    expect(row).toMatchObject({ status: 'sent', attempts: 1, slackChannel: 'C0OUTBOX1', lastError: null });
    expect(row?.slackTs).toBe((post?.response as { ts?: string }).ts);
    expect(row?.sentAt?.toISOString()).toBe(tb.clock.now().toISOString());
    expect(await outbox.find('test:later')).toMatchObject({ status: 'pending', attempts: 0 });

    // Scheduling the same key again does nothing, and later ticks do not resend.
    expect(await outbox.schedule(request(tb, 'test:due', { message: { text: 'changed' } }, 0))).toBe(false);
    await tb.tick();
    tb.clock.advance(5 * MINUTE);
    await tb.tick();
    expect(postsFor('test:due', tb.fake)).toHaveLength(1);
    expect(tb.fake.callsTo('chat.postMessage')).toHaveLength(1);

    // Transitions are logged by key, never with the message text.
    expect(tb.logs.some((line) => line.includes('outbox test:due: sent'))).toBe(true);
    expect(tb.logs.filter((line) => line.includes('Reminder for'))).toEqual([]);
  });

  it('joins (and rolls back with) the caller’s transaction', async () => {
    const { outbox, store } = tb.bot.services;
    await expect(
      store.transaction(async () => {
        await outbox.schedule(request(tb, 'test:rolled-back'));
        throw new Error('the caller changed its mind');
      }),
    ).rejects.toThrow('changed its mind');
    expect(await outbox.find('test:rolled-back')).toBeUndefined();
    await store.transaction(() => outbox.schedule(request(tb, 'test:committed')));
    expect((await outbox.find('test:committed'))?.status).toBe('pending');
  });

  it('refuses malformed requests', async () => {
    const outbox = tb.bot.services.outbox;
    await expect(outbox.schedule(request(tb, 'test:bad-channel', { channel: '#general' }))).rejects.toThrow(
      /channel/,
    );
    await expect(outbox.schedule(request(tb, 'test:no-text', { message: { text: '' } }))).rejects.toThrow(
      /message/,
    );
    await expect(outbox.schedule(request(tb, 'test:bad-date', { dueAt: new Date('nope') }))).rejects.toThrow(
      /dueAt/,
    );
    expect(await outbox.list('test:')).toEqual([]);
  });

  it('cancels by key or prefix and reschedules pending rows', async () => {
    const outbox = tb.bot.services.outbox;
    await outbox.schedule(request(tb, 'event:1:reminder:1d'));
    await outbox.schedule(request(tb, 'event:1:reminder:1h'));
    await outbox.schedule(request(tb, 'event:10:reminder:1h'));
    await outbox.schedule(request(tb, 'event:2:reminder:1h'));

    expect(await outbox.cancel('event:1:reminder:')).toBe(2);
    expect(await outbox.cancel('event:2:reminder:1h')).toBe(1);
    expect(await outbox.cancel('event:2:')).toBe(0);
    expect((await outbox.list('event:1:')).map((row) => row.status)).toEqual(['cancelled', 'cancelled']);

    const later = new Date(tb.clock.now().getTime() + 30 * MINUTE);
    expect(await outbox.reschedule('event:10:reminder:1h', later, { text: 'Moved reminder' })).toBe(true);
    expect(await outbox.reschedule('event:1:reminder:1d', later)).toBe(false); // cancelled rows stay cancelled

    tb.clock.advance(MINUTE);
    expect(await tb.tick()).toMatchObject({ sent: 0 });
    tb.clock.set(later);
    expect(await tb.tick()).toMatchObject({ sent: 1 });
    expect(postsFor('event:10:reminder:1h', tb.fake).map((call) => call.args.text)).toEqual([
      'Moved reminder',
    ]);
    expect(tb.fake.callsTo('chat.postMessage')).toHaveLength(1);
    expect(await outbox.cancel('event:10:')).toBe(0); // sent rows cannot be cancelled
  });

  it('skips rows whose expiry passed while they waited, and records planned skips without sending', async () => {
    const outbox = tb.bot.services.outbox;
    const dueIn = MINUTE;
    await outbox.schedule(
      request(tb, 'test:expired', { expiresAt: new Date(tb.clock.now().getTime() + 2 * MINUTE) }, dueIn),
    );
    await outbox.schedule(
      request(tb, 'test:fresh', { expiresAt: new Date(tb.clock.now().getTime() + 60 * MINUTE) }, dueIn),
    );
    expect(await outbox.scheduleSkipped(request(tb, 'test:too-late'), 'the event had already started')).toBe(
      true,
    );

    tb.clock.advance(3 * MINUTE);
    expect(await tb.tick()).toMatchObject({ sent: 1, skipped: 1 });
    expect(await outbox.find('test:expired')).toMatchObject({ status: 'skipped', lastError: 'expired' });
    expect(await outbox.find('test:too-late')).toMatchObject({
      status: 'skipped',
      lastError: 'the event had already started',
    });
    expect(postsFor('test:expired', tb.fake)).toHaveLength(0);
    expect(postsFor('test:too-late', tb.fake)).toHaveLength(0);
    expect(postsFor('test:fresh', tb.fake)).toHaveLength(1);
    // A skipped key is still taken: it can never be scheduled (and sent) again.
    expect(await outbox.schedule(request(tb, 'test:too-late'))).toBe(false);
  });

  it('waits out a 429 for its Retry-After, then sends once', async () => {
    tb.fake.override('chat.postMessage', (_args, index) =>
      index === 0 ? { status: 429, headers: { 'Retry-After': '7' } } : undefined,
    );
    await tb.bot.services.outbox.schedule(request(tb, 'test:429', {}, 0));
    expect(await tb.tick()).toMatchObject({ sent: 1, retried: 0 });
    expect(tb.sleeps).toEqual([7000]);
    expect(attemptsFor('test:429', tb.fake).map((call) => call.status)).toEqual([429, 200]);
    expect(postsFor('test:429', tb.fake)).toHaveLength(1);
    expect(await tb.bot.services.outbox.find('test:429')).toMatchObject({ status: 'sent', attempts: 1 });
  });

  it('puts a row back for later when Retry-After is too long to wait in place', async () => {
    tb.fake.override('chat.postMessage', (_args, index) =>
      index === 0 ? { status: 429, headers: { 'Retry-After': '600' } } : undefined,
    );
    const outbox = tb.bot.services.outbox;
    await outbox.schedule(request(tb, 'test:429-long', {}, 0));
    expect(await tb.tick()).toMatchObject({ sent: 0, retried: 1 });
    expect(tb.sleeps).toEqual([]);
    const row = await outbox.find('test:429-long');
    // Slack refused the call: nothing went out, so neither a history check nor an attempt is counted.
    expect(row).toMatchObject({
      status: 'pending',
      attempts: 0,
      lastError: 'ratelimited',
      unconfirmedSince: null,
    });
    expect(row?.nextAttemptAt.getTime()).toBe(tb.clock.now().getTime() + 600_000);
    tb.clock.advance(599_000);
    await tb.tick();
    expect(attemptsFor('test:429-long', tb.fake)).toHaveLength(1);
    tb.clock.advance(1000);
    expect(await tb.tick()).toMatchObject({ sent: 1 });
    expect(postsFor('test:429-long', tb.fake)).toHaveLength(1);
    expect(await outbox.find('test:429-long')).toMatchObject({ status: 'sent', attempts: 1 });
    expect(tb.fake.callsTo('conversations.history')).toHaveLength(0);
  });

  it('retries 5xx with exponential backoff and checks history before each resend', async () => {
    tb.fake.override('chat.postMessage', (_args, index) => (index < 2 ? { status: 500 } : undefined));
    const outbox = tb.bot.services.outbox;
    await outbox.schedule(request(tb, 'test:5xx', {}, 0));
    const start = tb.clock.now().getTime();

    expect(await tb.tick()).toMatchObject({ sent: 0, retried: 1 });
    let row = await outbox.find('test:5xx');
    expect(row).toMatchObject({ status: 'pending', attempts: 1, lastError: 'http_500' });
    expect(row?.nextAttemptAt.getTime()).toBe(start + 30_000);
    expect(row?.unconfirmedSince).not.toBeNull();

    tb.clock.set(start + 29_000);
    await tb.tick();
    expect(attemptsFor('test:5xx', tb.fake)).toHaveLength(1);

    tb.clock.set(start + 30_000);
    expect(await tb.tick()).toMatchObject({ retried: 1 });
    row = await outbox.find('test:5xx');
    expect(row).toMatchObject({ attempts: 2 });
    expect(row?.nextAttemptAt.getTime()).toBe(start + 30_000 + 60_000);

    tb.clock.set(start + 89_000);
    await tb.tick();
    expect(attemptsFor('test:5xx', tb.fake)).toHaveLength(2);

    tb.clock.set(start + 90_000);
    expect(await tb.tick()).toMatchObject({ sent: 1 });
    expect(await outbox.find('test:5xx')).toMatchObject({
      status: 'sent',
      attempts: 3,
      unconfirmedSince: null,
    });
    expect(attemptsFor('test:5xx', tb.fake).map((call) => call.status)).toEqual([500, 500, 200]);
    expect(postsFor('test:5xx', tb.fake)).toHaveLength(1);
    // A 500 may hide a post that went through: each resend looked for the key first.
    const lookups = tb.fake.callsTo('conversations.history');
    expect(lookups).toHaveLength(2);
    expect(lookups[0]?.args).toMatchObject({ channel: 'C0OUTBOX1', include_all_metadata: 'true' });
  });

  it('fails for good on channel_not_found and tells the author once, in Japanese', async () => {
    tb.fake.setUser('U0AUTHJA', { locale: 'ja-JP' });
    tb.fake.override('chat.postMessage', (args) =>
      args.channel === 'C0GONE01' ? { body: { ok: false, error: 'channel_not_found' } } : undefined,
    );
    const outbox = tb.bot.services.outbox;
    await outbox.schedule(
      request(
        tb,
        'announcement:7',
        { channel: 'C0GONE01', notifyOnFailure: 'U0AUTHJA', message: { text: '今夜の同窓会のお知らせ' } },
        0,
      ),
    );

    const summary = await tb.tick();
    expect(summary).toMatchObject({ failed: 1, sent: 1 }); // the post failed; the notice went out
    expect(await outbox.find('announcement:7')).toMatchObject({
      status: 'failed',
      lastError: 'channel_not_found',
      attempts: 1,
    });
    expect((await outbox.find('announcement:7'))?.failureNotifiedAt).not.toBeNull();

    const notices = tb.fake.callsTo('chat.postMessage').filter((call) => call.args.channel === 'U0AUTHJA');
    expect(notices).toHaveLength(1);
    const text = allText(notices[0]?.args);
    expect(text).toContain('今夜の同窓会のお知らせ');
    expect(text).toContain('<#C0GONE01>');
    expect(text).toContain('チャンネルが存在しないか');
    expect(notices.map(keyOf)).toEqual(['outbox-failure:announcement:7']);

    for (let i = 0; i < 3; i += 1) {
      tb.clock.advance(60 * MINUTE);
      await tb.tick();
    }
    expect(
      tb.fake.callsTo('chat.postMessage').filter((call) => call.args.channel === 'U0AUTHJA'),
    ).toHaveLength(1);
    expect(attemptsFor('announcement:7', tb.fake)).toHaveLength(1);
  });

  it('joins a public channel once on not_in_channel, then posts', async () => {
    let joined = false;
    tb.fake.override('conversations.join', () => {
      joined = true;
      return undefined;
    });
    tb.fake.override('chat.postMessage', () =>
      joined ? undefined : { body: { ok: false, error: 'not_in_channel' } },
    );
    await tb.bot.services.outbox.schedule(request(tb, 'test:join', { channel: 'C0NOTIN01' }, 0));
    expect(await tb.tick()).toMatchObject({ sent: 1, failed: 0 });
    expect(tb.fake.callsTo('conversations.join').map((call) => call.args.channel)).toEqual(['C0NOTIN01']);
    expect(postsFor('test:join', tb.fake)).toHaveLength(1);
  });

  it('fails with not_in_channel when joining does not help, and tells the author in English', async () => {
    tb.fake.override('chat.postMessage', (args) =>
      args.channel === 'C0NOTIN02' ? { body: { ok: false, error: 'not_in_channel' } } : undefined,
    );
    tb.fake.override('conversations.join', () => ({
      body: { ok: false, error: 'method_not_supported_for_channel_type' },
    }));
    await tb.bot.services.outbox.schedule(
      request(tb, 'test:not-in', { channel: 'C0NOTIN02', notifyOnFailure: 'U0AUTHEN' }, 0),
    );
    expect(await tb.tick()).toMatchObject({ failed: 1 });
    expect(tb.fake.callsTo('conversations.join')).toHaveLength(1);
    expect(await tb.bot.services.outbox.find('test:not-in')).toMatchObject({
      status: 'failed',
      lastError: 'not_in_channel',
    });
    const notice = tb.fake.callsTo('chat.postMessage').find((call) => call.args.channel === 'U0AUTHEN');
    expect(allText(notice?.args)).toContain('I am not a member of that channel');
  });

  it('gives up after the maximum number of transient attempts, and says so', async () => {
    tb.fake.override('chat.postMessage', (args) =>
      args.channel === 'C0FLAKY01' ? { status: 503 } : undefined,
    );
    const outbox = tb.bot.services.outbox;
    await outbox.schedule(
      request(tb, 'test:flaky', { channel: 'C0FLAKY01', notifyOnFailure: 'U0AUTHEN' }, 0),
    );
    for (let i = 0; i < 10; i += 1) {
      await tb.tick();
      tb.clock.advance(31 * MINUTE); // longer than the largest backoff
    }
    expect(attemptsFor('test:flaky', tb.fake)).toHaveLength(8);
    expect(await outbox.find('test:flaky')).toMatchObject({
      status: 'failed',
      attempts: 8,
      lastError: 'gave_up:http_503',
    });
    const notices = tb.fake.callsTo('chat.postMessage').filter((call) => call.args.channel === 'U0AUTHEN');
    expect(notices).toHaveLength(1);
    expect(allText(notices[0]?.args)).toContain('gave up after 8 attempts');
  });

  it('fails a row whose stored payload is unreadable instead of sending garbage', async () => {
    const outbox = tb.bot.services.outbox;
    await outbox.schedule(request(tb, 'test:corrupt', {}, 0));
    await tb.run('UPDATE outbox SET payload = \'{"blocks":"nope"}\' WHERE key = \'test:corrupt\'');
    expect(await tb.tick()).toMatchObject({ failed: 1 });
    expect(await outbox.find('test:corrupt')).toMatchObject({
      status: 'failed',
      lastError: 'invalid_payload',
    });
    expect(tb.fake.callsTo('chat.postMessage')).toHaveLength(0);
  });

  it('forgets a member: their DMs are deleted and they are no longer told about failures', async () => {
    const outbox = tb.bot.services.outbox;
    await outbox.schedule(request(tb, 'privacy:dm-sent', { channel: 'U0LEAVER1' }, 0));
    await tb.tick();
    await outbox.schedule(request(tb, 'privacy:dm-pending', { channel: 'U0LEAVER1' }));
    await outbox.schedule(request(tb, 'privacy:post', { notifyOnFailure: 'U0LEAVER1' }));
    expect(await outbox.forgetMember('U0LEAVER1')).toBe(3);
    expect((await outbox.list('privacy:')).map((row) => [row.key, row.notifyOnFailure])).toEqual([
      ['privacy:post', null],
    ]);
    expect(await tb.rowsMentioning('U0LEAVER1')).toEqual([]);
  });

  it('sends DMs to a user id and keeps each channel in due order', async () => {
    const outbox = tb.bot.services.outbox;
    const now = tb.clock.now().getTime();
    await outbox.schedule(request(tb, 'test:order:2', { dueAt: new Date(now + 2000) }));
    await outbox.schedule(request(tb, 'test:order:1', { dueAt: new Date(now + 1000) }));
    await outbox.schedule(request(tb, 'test:order:3', { dueAt: new Date(now + 3000) }));
    await outbox.schedule(request(tb, 'test:dm', { channel: 'U0MEMBER1', dueAt: new Date(now + 1000) }));
    tb.clock.advance(5000);
    expect(await tb.tick()).toMatchObject({ sent: 4 });
    const order = tb.fake
      .callsTo('chat.postMessage')
      .filter((call) => call.args.channel === 'C0OUTBOX1')
      .map((call) => keyOf(call));
    expect(order).toEqual(['test:order:1', 'test:order:2', 'test:order:3']);
    expect(await outbox.find('test:dm')).toMatchObject({ status: 'sent', slackChannel: 'DU0MEMBER1' });
  });
});
