import { TestBot, allText } from '../support/testBot';
import {
  ASKS_CHANNEL,
  DAY,
  askRow,
  buttons,
  cardText,
  dmsTo,
  lastAnswer,
  member,
  outboxKeys,
  postAsk,
} from './support';

// Issue 13 §1: items lapse at their expiry, after one reminder to the author (a planner writing
// outbox rows with keys); an extension starts a new term with a reminder of its own.

const AUTHOR = 'U13AUTH4';
const HELPER = 'U13HELP4';

const remindersTo = (tb: TestBot, user: string) =>
  dmsTo(tb, user).filter((call) => allText(call.args).includes('lapses'));
const lapsedTo = (tb: TestBot, user: string) =>
  dmsTo(tb, user).filter((call) => allText(call.args).includes('has lapsed'));

describe('asks and offers: one reminder, then the item lapses', () => {
  let tb: TestBot;
  let id: number;
  let expires: number;
  beforeEach(async () => {
    tb = await TestBot.start({ env: { ASKS_CHANNEL_ID: ASKS_CHANNEL } });
    await member(tb, AUTHOR, 'design');
    await member(tb, HELPER, 'design');
    id = await postAsk(tb, AUTHOR, { title: 'Intro to Acme', days: '10' });
    expires = new Date(String((await askRow(tb, id))?.expires_at)).getTime();
  });
  afterEach(async () => {
    expect(tb.fake.violations).toEqual([]);
    await tb.stop();
  });

  it('three days before the expiry the author is reminded once, with Extend and Mark resolved; at the expiry it lapses', async () => {
    tb.clock.set(expires - 3 * DAY - 60_000);
    await tb.tick();
    expect(remindersTo(tb, AUTHOR)).toHaveLength(0);

    tb.clock.set(expires - 3 * DAY);
    await tb.tick();
    await tb.tick();
    tb.clock.advance(DAY);
    await tb.tick();
    const reminders = remindersTo(tb, AUTHOR);
    expect(reminders).toHaveLength(1);
    expect(allText(reminders[0]?.args)).toContain(`Your ask *Intro to Acme* (#${id}) lapses on <!date^`);
    expect(buttons(reminders[0]?.args.blocks).map((b) => [b.action_id, b.value])).toEqual([
      ['ask.extend', String(id)],
      ['ask.resolve', String(id)],
    ]);
    expect(await outboxKeys(tb, `ask:${id}:reminder:`)).toEqual([`ask:${id}:reminder:${expires}`]);
    expect(await askRow(tb, id)).toMatchObject({ status: 'open' });

    tb.clock.set(expires);
    await tb.tick();
    await tb.tick();
    expect(await askRow(tb, id)).toMatchObject({ status: 'lapsed' });
    expect(lapsedTo(tb, AUTHOR)).toHaveLength(1);
    expect(allText(lapsedTo(tb, AUTHOR)[0]?.args)).toContain(
      `Your ask *Intro to Acme* (#${id}) has lapsed. Post it again with \`/alumni ask\` if it still stands.`,
    );
    const card = await cardText(tb, id);
    expect(card).toContain('Lapsed');
    expect(card).not.toContain('I can help');
    tb.clock.advance(DAY);
    await tb.tick();
    expect(remindersTo(tb, AUTHOR)).toHaveLength(1);
    expect(lapsedTo(tb, AUTHOR)).toHaveLength(1);

    // A lapsed item takes no responses, is not listed, and cannot be extended; it may still be resolved.
    expect(TestBot.replyText(await tb.command('asks', HELPER))).toContain('Nothing is open right now');
    const before = await tb.snapshot();
    await tb.press('ask.respond', HELPER, 'message', String(id));
    expect(lastAnswer(tb)).toBe('That one has lapsed.');
    await tb.press('ask.extend', AUTHOR, 'message', String(id));
    expect(lastAnswer(tb)).toBe('That one has lapsed.');
    expect(await tb.snapshot()).toBe(before);
    const done = await tb.submit('ask.resolve.modal', {}, AUTHOR, JSON.stringify({ askId: id }));
    expect(allText(done.json)).toContain('is marked resolved');
  });

  it('the reminder and the lapse notice come in the author’s language', async () => {
    await member(tb, 'U13JA006', 'design', { locale: 'ja-JP' });
    const mine = await postAsk(tb, 'U13JA006', { title: '投資家の紹介', days: '7' }, 'offer');
    const end = new Date(String((await askRow(tb, mine))?.expires_at)).getTime();
    tb.clock.set(end - 2 * DAY);
    await tb.tick();
    await tb.tick();
    expect(allText(dmsTo(tb, 'U13JA006').pop()?.args)).toContain(
      `あなたのオファー *投資家の紹介*（#${mine}）は <!date^`,
    );
    tb.clock.set(end);
    await tb.tick();
    await tb.tick();
    expect(allText(dmsTo(tb, 'U13JA006').pop()?.args)).toContain(
      '`/alumni offer` でもう一度投稿してください',
    );
  });

  it('Extend after the reminder moves the expiry: no lapse at the old one, and one new reminder before the new one', async () => {
    tb.clock.set(expires - 2 * DAY);
    await tb.tick();
    await tb.tick();
    await tb.press('ask.extend', AUTHOR, 'message', String(id));
    const extended = expires + 30 * DAY;
    expect((await askRow(tb, id))?.expires_at).toBe(new Date(extended).toISOString());

    tb.clock.set(expires + DAY);
    await tb.tick();
    expect(await askRow(tb, id)).toMatchObject({ status: 'open' });
    expect(lapsedTo(tb, AUTHOR)).toHaveLength(0);

    tb.clock.set(extended - 3 * DAY);
    await tb.tick();
    await tb.tick();
    expect(remindersTo(tb, AUTHOR)).toHaveLength(2);
    expect(await outboxKeys(tb, `ask:${id}:reminder:`)).toEqual([
      `ask:${id}:reminder:${expires}`,
      `ask:${id}:reminder:${extended}`,
    ]);
    tb.clock.set(extended);
    await tb.tick();
    expect(await askRow(tb, id)).toMatchObject({ status: 'lapsed' });
  });

  it('after downtime past the expiry, the item lapses once and no late reminder is sent', async () => {
    tb.clock.set(expires + 2 * DAY);
    await tb.tick();
    await tb.tick();
    expect(await askRow(tb, id)).toMatchObject({ status: 'lapsed' });
    expect(remindersTo(tb, AUTHOR)).toHaveLength(0);
    expect(lapsedTo(tb, AUTHOR)).toHaveLength(1);
  });

  it('a resolved item is neither reminded nor lapsed', async () => {
    await tb.submit('ask.resolve.modal', {}, AUTHOR, JSON.stringify({ askId: id }));
    tb.clock.set(expires - DAY);
    await tb.tick();
    tb.clock.set(expires + DAY);
    await tb.tick();
    expect(await askRow(tb, id)).toMatchObject({ status: 'resolved' });
    expect(remindersTo(tb, AUTHOR)).toHaveLength(0);
    expect(lapsedTo(tb, AUTHOR)).toHaveLength(0);
  });
});
