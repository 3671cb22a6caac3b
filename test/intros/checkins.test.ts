import { ADMIN, TestBot, allText } from '../support/testBot';
import { DAY, ROUND_1, buttonsOf, checkinsTo, introGroups, lastResponse, member, tickAt } from './support';

const A_WEEK_LATER = new Date(new Date(ROUND_1).getTime() + 7 * DAY).toISOString();

const answerOf = (tb: TestBot, user: string) =>
  tb.row<{ answer: string | null; answered_at: string | null }>(
    'SELECT answer, answered_at FROM intro_members WHERE user_id = ?',
    user,
  );

const groupOf = async (tb: TestBot, user: string): Promise<string> =>
  String(
    (await tb.row<{ group_id: number }>('SELECT group_id FROM intro_members WHERE user_id = ?', user))
      ?.group_id,
  );

describe('intros: “Did you meet?” a week later', () => {
  let tb: TestBot;
  beforeEach(async () => {
    tb = await TestBot.start({ now: '2026-11-26T01:00:00Z' });
    await tb.agree(ADMIN);
    await member(tb, 'U5X1', { interests: 'go' });
    await member(tb, 'U5X2', { interests: 'go' });
    await member(tb, 'U5X3', { interests: 'chess', locale: 'ja-JP' });
    await member(tb, 'U5X4', { interests: 'chess' });
    await tickAt(tb, ROUND_1);
    expect(introGroups(tb)).toEqual([
      ['U5X1', 'U5X2'],
      ['U5X3', 'U5X4'],
    ]);
  });
  afterEach(async () => {
    expect(tb.fake.violations).toEqual([]);
    await tb.stop();
  });

  it('asks each member once, about their partners, with Yes / Not yet / Skip; not those who turned intros off', async () => {
    await tb.command('intros off', 'U5X4');
    await tickAt(tb, new Date(new Date(A_WEEK_LATER).getTime() - 60_000));
    expect(checkinsTo(tb, 'U5X1')).toHaveLength(0);
    await tickAt(tb, A_WEEK_LATER);
    await tickAt(tb, new Date(new Date(A_WEEK_LATER).getTime() + DAY));
    const [toX1] = checkinsTo(tb, 'U5X1');
    expect(checkinsTo(tb, 'U5X1')).toHaveLength(1);
    expect(String(toX1?.args.text)).toMatch(
      /^Did you meet <@U5X2>\? I introduced you on <!date\^\d+\^\{date_short\}\|2026-11-30>\.$/,
    );
    expect(buttonsOf(toX1?.args.blocks).map((b) => [b.action_id, b.value])).toEqual([
      ['intro.met.yes', await groupOf(tb, 'U5X1')],
      ['intro.met.not_yet', await groupOf(tb, 'U5X1')],
      ['intro.met.skip', await groupOf(tb, 'U5X1')],
    ]);
    expect(checkinsTo(tb, 'U5X2')).toHaveLength(1);
    expect(String(checkinsTo(tb, 'U5X3')[0]?.args.text)).toContain('<@U5X4> さんとは会えましたか？');
    expect(checkinsTo(tb, 'U5X4')).toHaveLength(0);
    // Recorded as reminders sent (exempt from the monthly limit, but on record).
    expect(await tb.rows('SELECT user_id, kind FROM member_nags ORDER BY user_id')).toEqual([
      { user_id: 'U5X1', kind: 'intro_checkin' },
      { user_id: 'U5X2', kind: 'intro_checkin' },
      { user_id: 'U5X3', kind: 'intro_checkin' },
    ]);
  });

  it('records Yes, Not yet (then Yes), and Skip; refuses an answer about someone else’s intro; stats show the meet rate', async () => {
    await tickAt(tb, A_WEEK_LATER);
    await tb.press('intro.met.yes', 'U5X1', 'message', await groupOf(tb, 'U5X1'));
    expect(await answerOf(tb, 'U5X1')).toEqual({ answer: 'yes', answered_at: A_WEEK_LATER });
    expect(lastResponse(tb)).toMatchObject({
      replace_original: true,
      text: 'Wonderful, thank you for telling me! :tada:',
    });

    await tb.press('intro.met.not_yet', 'U5X2', 'message', await groupOf(tb, 'U5X2'));
    expect((await answerOf(tb, 'U5X2'))?.answer).toBe('not_yet');
    const notYet = lastResponse(tb);
    expect(notYet.text).toBe('No rush. Press the button once you have met.');
    expect(buttonsOf(notYet.blocks).map((b) => b.action_id)).toEqual(['intro.met.yes']);

    await tb.press('intro.met.skip', 'U5X3', 'message', await groupOf(tb, 'U5X3'));
    expect((await answerOf(tb, 'U5X3'))?.answer).toBe('skip');
    expect(lastResponse(tb).text).toBe('承知しました。このイントロについては今後お聞きしません。');

    // Someone else's group, or a value we never sent: refused, nothing recorded.
    const before = await tb.snapshot();
    await tb.press('intro.met.yes', 'U5X4', 'message', await groupOf(tb, 'U5X1'));
    expect(lastResponse(tb)).toMatchObject({
      response_type: 'ephemeral',
      text: 'That intro is not one of yours, so nothing was recorded.',
    });
    await tb.press('intro.met.yes', 'U5X4', 'message', 'not-a-group');
    expect(await tb.snapshot()).toBe(before);

    const stats = allText((await tb.command('stats', ADMIN)).json);
    expect(stats).toContain(
      '*Intros*\nRounds: 1 · members introduced: 4\n“Did you meet?” Yes 1 · Not yet 1 · Skip 1\nMeet rate: 50.0% (Yes over Yes + Not yet)',
    );
    await tb.press('intro.met.yes', 'U5X2', 'message', await groupOf(tb, 'U5X2'));
    expect((await answerOf(tb, 'U5X2'))?.answer).toBe('yes');
    expect(allText((await tb.command('stats', ADMIN)).json)).toContain('Meet rate: 100.0%');
  });

  it('erasing a member removes every row naming them, including the pair history and the partner’s check-in about them', async () => {
    await tickAt(tb, A_WEEK_LATER);
    await tb.press('intro.met.yes', 'U5X1', 'message', await groupOf(tb, 'U5X1'));
    await tb.command('privacy export', 'U5X1');
    const exported = JSON.parse(
      tb.fake.uploads[tb.fake.uploads.length - 1]?.content.toString('utf8') ?? '{}',
    ) as { other: Record<string, unknown> };
    expect(exported.other.intros).toEqual({
      setting: 'on',
      snoozedUntil: null,
      intros: [{ round: ROUND_1, partners: ['U5X2'], answer: 'yes', answeredAt: A_WEEK_LATER }],
    });
    expect(exported.other.reminders).toEqual([{ kind: 'intro_checkin', sentAt: A_WEEK_LATER }]);
    const othersBefore = await tb.rowsMentioning('U5X3');

    await tb.press('privacy.delete', 'U5X1');
    expect(await tb.rowsMentioning('U5X1')).toEqual([]);
    // The partner keeps their own rows, but their "Did you meet <@U5X1>?" DM row is gone.
    expect(await tb.rows("SELECT key FROM outbox WHERE key LIKE 'intro-checkin:%' ORDER BY key")).toEqual([
      { key: `intro-checkin:${ROUND_1}:U5X3` },
      { key: `intro-checkin:${ROUND_1}:U5X4` },
    ]);
    expect(await tb.rows('SELECT user_id, answer FROM intro_members ORDER BY id')).toEqual([
      { user_id: null, answer: 'yes' },
      { user_id: 'U5X2', answer: null },
      { user_id: 'U5X3', answer: null },
      { user_id: 'U5X4', answer: null },
    ]);
    expect(await tb.rowsMentioning('U5X3')).toEqual(othersBefore);
    // The meet rate still counts the erased member's answer.
    expect(allText((await tb.command('stats', ADMIN)).json)).toContain('Yes 1 · Not yet 0 · Skip 0');
  });
});
