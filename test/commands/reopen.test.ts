import { TestBot, allText } from '../support/testBot';
import { HR, JOBS_CHANNEL, cardCalls, postJob, setUpHr } from '../jobs/support';

/** Issue 12 §5: `job reopen <id>` (「求人 再開」), a verb people reached for. */
describe('job reopen', () => {
  let tb: TestBot;
  const HR_JA = 'U12HRJA';
  beforeEach(async () => {
    tb = await TestBot.start({ env: { JOBS_CHANNEL_ID: JOBS_CHANNEL } });
    await setUpHr(tb);
    tb.fake.setUser(HR_JA, { locale: 'ja-JP' });
    await setUpHr(tb, HR_JA);
  });
  afterEach(async () => {
    expect(tb.fake.violations).toEqual([]);
    await tb.stop();
  });

  const status = (id: number) => tb.row('SELECT status FROM jobs WHERE id = ?', id);

  it('opens a closed role again and updates its card, in English and Japanese', async () => {
    const id = await postJob(tb, { title: 'Designer' });
    await tb.commandConfirmed(`job close ${id}`, HR);
    expect(await status(id)).toEqual({ status: 'closed' });
    const cardsBefore = (await cardCalls(tb, id, 'chat.update')).length;
    expect(allText((await tb.command(`job reopen Role #${id}`, HR)).json)).toContain(
      '“Designer” is open again',
    );
    expect(await status(id)).toEqual({ status: 'open' });
    expect((await cardCalls(tb, id, 'chat.update')).length).toBeGreaterThan(cardsBefore);

    await tb.commandConfirmed(`job close ${id}`, HR);
    expect(allText((await tb.command(`求人 再開 求人 #${id}`, HR_JA)).json)).toContain('募集を再開しました');
    expect(await status(id)).toEqual({ status: 'open' });
  });

  it('an open role, or no number, is explained and nothing changes', async () => {
    const id = await postJob(tb, { title: 'Writer' });
    // A reply counts as the member using the bot (last_active_at); nothing else may change.
    const state = async (): Promise<string> =>
      (await tb.snapshot()).replace(/"last_active_at":(?:null|"[^"]*")/g, '');
    const before = await state();
    expect(allText((await tb.command(`job reopen ${id}`, HR)).json)).toContain(
      '“Writer” is already open. Nothing changed.',
    );
    expect(allText((await tb.command(`求人 再開 ${id}`, HR_JA)).json)).toContain('すでに募集中です');
    expect(allText((await tb.command('job reopen', HR)).json)).toContain('`/alumni job reopen 12`');
    expect(await state()).toBe(before);
  });
});
