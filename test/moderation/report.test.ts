import { ADMIN, TestBot, allText } from '../support/testBot';
import {
  ENV,
  GENERAL,
  MOD_CHANNEL,
  actionRows,
  cardButtons,
  cardCalls,
  cardText,
  dmsTo,
  messageBy,
  messageShortcut,
  openedView,
  reportByShortcut,
  reportRows,
  reportValues,
  resolveValues,
} from './support';

// Issue 14 §2: a member reports a message with the shortcut; the moderators' card links to it;
// an admin acknowledges, reminds the author (a DM quoting the code of conduct in the author's
// language) and resolves with a note; the reporter is told; every step is in the audit trail.

const REPORTER = 'U14REPT1';
const AUTHOR = 'U14AUTH1';

async function pressOnCard(tb: TestBot, actionId: string, user: string, reportId: number): Promise<string> {
  await tb.press(actionId, user, 'message', String(reportId));
  return allText(tb.fake.responses.at(-1)?.body);
}

describe.each([
  {
    locale: 'en-US',
    lang: 'en',
    sent: 'Your report was sent',
    reminded: 'code of conduct',
    resolved: 'have resolved your report',
    conduct: 'Be kind and assume good intent',
  },
  {
    locale: 'ja-JP',
    lang: 'ja',
    sent: '報告をモデレーターに送りました',
    reminded: '行動規範',
    resolved: '対応が完了しました',
    conduct: '思いやりを持ち',
  },
])(
  'a report from the shortcut to its resolution ($lang)',
  ({ locale, sent, reminded, resolved, conduct }) => {
    let tb: TestBot;
    beforeEach(async () => {
      tb = await TestBot.start({ env: ENV });
      tb.fake.setUser(REPORTER, { locale });
      tb.fake.setUser(AUTHOR, { locale });
    });
    afterEach(async () => {
      expect(tb.fake.violations).toEqual([]);
      await tb.stop();
    });

    it('posts a card with the permalink, reason and note; acknowledge, remind and resolve update it and send each DM once', async () => {
      const message = messageBy(tb, AUTHOR);
      await messageShortcut(tb, 'report.message', REPORTER, { ...message, author: AUTHOR });
      const form = openedView(tb);
      expect(form.callback_id).toBe('report.modal');
      // The reasons are the code of conduct's points, in the reporter's language, then "other".
      expect(allText(form)).toContain(conduct);
      const closing = await tb.submit(
        'report.modal',
        reportValues({ reason: 'conduct:0', note: 'Zorbnote: he was rude' }),
        REPORTER,
        form.private_metadata,
      );
      expect(allText(closing.json)).toContain(sent);

      const [report] = await reportRows(tb);
      expect(report).toMatchObject({
        reporter_id: REPORTER,
        author_id: AUTHOR,
        channel_id: GENERAL,
        status: 'open',
      });
      const id = Number(report?.id);
      expect(tb.fake.callsTo('chat.getPermalink').at(-1)?.args).toMatchObject({
        channel: GENERAL,
        message_ts: message.ts,
      });
      const posted = cardCalls(tb);
      expect(posted).toHaveLength(1);
      expect(posted[0]?.args.channel).toBe(MOD_CHANNEL);
      const card = cardText(tb);
      expect(card).toContain(`archives/${GENERAL}/p${message.ts.replace('.', '')}`);
      expect(card).toContain('Be kind and assume good intent');
      expect(card).toContain('Zorbnote: he was rude');
      expect(card).toContain(`<@${AUTHOR}>`);
      expect(cardButtons(tb)).toEqual(['report.acknowledge', 'report.remind', 'report.resolve']);

      expect(await pressOnCard(tb, 'report.acknowledge', ADMIN, id)).toContain(`#${id}`);
      expect(cardCalls(tb).at(-1)?.method).toBe('chat.update');
      expect(cardText(tb)).toContain('acknowledged');
      expect(cardButtons(tb)).toEqual(['report.remind', 'report.resolve']);

      expect(await pressOnCard(tb, 'report.remind', ADMIN, id)).toContain(`<@${AUTHOR}>`);
      await pressOnCard(tb, 'report.remind', ADMIN, id);
      await tb.tick();
      const reminders = dmsTo(tb, AUTHOR);
      expect(reminders).toHaveLength(1);
      expect(allText(reminders[0]?.args)).toContain(reminded);
      expect(allText(reminders[0]?.args)).toContain(conduct);
      // The author is never told who reported.
      expect(allText(reminders[0]?.args)).not.toContain(REPORTER);
      expect(cardButtons(tb)).toEqual(['report.resolve']);

      await tb.press('report.resolve', ADMIN, 'message', String(id));
      const resolveForm = openedView(tb);
      expect(resolveForm.callback_id).toBe('report.resolve.modal');
      const done = await tb.submit(
        'report.resolve.modal',
        resolveValues('Talked to them'),
        ADMIN,
        resolveForm.private_metadata,
      );
      expect(allText(done.json)).toContain(`#${id}`);
      expect(cardText(tb)).toContain('Talked to them');
      expect(cardButtons(tb)).toEqual([]);
      await tb.tick();
      await tb.tick();
      const told = dmsTo(tb, REPORTER);
      expect(told).toHaveLength(1);
      expect(allText(told[0]?.args)).toContain(resolved);

      expect(await actionRows(tb)).toEqual([
        { actor_id: null, action: 'reported', note: null },
        { actor_id: ADMIN, action: 'acknowledged', note: null },
        { actor_id: ADMIN, action: 'reminded', note: null },
        { actor_id: ADMIN, action: 'resolved', note: 'Talked to them' },
      ]);
      expect((await reportRows(tb))[0]).toMatchObject({ status: 'resolved', resolution: 'Talked to them' });
    });
  },
);

describe('reports: who may do what', () => {
  let tb: TestBot;
  beforeEach(async () => {
    tb = await TestBot.start({ env: ENV });
  });
  afterEach(async () => {
    expect(tb.fake.violations).toEqual([]);
    await tb.stop();
  });

  it('shows the reporter to admins only when they allowed it', async () => {
    await reportByShortcut(tb, REPORTER, messageBy(tb, AUTHOR), AUTHOR, { share: false });
    expect(cardText(tb)).not.toContain(REPORTER);
    expect(cardText(tb)).toContain('chose not to share their name');
    await reportByShortcut(tb, 'U14REPT2', messageBy(tb, AUTHOR), AUTHOR, { share: true });
    expect(cardText(tb)).toContain('<@U14REPT2>');
  });

  it('refuses a non-admin pressing the moderator buttons or submitting a forged resolve form; nothing changes', async () => {
    await reportByShortcut(tb, REPORTER, messageBy(tb, AUTHOR), AUTHOR);
    const id = Number((await reportRows(tb))[0]?.id);
    const before = await tb.snapshot();
    const cards = cardCalls(tb).length;
    for (const action of ['report.acknowledge', 'report.remind', 'report.resolve'])
      expect(await pressOnCard(tb, action, 'U14OTHER', id)).toContain('Only members with the admin role');
    const forged = await tb.submit(
      'report.resolve.modal',
      resolveValues('forged'),
      'U14OTHER',
      JSON.stringify({ reportId: id }),
    );
    expect(allText(forged.json)).toContain('Only members with the admin role');
    await tb.tick();
    expect(await tb.snapshot()).toBe(before);
    expect(cardCalls(tb)).toHaveLength(cards);
    expect(dmsTo(tb, AUTHOR)).toEqual([]);
  });

  it('refuses a forged reason and an empty resolve note on their fields; nothing changes', async () => {
    const message = messageBy(tb, AUTHOR);
    await messageShortcut(tb, 'report.message', REPORTER, { ...message, author: AUTHOR });
    const { private_metadata: metadata } = openedView(tb);
    const before = await tb.snapshot();
    const forged = await tb.submit(
      'report.modal',
      reportValues({ reason: 'conduct:99' }),
      REPORTER,
      metadata,
    );
    expect(forged.json).toMatchObject({
      response_action: 'errors',
      errors: { 'report.reason': 'Pick a reason.' },
    });
    expect(await tb.snapshot()).toBe(before);

    await reportByShortcut(tb, REPORTER, message, AUTHOR);
    const id = Number((await reportRows(tb))[0]?.id);
    const reported = await tb.snapshot();
    const empty = await tb.submit(
      'report.resolve.modal',
      resolveValues(null),
      ADMIN,
      JSON.stringify({ reportId: id }),
    );
    expect(empty.json).toMatchObject({ response_action: 'errors' });
    expect(JSON.stringify(empty.json)).toContain('Write what was done');
    expect(await tb.snapshot()).toBe(reported);
  });

  it('a resolved report is closed: no reminder is sent for it afterwards', async () => {
    await reportByShortcut(tb, REPORTER, messageBy(tb, AUTHOR), AUTHOR);
    const id = Number((await reportRows(tb))[0]?.id);
    await tb.submit(
      'report.resolve.modal',
      resolveValues('Nothing to do'),
      ADMIN,
      JSON.stringify({ reportId: id }),
    );
    expect(cardButtons(tb)).toEqual([]);
    expect(await pressOnCard(tb, 'report.remind', ADMIN, id)).toContain('already resolved');
    await tb.tick();
    expect(dmsTo(tb, AUTHOR)).toEqual([]);
  });

  it('a second report of the same message by the same member is "already reported", with no second card', async () => {
    const message = messageBy(tb, AUTHOR);
    await reportByShortcut(tb, REPORTER, message, AUTHOR);
    // The shortcut says so at once…
    await messageShortcut(tb, 'report.message', REPORTER, { ...message, author: AUTHOR });
    expect(allText(tb.fake.callsTo('views.open').at(-1)?.args.view)).toContain('already reported');
    // …and a form opened earlier and sent again says so too.
    const again = await tb.submit(
      'report.modal',
      reportValues({}),
      REPORTER,
      JSON.stringify({ source: 'shortcut', channel: message.channel, ts: message.ts, author: AUTHOR }),
    );
    expect(allText(again.json)).toContain('already reported');
    expect(await reportRows(tb)).toHaveLength(1);
    expect(cardCalls(tb)).toHaveLength(1);
    // Another member may report the same message.
    await reportByShortcut(tb, 'U14REPT2', message, AUTHOR);
    expect(await reportRows(tb)).toHaveLength(2);
  });

  it('a replayed submission (the same view) creates nothing twice', async () => {
    const message = messageBy(tb, AUTHOR);
    await messageShortcut(tb, 'report.message', REPORTER, { ...message, author: AUTHOR });
    const { private_metadata: metadata } = openedView(tb);
    const values = reportValues({ note: 'once' });
    const first = await tb.submit('report.modal', values, REPORTER, metadata, 'VREPORT0001');
    const second = await tb.submit('report.modal', values, REPORTER, metadata, 'VREPORT0001');
    expect(allText(second.json)).toBe(allText(first.json));
    expect(await reportRows(tb)).toHaveLength(1);
    expect(await actionRows(tb)).toHaveLength(1);
    expect(cardCalls(tb)).toHaveLength(1);
  });

  it('lets a member who has not agreed to the charter report (safety first)', async () => {
    await reportByShortcut(tb, 'U14NEWBY', messageBy(tb, AUTHOR), AUTHOR);
    expect(await reportRows(tb)).toHaveLength(1);
  });
});

describe('reports without MODERATION_CHANNEL_ID', () => {
  let tb: TestBot;
  beforeEach(async () => {
    tb = await TestBot.start();
  });
  afterEach(async () => {
    expect(tb.fake.violations).toEqual([]);
    await tb.stop();
  });

  it.each([
    ['en-US', 'not set up'],
    ['ja-JP', 'まだ設定されていない'],
  ])('says plainly that reports are not set up (%s), and saves nothing', async (locale, words) => {
    tb.fake.setUser(REPORTER, { locale });
    const before = await tb.snapshot();
    await messageShortcut(tb, 'report.message', REPORTER, { ...messageBy(tb, AUTHOR), author: AUTHOR });
    expect(allText(tb.fake.callsTo('views.open').at(-1)?.args.view)).toContain(words);
    expect(allText((await tb.command('report', REPORTER, { channel_id: 'D0DM0001' })).json)).toContain(words);
    expect(await tb.snapshot()).toBe(before);
  });
});
