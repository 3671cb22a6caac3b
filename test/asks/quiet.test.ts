import { TestBot, allText } from '../support/testBot';
import { ASKS_CHANNEL, DAY, askRow, dmsTo, member, openedView, postAsk } from './support';

// Issue 13, rules for all four: nobody gets more than one unsolicited DM a day from these features.
// The reminders, lapses and thanks asks send on their own are spaced a day apart per member: a
// second one waits for the next day rather than being dropped.

const AUTHOR = 'U13QAUT1';
const AUTHOR2 = 'U13QAUT2';
const HELPER = 'U13QHLP1';

const remindersTo = (tb: TestBot, user: string) =>
  dmsTo(tb, user).filter((call) => allText(call.args).includes('lapses'));
const lapsedTo = (tb: TestBot, user: string) =>
  dmsTo(tb, user).filter((call) => allText(call.args).includes('has lapsed'));
const thanksTo = (tb: TestBot, user: string) =>
  dmsTo(tb, user).filter((call) => allText(call.args).includes('thanked you'));

async function resolveThanking(tb: TestBot, author: string, id: number, helper: string): Promise<void> {
  await tb.press('ask.resolve', author, 'message', String(id));
  const view = openedView(tb);
  const done = await tb.submit(
    'ask.resolve.modal',
    { 'ask.resolve.thank': { value: { type: 'checkboxes', selected_options: [{ value: helper }] } } },
    author,
    view.private_metadata,
  );
  if (done.status !== 200) throw new Error(`not resolved: ${done.text}`);
}

describe('asks and offers: one unsolicited DM a day at most', () => {
  let tb: TestBot;
  beforeEach(async () => {
    tb = await TestBot.start({ env: { ASKS_CHANNEL_ID: ASKS_CHANNEL } });
    await member(tb, AUTHOR, 'design');
    await member(tb, AUTHOR2, 'design', { locale: 'ja-JP' });
    await member(tb, HELPER, 'design');
  });
  afterEach(async () => {
    expect(tb.fake.violations).toEqual([]);
    await tb.stop();
  });

  it('two items expiring together: one reminder today, the other tomorrow; the lapses a day apart too', async () => {
    const first = await postAsk(tb, AUTHOR, { title: 'First ask', days: '10' });
    const second = await postAsk(tb, AUTHOR, { title: 'Second ask', days: '10' });
    const expires = new Date(String((await askRow(tb, first))?.expires_at)).getTime();

    tb.clock.set(expires - 3 * DAY);
    await tb.tick();
    await tb.tick();
    tb.clock.advance(DAY - 60_000);
    await tb.tick();
    expect(remindersTo(tb, AUTHOR)).toHaveLength(1);
    tb.clock.advance(60_000);
    await tb.tick();
    expect(remindersTo(tb, AUTHOR)).toHaveLength(2);
    expect(remindersTo(tb, AUTHOR).map((call) => allText(call.args).includes('Second ask'))).toEqual([
      false,
      true,
    ]);

    tb.clock.set(expires);
    await tb.tick();
    await tb.tick();
    expect(await askRow(tb, first)).toMatchObject({ status: 'lapsed' });
    expect(await askRow(tb, second)).toMatchObject({ status: 'lapsed' });
    expect(lapsedTo(tb, AUTHOR)).toHaveLength(1);
    tb.clock.advance(DAY);
    await tb.tick();
    expect(lapsedTo(tb, AUTHOR)).toHaveLength(2);
  });

  it('a helper thanked by two authors the same day hears of the second the next day', async () => {
    const mine = await postAsk(tb, AUTHOR, { title: 'Design intro' });
    const theirs = await postAsk(tb, AUTHOR2, { title: 'デザインの相談' });
    await tb.press('ask.respond', HELPER, 'message', String(mine));
    await tb.press('ask.respond', HELPER, 'message', String(theirs));

    await resolveThanking(tb, AUTHOR, mine, HELPER);
    await resolveThanking(tb, AUTHOR2, theirs, HELPER);
    await tb.tick();
    await tb.settle();
    expect(thanksTo(tb, HELPER)).toHaveLength(1);
    expect(allText(thanksTo(tb, HELPER)[0]?.args)).toContain('Design intro');

    tb.clock.advance(DAY);
    await tb.tick();
    await tb.settle();
    expect(thanksTo(tb, HELPER)).toHaveLength(2);
    expect(allText(thanksTo(tb, HELPER)[1]?.args)).toContain('デザインの相談');
  });
});
