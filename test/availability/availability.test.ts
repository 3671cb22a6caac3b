import { ADMIN, TestBot, allText } from '../support/testBot';
import {
  DAY,
  buttonsOf,
  lastResponse,
  member,
  postsWithPrefix,
  profileValues,
  textOf,
  tickAt,
} from '../intros/support';

const T0 = '2026-11-24T01:00:00.000Z';
const at = (days: number): string => new Date(new Date(T0).getTime() + days * DAY).toISOString();
const EXPIRY = at(90);
const ASK = at(83);

const flags = async (tb: TestBot, user: string) =>
  await tb.rows(
    'SELECT flag, since, expires_at, asked_at FROM member_availability WHERE user_id = ? ORDER BY flag',
    user,
  );
const asksTo = (tb: TestBot, user: string) =>
  postsWithPrefix(tb, 'availability:').filter((c) => c.args.channel === user);

/** The Keep / Drop / Keep all buttons of a DM, as [action_id, value]. */
function buttonValues(node: unknown): [unknown, unknown][] {
  return buttonsOf(node).map((b) => [b.action_id, b.value]);
}

describe('availability that expires', () => {
  let tb: TestBot;
  beforeEach(async () => {
    tb = await TestBot.start({ now: T0 });
    await tb.agree(ADMIN);
  });
  afterEach(async () => {
    expect(tb.fake.violations).toEqual([]);
    await tb.stop();
  });

  it('each “open to” flag holds 90 days from the profile save; saving again starts a new term and keeps `since`', async () => {
    await member(tb, 'U6F1', { openTo: ['comeback', 'mentoring'], intros: false });
    expect(await flags(tb, 'U6F1')).toEqual([
      { flag: 'comeback', since: T0, expires_at: EXPIRY, asked_at: null },
      { flag: 'mentoring', since: T0, expires_at: EXPIRY, asked_at: null },
    ]);
    tb.clock.set(at(10));
    await tb.submit('profile.modal', profileValues({ openTo: ['mentoring'] }), 'U6F1');
    expect(await flags(tb, 'U6F1')).toEqual([
      { flag: 'mentoring', since: T0, expires_at: at(100), asked_at: null },
    ]);
  });

  it('a week before expiry the member is asked once, by DM, with Keep / Drop per flag and Keep all', async () => {
    await member(tb, 'U6A1', { openTo: ['comeback', 'mentoring'], intros: false });
    await tickAt(tb, new Date(new Date(ASK).getTime() - 60_000));
    expect(asksTo(tb, 'U6A1')).toHaveLength(0);
    await tickAt(tb, ASK);
    const [ask] = asksTo(tb, 'U6A1');
    expect(asksTo(tb, 'U6A1')).toHaveLength(1);
    expect(ask?.args.text).toBe('Are you still open to: Coming back, Mentoring?');
    expect(textOf(ask)).toContain('*Coming back*: until <!date^');
    const asked = ['comeback', 'mentoring'];
    expect(buttonValues(ask?.args.blocks)).toEqual([
      ['availability.keep', JSON.stringify({ flag: 'comeback', asked })],
      ['availability.drop', JSON.stringify({ flag: 'comeback', asked })],
      ['availability.keep', JSON.stringify({ flag: 'mentoring', asked })],
      ['availability.drop', JSON.stringify({ flag: 'mentoring', asked })],
      ['availability.keep_all', JSON.stringify({ asked })],
    ]);
    expect((await flags(tb, 'U6A1')).map((f) => (f as { asked_at: string }).asked_at)).toEqual([ASK, ASK]);
    expect(await tb.rows('SELECT user_id, kind, sent_at, ref FROM member_nags')).toEqual([
      { user_id: 'U6A1', kind: 'availability', sent_at: ASK, ref: `availability:U6A1:${EXPIRY}` },
    ]);
    // The key is the member and the term asked about, not the time of planning: replicas planning
    // the same re-ask a moment apart make the same key.
    expect(await tb.rows("SELECT key FROM outbox WHERE kind = 'availability_ask'")).toEqual([
      { key: `availability:U6A1:${EXPIRY}` },
    ]);
    await tickAt(tb, at(84));
    expect(asksTo(tb, 'U6A1')).toHaveLength(1);
  });

  it('Keep extends a flag by 90 days from the answer, Drop removes it; the DM is redrawn after each', async () => {
    await member(tb, 'U6K1', { openTo: ['comeback', 'mentoring'], intros: false });
    await tickAt(tb, ASK);
    const asked = ['comeback', 'mentoring'];
    tb.clock.set(at(85));
    await tb.press('availability.keep', 'U6K1', 'message', JSON.stringify({ flag: 'comeback', asked }));
    expect(await flags(tb, 'U6K1')).toEqual([
      { flag: 'comeback', since: T0, expires_at: at(175), asked_at: null },
      { flag: 'mentoring', since: T0, expires_at: EXPIRY, asked_at: ASK },
    ]);
    const kept = lastResponse(tb);
    expect(kept.replace_original).toBe(true);
    expect(allText(kept.blocks)).toContain(':white_check_mark: *Coming back*: kept until <!date^');
    // One flag is left to decide: its buttons stay, Keep all goes.
    expect(buttonsOf(kept.blocks).map((b) => b.action_id)).toEqual([
      'availability.keep',
      'availability.drop',
    ]);

    await tb.press('availability.drop', 'U6K1', 'message', JSON.stringify({ flag: 'mentoring', asked }));
    expect(await flags(tb, 'U6K1')).toEqual([
      { flag: 'comeback', since: T0, expires_at: at(175), asked_at: null },
    ]);
    const done = allText(lastResponse(tb).blocks);
    expect(done).toContain('~Mentoring~: no longer on your profile');
    expect(done).toContain('All set, thank you!');
    expect(buttonsOf(lastResponse(tb).blocks)).toEqual([]);

    // The kept flag comes round again a week before its new end.
    await tickAt(tb, at(168));
    expect(asksTo(tb, 'U6K1')).toHaveLength(2);
  });

  it('Keep all keeps every flag still asked about', async () => {
    await member(tb, 'U6KA', { openTo: ['referrals', 'speaking'], intros: false });
    await tickAt(tb, ASK);
    await tb.press(
      'availability.keep_all',
      'U6KA',
      'message',
      JSON.stringify({ asked: ['referrals', 'speaking'] }),
    );
    expect(await flags(tb, 'U6KA')).toEqual([
      { flag: 'referrals', since: T0, expires_at: at(173), asked_at: null },
      { flag: 'speaking', since: T0, expires_at: at(173), asked_at: null },
    ]);
    expect(allText(lastResponse(tb).blocks)).toContain('All set');
  });

  it('an unanswered flag lapses at expiry and leaves the profile and Home; a late Keep cannot bring it back', async () => {
    await member(tb, 'U6L1', { name: 'Lapse', openTo: ['mentoring'], intros: false });
    await tickAt(tb, ASK);
    await tickAt(tb, new Date(new Date(EXPIRY).getTime() - 60_000));
    expect(await flags(tb, 'U6L1')).toHaveLength(1);
    const homeText = async (): Promise<string> => {
      await tb.homeOpened('U6L1');
      return allText(
        tb.fake
          .callsTo('views.publish')
          .filter((c) => c.args.user_id === 'U6L1')
          .pop()?.args.view,
      );
    };
    expect(await homeText()).toContain('*Open to*: Mentoring');
    await tickAt(tb, EXPIRY);
    expect(await flags(tb, 'U6L1')).toEqual([]);
    expect(await homeText()).not.toContain('Open to');
    await tb.command('profile', 'U6L1');
    const modal = tb.fake.callsTo('views.open').pop();
    const openTo = (
      modal?.args.view as { blocks: { block_id: string; element?: { initial_options?: unknown } }[] }
    ).blocks.find((b) => b.block_id === 'profile.open_to');
    expect(openTo?.element?.initial_options).toBeUndefined();

    await tb.press(
      'availability.keep',
      'U6L1',
      'message',
      JSON.stringify({ flag: 'mentoring', asked: ['mentoring'] }),
    );
    expect(await flags(tb, 'U6L1')).toEqual([]);
    expect(allText(lastResponse(tb).blocks)).toContain('~Mentoring~: no longer on your profile');
  });

  it('one DM asks about every flag lapsing within the month after it, so none comes due in the quiet month', async () => {
    await member(tb, 'U6W1', { openTo: ['comeback', 'mentoring'], intros: false });
    // Test data: mentoring was kept 20 days later than comeback.
    await tb.run(
      "UPDATE member_availability SET expires_at = ? WHERE user_id = 'U6W1' AND flag = 'mentoring'",
      at(110),
    );
    await tickAt(tb, ASK);
    expect(asksTo(tb, 'U6W1')).toHaveLength(1);
    expect(asksTo(tb, 'U6W1')[0]?.args.text).toBe('Are you still open to: Coming back, Mentoring?');
    await tickAt(tb, at(103));
    expect(asksTo(tb, 'U6W1')).toHaveLength(1);
  });

  it('nobody is nagged twice within 30 days; a “Did you meet?” does not count', async () => {
    await member(tb, 'U6N1', { openTo: ['comeback'], intros: false });
    await member(tb, 'U6N2', { openTo: ['comeback'], intros: false });
    // Test data: U6N1 had an availability re-ask 10 days before this one would go out; U6N2 a check-in yesterday.
    await tb.run(
      "INSERT INTO member_nags (user_id, kind, sent_at, ref) VALUES ('U6N1', 'availability', ?, 'earlier')",
      at(73),
    );
    await tb.run(
      "INSERT INTO member_nags (user_id, kind, sent_at, ref) VALUES ('U6N2', 'intro_checkin', ?, 'earlier')",
      at(82),
    );
    await tickAt(tb, ASK);
    expect(asksTo(tb, 'U6N1')).toHaveLength(0);
    expect(asksTo(tb, 'U6N2')).toHaveLength(1);
    await tickAt(tb, EXPIRY);
    expect(await flags(tb, 'U6N1')).toEqual([]);
    expect(asksTo(tb, 'U6N1')).toHaveLength(0);
  });

  it('a button value we never sent is refused and changes nothing', async () => {
    await member(tb, 'U6BAD', { openTo: ['comeback'], intros: false });
    const before = await tb.snapshot();
    for (const value of [
      'garbage',
      JSON.stringify({ asked: ['comeback'] }),
      JSON.stringify({ flag: 'flying', asked: ['flying'] }),
    ]) {
      await tb.press('availability.keep', 'U6BAD', 'message', value);
      expect(lastResponse(tb)).toMatchObject({
        response_type: 'ephemeral',
        text: 'That button no longer applies. Your profile shows what you are open to now.',
      });
    }
    expect(await tb.snapshot()).toBe(before);
  });

  it('asks in the member’s language', async () => {
    await member(tb, 'U6JA', { openTo: ['speaking'], intros: false, locale: 'ja-JP' });
    await tickAt(tb, ASK);
    const [ask] = asksTo(tb, 'U6JA');
    expect(ask?.args.text).toBe('今も前向きですか：登壇');
    expect(buttonsOf(ask?.args.blocks).map((b) => allText(b))).toEqual(['続ける', 'やめる']);
  });

  it('erasing the member removes the re-ask DM and the reminder record with everything else', async () => {
    await member(tb, 'U6P1', { openTo: ['comeback'], intros: false });
    await tickAt(tb, ASK);
    expect((await tb.rowsMentioning('U6P1')).map((r) => r.table).sort()).toEqual([
      'member_availability',
      'member_nags',
      'member_search',
      'members',
      'outbox',
      'user_locales',
    ]);
    await tb.press('privacy.delete', 'U6P1');
    expect(await tb.rowsMentioning('U6P1')).toEqual([]);
  });
});
