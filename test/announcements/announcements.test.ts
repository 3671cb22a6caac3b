import { TestBot, ADMIN, allText } from '../support/testBot';
import { keyOf } from '../scheduler/helpers';
import { announceValues } from '../support/forms';

const ORGANIZER = 'U8ORG01';
const OTHER_ORGANIZER = 'U8ORG02';

const postsOf = (tb: TestBot, id: number) =>
  tb.fake.callsTo('chat.postMessage').filter((c) => (keyOf(c) ?? '').startsWith(`announce:${id}:`));

describe('scheduled announcements', () => {
  let tb: TestBot;
  beforeEach(async () => {
    // Tuesday 24 November 2026, 10:00 in Tokyo.
    tb = await TestBot.start({ now: '2026-11-24T01:00:00Z' });
    await tb.agree(ADMIN);
    for (const organizer of [ORGANIZER, OTHER_ORGANIZER]) {
      await tb.command(`role add <@${organizer}|o> organizer`, ADMIN);
      await tb.agree(organizer);
    }
  });
  afterEach(async () => {
    expect(tb.fake.violations).toEqual([]);
    await tb.stop();
  });

  const schedule = async (fields: Parameters<typeof announceValues>[0], user = ORGANIZER) => {
    const response = await tb.submit('announcement.modal', announceValues(fields), user, '');
    return response.json as {
      response_action: string;
      view?: { blocks: unknown[] };
      errors?: Record<string, string>;
    };
  };
  const lastId = async () =>
    (await tb.row<{ id: number }>('SELECT max(id) AS id FROM announcements'))?.id ?? 0;

  it('`announce` opens the modal for organizers', async () => {
    await tb.command('announce', ORGANIZER);
    const call = await tb.fake.waitForCall('views.open');
    expect((call.args.view as { callback_id: string }).callback_id).toBe('announcement.modal');
  });

  it('a one-off announcement is posted once when due, with its key in the metadata', async () => {
    const postAt = new Date('2026-11-24T03:00:00Z');
    const ack = await schedule({ postAt, text: 'Hello *alumni*' });
    expect(ack.response_action).toBe('update');
    expect(allText(ack.view)).toContain('<#C0NEWS1>');
    const id = await lastId();
    await tb.tick();
    expect(postsOf(tb, id)).toHaveLength(0);
    tb.clock.set(postAt);
    await tb.tick();
    await tb.tick();
    const posts = postsOf(tb, id);
    expect(posts.map(keyOf)).toEqual([`announce:${id}:${postAt.toISOString()}`]);
    expect(posts[0]?.args.channel).toBe('C0NEWS1');
    expect(String(posts[0]?.args.text)).toBe('Hello *alumni*');
    expect(await tb.row('SELECT status FROM announcements WHERE id = ?', id)).toEqual({
      status: 'finished',
    });
  });

  it('weekdays: the confirmation shows the next three runs, and each occurrence is sent exactly once', async () => {
    // Friday 27 November 09:00 Tokyo.
    const postAt = new Date('2026-11-27T00:00:00Z');
    const ack = await schedule({ postAt, repeat: 'weekdays' });
    const confirmation = JSON.stringify(ack.view);
    for (const run of ['2026-11-27T00:00:00Z', '2026-11-30T00:00:00Z', '2026-12-01T00:00:00Z']) {
      expect(confirmation).toContain(`<!date^${new Date(run).getTime() / 1000}^`);
    }
    const id = await lastId();
    for (const day of ['2026-11-27', '2026-11-28', '2026-11-29', '2026-11-30']) {
      tb.clock.set(`${day}T00:00:30Z`);
      await tb.tick();
      await tb.tick();
    }
    expect(postsOf(tb, id).map((c) => keyOf(c))).toEqual([
      `announce:${id}:2026-11-27T00:00:00.000Z`,
      `announce:${id}:2026-11-30T00:00:00.000Z`,
    ]);
  });

  it('a custom cron follows the expression in DEFAULT_TIMEZONE', async () => {
    const ack = await schedule({
      postAt: new Date('2026-11-24T02:00:00Z'),
      repeat: 'cron',
      cron: '30 18 * * 3',
    });
    // Wednesdays 18:30 in Tokyo = 09:30 UTC.
    expect(JSON.stringify(ack.view)).toContain(
      `<!date^${new Date('2026-11-25T09:30:00Z').getTime() / 1000}^`,
    );
  });

  it('after downtime: a recent occurrence goes out once, older ones are skipped', async () => {
    const postAt = new Date('2026-11-24T02:00:00Z');
    await schedule({ postAt, repeat: 'daily' });
    const id = await lastId();
    // Down for three days; back 30 minutes after the 27th's post time.
    tb.clock.set('2026-11-27T02:30:00Z');
    await tb.tick();
    await tb.tick();
    expect(postsOf(tb, id).map((c) => keyOf(c))).toEqual([`announce:${id}:2026-11-27T02:00:00.000Z`]);
    const skipped = await tb.row(
      "SELECT count(*) AS n FROM outbox WHERE key LIKE ? AND status = 'skipped'",
      `announce:${id}:%`,
    );
    expect(skipped).toEqual({ n: 3 });
  });

  it('list shows what is scheduled; cancel is for the author or an admin only, and stops further posts', async () => {
    await schedule({ postAt: new Date('2026-11-24T03:00:00Z'), repeat: 'weekly' });
    const id = await lastId();
    const list = await tb.command('announce list', OTHER_ORGANIZER);
    expect(allText(list.json)).toContain(`#${id}`);
    expect(allText(list.json)).toContain('Every week');
    expect(allText(list.json)).toContain(`<@${ORGANIZER}>`);
    const before = await tb.snapshot();
    const refused = await tb.commandConfirmed(`announce cancel ${id}`, OTHER_ORGANIZER);
    expect(TestBot.replyText(refused)).toBe(
      `Only its author or an admin can change or cancel announcement #${id}. Nothing was changed.`,
    );
    expect(await tb.snapshot()).toBe(before);
    tb.fake.setUser('U8ORGJA', { locale: 'ja-JP' });
    await tb.command('role add <@U8ORGJA|j> organizer', ADMIN);
    await tb.agree('U8ORGJA');
    const beforeJa = await tb.snapshot();
    const refusedJa = await tb.commandConfirmed(`announce cancel ${id}`, 'U8ORGJA');
    expect(TestBot.replyText(refusedJa)).toBe(
      `お知らせ #${id} を変更・取り消しできるのは、作成者か管理者だけです。何も変更していません。`,
    );
    expect(await tb.snapshot()).toBe(beforeJa);
    const cancelled = await tb.commandConfirmed(`announce cancel ${id}`, ORGANIZER);
    expect(TestBot.replyText(cancelled)).toContain(`#${id} is cancelled`);
    tb.clock.set('2026-11-24T03:00:00Z');
    await tb.tick();
    expect(postsOf(tb, id)).toHaveLength(0);
    await schedule({ postAt: new Date('2026-11-24T04:00:00Z') });
    const byAdmin = await tb.commandConfirmed(`announce cancel ${await lastId()}`, ADMIN);
    expect(TestBot.replyText(byAdmin)).toContain('is cancelled');
  });

  it('a post that fails for good is reported to its author once', async () => {
    tb.fake.override('chat.postMessage', (args) =>
      args.channel === 'C0GONE1' ? { body: { ok: false, error: 'channel_not_found' } } : undefined,
    );
    await schedule({ postAt: new Date('2026-11-24T01:30:00Z'), channel: 'C0GONE1' });
    tb.clock.set('2026-11-24T01:30:00Z');
    await tb.tick();
    await tb.tick();
    await tb.tick();
    const notices = tb.fake.callsTo('chat.postMessage').filter((c) => c.args.channel === ORGANIZER);
    expect(notices).toHaveLength(1);
  });

  describe('bad input', () => {
    it.each([
      ['an empty message', { text: '   ' }, 'announce.text', 'Write the message'],
      ['a time in the past', { postAt: new Date('2026-11-23T00:00:00Z') }, 'announce.post_at', 'in the past'],
      ['a custom repeat without cron', { repeat: 'cron' }, 'announce.cron', 'Enter a cron expression'],
      ['a broken cron', { repeat: 'cron', cron: 'every monday' }, 'announce.cron', 'not a cron expression'],
      [
        'a cron for a day that never comes (31 February)',
        { repeat: 'cron', cron: '0 9 31 2 *' },
        'announce.cron',
        'cannot run',
      ],
      ['a forged repeat', { repeat: 'hourly' }, 'announce.repeat', 'Choose one'],
    ])('%s → error on the field, nothing saved', async (_name, fields, block, message) => {
      const before = await tb.snapshot();
      const ack = await schedule({ postAt: new Date('2026-11-24T05:00:00Z'), ...fields });
      expect(ack.response_action).toBe('errors');
      expect(ack.errors?.[block]).toContain(message);
      expect(await tb.snapshot()).toBe(before);
    });

    it.each([
      ['announce cancel', 'Give the announcement number'],
      ['announce cancel 77', 'There is no announcement #77'],
      ['announce shout', '/alumni announce list'],
    ])('%s → a clear message', async (text, expected) => {
      const before = await tb.snapshot();
      const response = await tb.command(text, ORGANIZER);
      expect(allText(response.json)).toContain(expected);
      expect(await tb.snapshot()).toBe(before);
    });

    it('the modal reports errors in Japanese for a ja-JP organizer', async () => {
      tb.fake.setUser('U8ORGJA', { locale: 'ja-JP' });
      await tb.command('role add <@U8ORGJA|o> organizer', ADMIN);
      await tb.agree('U8ORGJA');
      const ack = await schedule({ text: '', postAt: new Date('2026-11-24T05:00:00Z') }, 'U8ORGJA');
      expect(ack.errors?.['announce.text']).toContain('メッセージを入力');
    });
  });
});
