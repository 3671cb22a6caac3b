import { ADMIN, TestBot, allText } from '../support/testBot';
import {
  ASKS_CHANNEL,
  DAY,
  askRow,
  buttons,
  cardText,
  dmsTo,
  lastAnswer,
  member,
  openedView,
  postAsk,
  responseRows,
} from './support';

// Issue 13 §1: the author sees who responded, marks the item resolved (thanking helpers, on the
// card and each by DM) or extends it; only the author or an admin may. Resolved asks and helpers
// count in `stats`, and `stats csv` has a row per item.

const AUTHOR = 'U13AUTH3';
const SEEN = 'U13SEEN1';
const HIDDEN = 'U13HIDN1';
const STRANGER = 'U13STRN1';

function parseCsv(text: string): string[][] {
  return text
    .replace(/^\uFEFF/, '')
    .trim()
    .split('\r\n')
    .map((line) => [...line.matchAll(/"((?:[^"]|"")*)"/g)].map((m) => (m[1] ?? '').replace(/""/g, '"')));
}

describe('asks and offers: the author’s side', () => {
  let tb: TestBot;
  let id: number;
  beforeEach(async () => {
    tb = await TestBot.start({ env: { ASKS_CHANNEL_ID: ASKS_CHANNEL } });
    await member(tb, AUTHOR, 'design');
    await member(tb, SEEN, 'design');
    await member(tb, HIDDEN, 'design', { visibility: 'nobody' });
    await member(tb, STRANGER, 'chess');
    id = await postAsk(tb, AUTHOR, { title: 'Intro to a design agency', tags: 'design' });
    await tb.press('ask.respond', SEEN, 'message', String(id));
    tb.clock.advance(60_000);
    await tb.press('ask.respond', HIDDEN, 'message', String(id));
  });
  afterEach(async () => {
    expect(tb.fake.violations).toEqual([]);
    await tb.stop();
  });

  it('asks mine lists the author’s items with who responded, and Extend / Mark resolved', async () => {
    const body = (await tb.command('asks mine', AUTHOR)).json as { blocks: unknown[] };
    const text = allText(body);
    expect(text).toContain(`*Intro to a design agency* (#${id})`);
    expect(text).toContain(`Responded: <@${SEEN}>, <@${HIDDEN}>`);
    expect(buttons(body.blocks).map((b) => [b.action_id, b.value])).toEqual([
      ['ask.extend', String(id)],
      ['ask.resolve', String(id)],
      ['ask.channel', String(id)],
    ]);
    expect(TestBot.replyText(await tb.command('asks mine', STRANGER))).toBe(
      'You have posted nothing yet. Try `/alumni ask` or `/alumni offer`.',
    );
  });

  it('Mark resolved opens a form of the responders; the ones ticked are thanked by DM and on the card', async () => {
    await tb.press('ask.resolve', AUTHOR, 'message', String(id));
    const view = openedView(tb);
    expect(view.callback_id).toBe('ask.resolve.modal');
    const options = (view.blocks[1] as { element: { options: { value: string }[] } }).element.options;
    expect(options.map((o) => o.value)).toEqual([SEEN, HIDDEN]);

    const done = await tb.submit(
      'ask.resolve.modal',
      {
        'ask.resolve.thank': {
          value: {
            type: 'checkboxes',
            selected_options: [{ value: SEEN }, { value: HIDDEN }, { value: STRANGER }],
          },
        },
      },
      AUTHOR,
      view.private_metadata,
    );
    expect(allText(done.json)).toContain(
      `“Intro to a design agency” is marked resolved. I thanked <@${SEEN}>, <@${HIDDEN}>.`,
    );
    expect(await askRow(tb, id)).toMatchObject({
      status: 'resolved',
      resolved_at: tb.clock.now().toISOString(),
    });
    expect(await responseRows(tb, id)).toEqual([
      { user_id: SEEN, thanked: 1 },
      { user_id: HIDDEN, thanked: 1 },
    ]);
    // The card names the helper whose profile all alumni may see, and counts the other.
    const card = await cardText(tb, id);
    expect(card).toContain('Resolved');
    expect(card).toContain(`Thanks to <@${SEEN}>, and 1 more for their help!`);
    expect(card).not.toContain(HIDDEN);
    expect(card).not.toContain('I can help');
    await tb.tick();
    for (const helper of [SEEN, HIDDEN])
      expect(allText(dmsTo(tb, helper).pop()?.args)).toContain(
        `<@${AUTHOR}> thanked you for your help with their ask *Intro to a design agency*.`,
      );
    expect(dmsTo(tb, STRANGER)).toHaveLength(0);

    // Again: nothing changes, nobody is thanked twice.
    await tb.press('ask.resolve', AUTHOR, 'message', String(id));
    expect(lastAnswer(tb)).toBe('“Intro to a design agency” was already resolved.');
    const again = await tb.submit('ask.resolve.modal', {}, AUTHOR, view.private_metadata);
    expect(allText(again.json)).toContain('“Intro to a design agency” was already resolved.');
    await tb.tick();
    expect(dmsTo(tb, SEEN).filter((c) => allText(c.args).includes('thanked you'))).toHaveLength(1);
    // A resolved ask takes no more responses.
    await tb.press('ask.respond', STRANGER, 'message', String(id));
    expect(lastAnswer(tb)).toBe('That one is resolved already. Thank you all the same!');
  });

  it('resolving without thanks, in Japanese', async () => {
    await member(tb, 'U13JA005', 'design', { locale: 'ja-JP' });
    const mine = await postAsk(tb, 'U13JA005', { title: 'デザイン会社の紹介' });
    await tb.press('ask.resolve', 'U13JA005', 'message', String(mine));
    expect(openedView(tb).title.text).toBe('解決済みにする');
    expect(allText(openedView(tb))).toContain('反応した人がいないため、感謝を伝える相手はいません。');
    const done = await tb.submit('ask.resolve.modal', {}, 'U13JA005', openedView(tb).private_metadata);
    expect(allText(done.json)).toContain('「デザイン会社の紹介」を解決済みにしました。');
    expect(await cardText(tb, mine)).toContain('Resolved');
    expect(await cardText(tb, mine)).not.toContain('Thanks');
  });

  it('only the author or an admin may resolve or extend; others are told, and nothing changes', async () => {
    const before = await tb.snapshot();
    await tb.press('ask.resolve', SEEN, 'message', String(id));
    expect(lastAnswer(tb)).toBe(`Only its author or an admin can change #${id}.`);
    await tb.press('ask.extend', SEEN, 'message', String(id));
    expect(lastAnswer(tb)).toBe(`Only its author or an admin can change #${id}.`);
    const forged = await tb.submit('ask.resolve.modal', {}, SEEN, JSON.stringify({ askId: id }));
    expect(allText(forged.json)).toContain(`Only its author or an admin can change #${id}.`);
    const tampered = await tb.submit('ask.resolve.modal', {}, AUTHOR, '{"askId":"x"}');
    expect(allText(tampered.json)).toContain('There is no ask or offer #? that you can see.');
    expect(await tb.snapshot()).toBe(before);

    await tb.agree(ADMIN);
    const done = await tb.submit('ask.resolve.modal', {}, ADMIN, JSON.stringify({ askId: id }));
    expect(allText(done.json)).toContain('is marked resolved');
    expect(await askRow(tb, id)).toMatchObject({ status: 'resolved' });
  });

  it('Extend adds 30 days to the expiry, and the card shows the new date', async () => {
    const expires = new Date(String((await askRow(tb, id))?.expires_at));
    await tb.press('ask.extend', AUTHOR, 'message', String(id));
    const extended = new Date(expires.getTime() + 30 * DAY);
    expect((await askRow(tb, id))?.expires_at).toBe(extended.toISOString());
    expect(lastAnswer(tb)).toContain('“Intro to a design agency” is open until <!date^');
    expect(await cardText(tb, id)).toContain(`<!date^${Math.floor(extended.getTime() / 1000)}^`);
    // Never more than 90 days ahead.
    for (let i = 0; i < 3; i += 1) await tb.press('ask.extend', AUTHOR, 'message', String(id));
    expect((await askRow(tb, id))?.expires_at).toBe(
      new Date(tb.clock.now().getTime() + 90 * DAY).toISOString(),
    );
  });

  it('stats counts resolved asks and helpers; stats csv has a row per item; members without the role get neither', async () => {
    await postAsk(tb, SEEN, { title: 'Quiet one', tags: 'design', audience: 'matches' }, 'offer');
    await tb.press('ask.resolve', AUTHOR, 'message', String(id));
    await tb.submit(
      'ask.resolve.modal',
      { 'ask.resolve.thank': { value: { type: 'checkboxes', selected_options: [{ value: SEEN }] } } },
      AUTHOR,
      JSON.stringify({ askId: id }),
    );
    await tb.agree(ADMIN);
    await tb.command(`role add <@${STRANGER}|s> organizer`, ADMIN);
    const report = allText((await tb.command('stats', STRANGER)).json);
    expect(report).toContain(
      '*Asks and offers*\nAsks: 0 open · 1 resolved · 0 lapsed\nOffers: 1 open · 0 resolved · 0 lapsed\nResponses: 2 · helpers thanked: 1',
    );

    await tb.command('stats csv', STRANGER);
    await tb.fake.waitForResponse((r) =>
      allText(r.body).includes('A second file has one row per ask and offer.'),
    );
    const names = tb.fake.callsTo('files.getUploadURLExternal').map((c) => String(c.args.filename));
    expect(names).toEqual(['event-engagement-2026-11-24.csv', 'asks-and-offers-2026-11-24.csv']);
    const rows = parseCsv(tb.fake.uploads[1]?.content.toString('utf8') ?? '');
    expect(rows[0]).toEqual([
      'ask_id',
      'type',
      'kind',
      'audience',
      'status',
      'created_at',
      'expires_at',
      'resolved_at',
      'responses',
      'helpers_thanked',
      'title',
      'tags',
    ]);
    expect(rows.slice(1).map((row) => [row[1], row[3], row[4], row[8], row[9], row[10], row[11]])).toEqual([
      ['ask', 'all', 'resolved', '2', '1', 'Intro to a design agency', 'design'],
      ['offer', 'matches', 'open', '0', '0', '', ''],
    ]);
    expect(rows.flat().join()).not.toContain('U13');

    const before = await tb.snapshot();
    expect(TestBot.replyText(await tb.command('stats', SEEN))).toContain('organizer or HR role');
    expect(await tb.snapshot()).toBe(before);
  });
});
