import { TestBot, allText } from '../support/testBot';
import {
  ASKS_CHANNEL,
  askRow,
  cardCalls,
  cardText,
  member,
  outboxKeys,
  postAsk,
  responseRows,
} from './support';

// Issue 13 §1: a member's export holds their asks, offers and responses; erasing them removes
// their items (and the cards in the channel) and their responses, updates the cards that counted or
// thanked them, and drops the queued DMs that name them.

const ERASED = 'U13ERAS1';
const HELPER = 'U13HELP5';

describe('asks and offers: export and erasure', () => {
  let tb: TestBot;
  beforeEach(async () => {
    tb = await TestBot.start({ env: { ASKS_CHANNEL_ID: ASKS_CHANNEL } });
    await member(tb, ERASED, 'design');
    await member(tb, HELPER, 'design');
  });
  afterEach(async () => {
    expect(tb.fake.violations).toEqual([]);
    await tb.stop();
  });

  it('the export holds the member’s items and responses', async () => {
    const theirs = await postAsk(tb, ERASED, { title: 'Zorbask intro', tags: 'design' });
    const other = await postAsk(tb, HELPER, { title: 'Helper ask' }, 'offer');
    await tb.press('ask.respond', ERASED, 'message', String(other));
    await tb.command('privacy export', ERASED);
    const file = tb.fake.uploads.at(-1);
    const data = JSON.parse(file?.content.toString('utf8') ?? '{}') as {
      other: {
        asks: { items: { id: number; title: string; tags: string[] }[]; responses: { askId: number }[] };
      };
    };
    expect(data.other.asks.items).toEqual([
      expect.objectContaining({ id: theirs, title: 'Zorbask intro', tags: ['design'], author: ERASED }),
    ]);
    expect(data.other.asks.responses).toEqual([expect.objectContaining({ askId: other, thanked: false })]);
  });

  it('erasure deletes their items, cards and responses, updates the cards that showed them, and drops DMs naming them', async () => {
    // Their own ask, answered by the helper, then resolved with thanks (the thanks DM still queued).
    const theirs = await postAsk(tb, ERASED, { title: 'Zorbask intro', tags: 'design' });
    await tb.press('ask.respond', HELPER, 'message', String(theirs));
    await tb.tick();
    await tb.submit(
      'ask.resolve.modal',
      { 'ask.resolve.thank': { value: { type: 'checkboxes', selected_options: [{ value: HELPER }] } } },
      ERASED,
      JSON.stringify({ askId: theirs }),
    );
    expect(await outboxKeys(tb, `ask:${theirs}:thanks:`)).toEqual([`ask:${theirs}:thanks:${HELPER}`]);
    // The helper's offer, which they answered, and the helper's ask, where the helper thanked them by name.
    const offer = await postAsk(tb, HELPER, { title: 'Helper offer' }, 'offer');
    await tb.press('ask.respond', ERASED, 'message', String(offer));
    const thanked = await postAsk(tb, HELPER, { title: 'Helper ask' });
    await tb.press('ask.respond', ERASED, 'message', String(thanked));
    await tb.submit(
      'ask.resolve.modal',
      { 'ask.resolve.thank': { value: { type: 'checkboxes', selected_options: [{ value: ERASED }] } } },
      HELPER,
      JSON.stringify({ askId: thanked }),
    );
    expect(await cardText(tb, offer)).toContain('1 response');
    expect(await cardText(tb, thanked)).toContain(`Thanks to <@${ERASED}>`);
    const card = {
      channel: (await askRow(tb, theirs))?.card_channel,
      ts: (await askRow(tb, theirs))?.card_ts,
    };

    await tb.press('privacy.delete', ERASED);
    await tb.fake.waitForCall('chat.delete', (call) => call.args.ts === card.ts);

    expect(await askRow(tb, theirs)).toBeUndefined();
    expect(await responseRows(tb, offer)).toEqual([]);
    expect(await responseRows(tb, thanked)).toEqual([]);
    expect(tb.fake.callsTo('chat.delete').map((c) => [c.args.channel, c.args.ts])).toEqual([
      [card.channel, card.ts],
    ]);
    expect(await cardText(tb, offer)).toContain('0 responses');
    expect(await cardText(tb, thanked)).not.toContain(ERASED);
    expect(await cardText(tb, thanked)).toContain('Resolved');
    // No row anywhere holds their id or what they typed, the queued thanks DM that named them included.
    expect(await tb.rowsMentioning(ERASED)).toEqual([]);
    expect(await tb.rowsMentioning('Zorbask')).toEqual([]);
    expect(await outboxKeys(tb, `ask:${theirs}:`)).toEqual([]);
    // The others' items live on.
    expect(await askRow(tb, offer)).toMatchObject({ status: 'open' });
    expect((await cardCalls(tb, offer, 'chat.update')).length).toBeGreaterThan(0);
    await tb.tick();
    expect(
      tb.fake
        .callsTo('chat.postMessage')
        .filter((c) => c.args.channel === HELPER && allText(c.args).includes('Zorbask')),
    ).toEqual([]);
  });
});

describe('asks and offers: erasure and the digests that listed an item', () => {
  const READER = 'U13READ1';
  const CHESS_READER = 'U13READ2';
  const KEEPER = 'U13KEEP1';
  let tb: TestBot;
  beforeEach(async () => {
    tb = await TestBot.start({ now: '2026-11-28T12:00:00Z', env: { ASKS_CHANNEL_ID: ASKS_CHANNEL } });
    await member(tb, ERASED, 'gardening', { name: 'Zed Erased' });
    await member(tb, KEEPER, 'gardening');
    await member(tb, READER, 'design');
    await member(tb, CHESS_READER, 'chess');
  });
  afterEach(async () => {
    expect(tb.fake.violations).toEqual([]);
    await tb.stop();
  });

  it('the digests keep the other items, and lose the section where theirs was the only one', async () => {
    await postAsk(tb, ERASED, { title: 'Zorbask intro', tags: 'design, chess' });
    await postAsk(tb, KEEPER, { title: 'Kept offer', tags: 'design' }, 'offer');
    tb.clock.set('2026-11-30T00:00:00.000Z'); // DIGEST_CRON: Monday 09:00 in Tokyo
    await tb.tick();
    await tb.tick();
    await tb.settle();
    const digestRow = (user: string) =>
      tb.row<{ payload: string; status: string }>(
        "SELECT payload, status FROM outbox WHERE channel = ? AND kind = 'digest'",
        user,
      );
    expect((await digestRow(READER))?.payload).toContain('Zorbask intro');
    expect((await digestRow(READER))?.payload).toContain(`<@${ERASED}>`);
    expect((await digestRow(CHESS_READER))?.payload).toContain('Zorbask intro');

    await tb.press('privacy.delete', ERASED);
    await tb.settle();

    expect(await tb.rowsMentioning(ERASED)).toEqual([]);
    expect(await tb.rowsMentioning('Zorbask')).toEqual([]);
    const reader = await digestRow(READER);
    expect(reader?.status).toBe('sent');
    expect(reader?.payload).toContain('Kept offer');
    expect(reader?.payload).toContain('Asks and offers for you');
    const chess = await digestRow(CHESS_READER);
    expect(chess?.status).toBe('sent');
    expect(chess?.payload).not.toContain('Asks and offers for you');
    expect(chess?.payload).toContain('digest.off');
  });
});
