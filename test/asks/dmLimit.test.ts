import { TestBot, allText } from '../support/testBot';
import { propose } from '../study/support';
import { ASKS_CHANNEL, DAY, dmsTo, member, openedView, postAsk } from './support';

// Issue 13, rules for all four: "Nobody gets more than one unsolicited DM a day from these features".
// Asks, study groups and mentoring share one limit, held in the database: a DM that finds its
// member's day taken by another feature's waits for the next day (through the outbox), never lost.

const PIA = 'U13LPIA1';
const MENTOR = 'U13LMNT1';
const MENTEE = 'U13LMNE1';
const AUTHOR = 'U13LAUT1';

const lapsedTo = (tb: TestBot, user: string) =>
  dmsTo(tb, user).filter((call) => /has lapsed/.test(allText(call.args)));
const thanksTo = (tb: TestBot, user: string) =>
  dmsTo(tb, user).filter((call) => allText(call.args).includes('thanked you'));

describe('one unsolicited DM a day across asks, study groups and mentoring', () => {
  let tb: TestBot;
  beforeEach(async () => {
    tb = await TestBot.start({ env: { ASKS_CHANNEL_ID: ASKS_CHANNEL } });
    await member(tb, PIA, 'rust');
    await member(tb, MENTOR, 'design');
    await member(tb, MENTEE, 'design');
    await member(tb, AUTHOR, 'design');
  });
  afterEach(async () => {
    expect(tb.fake.violations).toEqual([]);
    await tb.stop();
  });

  it('a study proposal and an ask lapsing the same day: one DM today, the other tomorrow; erasure takes the days', async () => {
    const study = await propose(tb, PIA, { topic: 'Rust for web developers', minMembers: '5' });
    const ask = await postAsk(tb, PIA, { title: 'Rust mentor wanted', days: '30' });
    tb.clock.advance(30 * DAY + 60_000);
    await tb.tick();
    await tb.tick();
    await tb.settle();
    expect((await tb.row('SELECT status FROM study_groups WHERE id = ?', study))?.status).toBe('lapsed');
    expect((await tb.row('SELECT status FROM asks WHERE id = ?', ask))?.status).toBe('lapsed');
    expect(lapsedTo(tb, PIA)).toHaveLength(1);
    const days = await tb.rows<{ day: string; ref: string }>(
      'SELECT day, ref FROM unsolicited_dm_days WHERE user_id = ? ORDER BY day',
      PIA,
    );
    expect(days).toHaveLength(2);
    expect(days.map((row) => row.ref).sort()).toEqual([`ask:${ask}:lapsed`, `study:${study}:lapsed:${PIA}`]);

    tb.clock.advance(DAY - 120_000);
    await tb.tick();
    await tb.settle();
    expect(lapsedTo(tb, PIA)).toHaveLength(1);
    tb.clock.advance(120_000);
    await tb.tick();
    await tb.settle();
    expect(lapsedTo(tb, PIA)).toHaveLength(2);
    const texts = lapsedTo(tb, PIA).map((call) => allText(call.args));
    expect(texts.some((text) => text.includes('Rust mentor wanted'))).toBe(true);
    expect(texts.some((text) => text.includes('Rust for web developers'))).toBe(true);

    // Erasure takes the member's days too.
    await tb.press('privacy.delete', PIA);
    expect(await tb.rows('SELECT day FROM unsolicited_dm_days WHERE user_id = ?', PIA)).toEqual([]);
  });

  it('a mentor asked today to take a mentee hears of an author’s thanks tomorrow', async () => {
    await tb.command('mentor offer design', MENTOR);
    await tb.command('mentor request design: my first design role', MENTEE);
    await tb.tick();
    expect(
      dmsTo(tb, MENTOR).filter((call) => allText(call.args).includes('looking for a mentor')),
    ).toHaveLength(1);

    const ask = await postAsk(tb, AUTHOR, { title: 'Design critique' });
    await tb.press('ask.respond', MENTOR, 'message', String(ask));
    await tb.press('ask.resolve', AUTHOR, 'message', String(ask));
    const done = await tb.submit(
      'ask.resolve.modal',
      { 'ask.resolve.thank': { value: { type: 'checkboxes', selected_options: [{ value: MENTOR }] } } },
      AUTHOR,
      openedView(tb).private_metadata,
    );
    expect(done.status).toBe(200);
    await tb.tick();
    await tb.settle();
    expect(thanksTo(tb, MENTOR)).toHaveLength(0);

    tb.clock.advance(DAY);
    await tb.tick();
    await tb.settle();
    expect(thanksTo(tb, MENTOR)).toHaveLength(1);
    expect(allText(thanksTo(tb, MENTOR)[0]?.args)).toContain('Design critique');
  });
});
