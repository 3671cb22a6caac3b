import { ADMIN, TestBot, allText, confirmValueIn } from '../support/testBot';
import { DAY, createEvent } from '../events/support';
import { HR, postJob, setUpHr } from '../jobs/support';

/** Issue 12 §5: destructive verbs ask first (Confirm / Keep); organizers change only their own events. */
describe('destructive verbs ask first', () => {
  let tb: TestBot;
  const ORGANIZER = 'U12ORG1';
  const OTHER = 'U12ORG2';
  const JA = 'U12ORGJ';

  beforeEach(async () => {
    tb = await TestBot.start({ env: { EVENTS_CHANNEL_ID: 'C0EVENTS1', JOBS_CHANNEL_ID: 'C0JOBS01' } });
    tb.fake.setUser(JA, { locale: 'ja-JP' });
    await tb.agree(ADMIN);
    for (const user of [ORGANIZER, OTHER, JA]) {
      await tb.command(`role add <@${user}|o> organizer`, ADMIN);
      await tb.agree(user);
    }
  });
  afterEach(async () => {
    expect(tb.fake.violations).toEqual([]);
    await tb.stop();
  });

  // Asking counts as the member using the bot (last_active_at); nothing else may change.
  const state = async (): Promise<string> =>
    (await tb.snapshot()).replace(/"last_active_at":(?:null|"[^"]*")/g, '');
  const status = async (id: number) => tb.row('SELECT status FROM events WHERE id = ?', id);

  it('event cancel asks; Keep changes nothing; Confirm cancels, and a second Confirm changes nothing', async () => {
    const id = await createEvent(tb, ORGANIZER, { title: 'Picnic' });
    const before = await state();
    const asked = await tb.command(`event cancel Event #${id}`, ORGANIZER);
    expect(allText(asked.json)).toContain('Cancel “Picnic”?');
    expect((asked.json as { response_type?: string }).response_type).toBe('ephemeral');
    const value = confirmValueIn(asked.json) ?? '';
    expect(await state()).toBe(before);

    await tb.press('command.keep', ORGANIZER, 'message', 'keep');
    expect(tb.fake.responses.at(-1)?.body).toMatchObject({
      replace_original: true,
      text: 'Kept: nothing was changed.',
    });
    expect(await status(id)).toEqual({ status: 'scheduled' });

    await tb.press('command.confirm', ORGANIZER, 'message', value);
    expect(allText(tb.fake.responses.at(-1)?.body)).toContain('Picnic');
    expect(await status(id)).toEqual({ status: 'cancelled' });
    const after = await state();
    await tb.press('command.confirm', ORGANIZER, 'message', value);
    expect(allText(tb.fake.responses.at(-1)?.body)).toContain('was already cancelled');
    expect(await state()).toBe(after);
  });

  it('asks in Japanese: イベント 取消 with 実行する / やめておく', async () => {
    const id = await createEvent(tb, JA, { title: '花見' });
    const asked = await tb.command(`イベント 取消 イベント #${id}`, JA);
    expect(allText(asked.json)).toContain('「花見」を中止しますか');
    expect(allText(asked.json)).toContain('実行する');
    expect(allText(asked.json)).toContain('やめておく');
    await tb.press('command.keep', JA, 'message', 'keep');
    expect(allText(tb.fake.responses.at(-1)?.body)).toContain('変更はありません');
    expect(await status(id)).not.toEqual({ status: 'cancelled' });
    await tb.press('command.confirm', JA, 'message', confirmValueIn(asked.json) ?? '');
    expect(await status(id)).toEqual({ status: 'cancelled' });
  });

  it('a finished event cannot be cancelled, in English and Japanese', async () => {
    const id = await createEvent(tb, ORGANIZER, {
      title: 'Old party',
      startsAt: new Date(tb.clock.now().getTime() + DAY),
    });
    const jaId = await createEvent(tb, JA, {
      title: '古い会',
      startsAt: new Date(tb.clock.now().getTime() + DAY),
    });
    tb.clock.advance(3 * DAY);
    const before = await state();
    expect(allText((await tb.command(`event cancel ${id}`, ORGANIZER)).json)).toContain(
      '“Old party” has already ended, so it cannot be cancelled.',
    );
    expect(allText((await tb.command(`event cancel ${jaId}`, JA)).json)).toContain(
      'すでに終了しているため中止できません',
    );
    // A Confirm pressed on a question asked before it ended is refused by the service too.
    await tb.press('command.confirm', ORGANIZER, 'message', `event cancel ${id}`);
    expect(await state()).toBe(before);
  });

  it("an organizer cannot cancel or edit another organizer's event; an admin can", async () => {
    const id = await createEvent(tb, ORGANIZER, { title: 'Mine' });
    const before = await state();
    expect(allText((await tb.command(`event cancel ${id}`, OTHER)).json)).toContain(
      `Only the organizer who created event #${id} or an admin`,
    );
    expect(allText((await tb.command(`event edit ${id}`, OTHER)).json)).toContain(
      'Only the organizer who created',
    );
    expect(allText((await tb.command(`イベント 取消 ${id}`, JA)).json)).toContain(
      '作成したオーガナイザーと管理者だけ',
    );
    // Confirm forged with another organizer's event: the service refuses.
    await tb.press('command.confirm', OTHER, 'message', `event cancel ${id}`);
    expect(await state()).toBe(before);
    expect(tb.fake.callsTo('views.open')).toHaveLength(0);
    expect(allText((await tb.commandConfirmed(`event cancel ${id}`, ADMIN)).json)).toContain('Mine');
    expect(await status(id)).toEqual({ status: 'cancelled' });
  });

  it('job close, announce cancel and role remove ask first', async () => {
    await setUpHr(tb);
    const jobId = await postJob(tb, { title: 'Designer' });
    const job = await tb.command(`job close ${jobId}`, HR);
    expect(allText(job.json)).toContain('Close “Designer”?');
    expect(await tb.row('SELECT status FROM jobs WHERE id = ?', jobId)).toEqual({ status: 'open' });
    await tb.press('command.confirm', HR, 'message', confirmValueIn(job.json) ?? '');
    expect(await tb.row('SELECT status FROM jobs WHERE id = ?', jobId)).toEqual({ status: 'closed' });

    const role = await tb.command(`role remove <@${OTHER}|o> organizer`, ADMIN);
    expect(allText(role.json)).toContain('Remove the organizer role');
    expect(await tb.row('SELECT count(*) AS n FROM member_roles WHERE user_id = ?', OTHER)).toEqual({ n: 1 });
    await tb.press('command.keep', ADMIN, 'message', 'keep');
    expect(await tb.row('SELECT count(*) AS n FROM member_roles WHERE user_id = ?', OTHER)).toEqual({ n: 1 });
    await tb.press('command.confirm', ADMIN, 'message', confirmValueIn(role.json) ?? '');
    expect(await tb.row('SELECT count(*) AS n FROM member_roles WHERE user_id = ?', OTHER)).toEqual({ n: 0 });
  });
});
