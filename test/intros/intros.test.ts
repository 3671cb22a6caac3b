import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { isRoundWeek } from '../../src/intros/schedule';
import { keyOf } from '../scheduler/helpers';
import { ADMIN, TestBot, allText } from '../support/testBot';
import {
  DAY,
  ODD_MONDAY,
  ROUND_1,
  ROUND_2,
  introGroups,
  introTo,
  member,
  postsWithPrefix,
  textOf,
  tickAt,
} from './support';

const unix = (iso: string): number => Math.floor(new Date(iso).getTime() / 1000);
const prefs = async (tb: TestBot, user: string) =>
  await tb.row('SELECT status, snoozed_until FROM intro_prefs WHERE user_id = ?', user);

describe('the round calendar', () => {
  it('runs on INTROS_CRON Mondays of even weeks from 2024-01-01 only', () => {
    expect(isRoundWeek(new Date(ROUND_1), 'Asia/Tokyo')).toBe(true);
    expect(isRoundWeek(new Date(ODD_MONDAY), 'Asia/Tokyo')).toBe(false);
    expect(isRoundWeek(new Date(ROUND_2), 'Asia/Tokyo')).toBe(true);
    expect(isRoundWeek(new Date('2024-01-01T01:00:00Z'), 'Asia/Tokyo')).toBe(true);
  });
});

describe('intros: settings', () => {
  let tb: TestBot;
  beforeEach(async () => {
    tb = await TestBot.start({ now: '2026-11-26T01:00:00Z' });
    await tb.agree(ADMIN);
  });
  afterEach(async () => {
    expect(tb.fake.violations).toEqual([]);
    await tb.stop();
  });

  it('intros, intros on, snooze, on again and off each do what they say, with the next round’s date', async () => {
    const user = 'U5CMD01';
    await tb.agree(user);
    expect(TestBot.replyText(await tb.command('intros', user))).toContain('You are not in intros');
    expect(await prefs(tb, user)).toBeUndefined();

    const on = TestBot.replyText(await tb.command('intros on', user));
    expect(on).toContain('You are in!');
    expect(on).toContain(`<!date^${unix(ROUND_1)}^`);
    expect(await prefs(tb, user)).toEqual({ status: 'on', snoozed_until: null });
    expect(TestBot.replyText(await tb.command('intros', user))).toContain('Intros are on. The next round is');

    const snoozed = TestBot.replyText(await tb.command('intros snooze 4', user));
    const until = new Date(tb.clock.now().getTime() + 28 * DAY).toISOString();
    expect(snoozed).toContain(`Snoozed: no intros until <!date^${unix(until)}^`);
    expect(await prefs(tb, user)).toEqual({ status: 'on', snoozed_until: until });
    expect(TestBot.replyText(await tb.command('intros', user))).toContain('Intros are snoozed until');

    await tb.command('intros on', user);
    expect(await prefs(tb, user)).toEqual({ status: 'on', snoozed_until: null });

    expect(TestBot.replyText(await tb.command('intros off', user))).toContain('Intros are off');
    expect(await prefs(tb, user)).toEqual({ status: 'off', snoozed_until: null });

    // Nothing to snooze while off: told so, nothing changes.
    const before = await tb.snapshot();
    expect(TestBot.replyText(await tb.command('intros snooze 2', user))).toContain('nothing to snooze');
    expect(await tb.snapshot()).toBe(before);
  });

  it.each([
    ['intros maybe', 'Use `/alumni intros` for your status'],
    ['intros on now', 'Use `/alumni intros` for your status'],
    ['intros preview please', 'Use `/alumni intros` for your status'],
    ['intros snooze', 'from 1 to 26'],
    ['intros snooze 0', 'from 1 to 26'],
    ['intros snooze 27', 'from 1 to 26'],
    ['intros snooze two weeks', 'from 1 to 26'],
    ['intros snooze -3', 'from 1 to 26'],
  ])('bad input “%s” gets a clear answer and changes nothing', async (text, expected) => {
    const user = 'U5BAD01';
    await tb.agree(user);
    await tb.command('intros on', user);
    const before = await tb.snapshot();
    const reply = TestBot.replyText(await tb.command(text, user));
    expect(reply).toContain(expected);
    expect(await tb.snapshot()).toBe(before);
  });

  it('help lists intros for everyone, and intros preview and talent for those who may use them', async () => {
    await tb.agree('U5HELP');
    const member = allText((await tb.command('help', 'U5HELP')).json);
    expect(member).toContain('`intros on|off|snooze 4`');
    expect(member).not.toContain('`intros preview`');
    const admin = allText((await tb.command('help', ADMIN)).json);
    expect(admin).toContain('`intros preview`');
    expect(admin).toContain('`talent 12`');
  });

  it('answers in Japanese for a Japanese member', async () => {
    const user = 'U5JA01';
    tb.fake.setUser(user, { locale: 'ja-JP' });
    await tb.agree(user);
    expect(TestBot.replyText(await tb.command('intros', user))).toContain('イントロには参加していません');
    expect(TestBot.replyText(await tb.command('intros on', user))).toContain('参加しました');
    expect(TestBot.replyText(await tb.command('intros snooze 99', user))).toContain('何週間止めるか');
  });
});

describe('intros: a round', () => {
  let tb: TestBot;
  beforeEach(async () => {
    // Starts long before the round, so that one member can have gone quiet by then.
    tb = await TestBot.start({ now: '2026-08-20T01:00:00Z' });
    await tb.agree(ADMIN);
  });
  afterEach(async () => {
    expect(tb.fake.violations).toEqual([]);
    await tb.stop();
  });

  it('pairs by shared interests on an even Monday, one trio for an odd count, leaves out inactive, snoozed and off members, sends once', async () => {
    await member(tb, 'U5OLD', { interests: 'go, rust, design' }); // then silent for 100 days
    tb.clock.set('2026-11-26T01:00:00Z');
    await member(tb, 'U5A', { name: 'Aiko', interests: 'go, rust, design' });
    await member(tb, 'U5B', { name: 'Ben', interests: 'go, rust, design, tennis' });
    await member(tb, 'U5C', { name: 'Chie', interests: 'cooking, wine' });
    await member(tb, 'U5D', { name: 'Dan', interests: 'cooking, wine, jazz' });
    await member(tb, 'U5E', { name: 'Emi', interests: 'jazz, design' });
    await member(tb, 'U5OFF', { interests: 'go, rust, design' });
    await tb.command('intros off', 'U5OFF');
    await member(tb, 'U5SNZ', { interests: 'cooking, wine' });
    await tb.command('intros snooze 4', 'U5SNZ');
    await member(tb, 'U5NEVER', { interests: 'cooking, wine', intros: false });

    await tickAt(tb, '2026-11-29T01:00:00Z'); // Sunday: nothing yet
    expect(introGroups(tb)).toEqual([]);

    await tickAt(tb, ROUND_1);
    expect(introGroups(tb)).toEqual([
      ['U5A', 'U5B', 'U5E'],
      ['U5C', 'U5D'],
    ]);
    // Each group DM was opened for its members at send time and posted there.
    const opened = tb.fake
      .callsTo('conversations.open')
      .map((c) => c.args.users)
      .sort();
    expect(opened).toEqual(['U5A,U5B,U5E', 'U5C,U5D']);
    const pair = introTo(tb, 'U5C');
    expect(pair?.args.channel).toBe('GU5CU5D');
    expect(textOf(pair)).toContain('You share: `cooking`, `wine`');
    expect(textOf(pair)).toMatch(/A first question to get going: _.*(cooking|wine).*_/);
    expect(textOf(introTo(tb, 'U5E'))).toContain('You share: `design`, `go`, `rust`');
    // A pair is talked to as two, the trio as three.
    expect(textOf(pair)).toContain('You both asked to meet other alumni');
    expect(textOf(introTo(tb, 'U5E'))).toContain('All three of you asked to meet other alumni');
    expect(textOf(introTo(tb, 'U5E'))).not.toContain('You both');
    expect(
      await tb.rows("SELECT key, status, slack_channel FROM outbox WHERE kind = 'intro' ORDER BY key"),
    ).toEqual([
      { key: `intro:${ROUND_1}:U5A,U5B,U5E`, status: 'sent', slack_channel: 'GU5AU5BU5E' },
      { key: `intro:${ROUND_1}:U5C,U5D`, status: 'sent', slack_channel: 'GU5CU5D' },
    ]);
    expect(
      await tb.rows(
        'SELECT group_count, member_count, left_out, CASE WHEN completed_at IS NOT NULL THEN 1 ELSE 0 END AS done FROM intro_rounds',
      ),
    ).toEqual([{ group_count: 2, member_count: 5, left_out: 0, done: 1 }]);

    // Sent once: more ticks, the same day or later, send nothing new; the odd Monday has no round.
    await tickAt(tb, new Date(new Date(ROUND_1).getTime() + 3_600_000));
    await tickAt(tb, ODD_MONDAY);
    expect(postsWithPrefix(tb, 'intro:')).toHaveLength(2);
    expect(await tb.row('SELECT count(*) AS n FROM intro_rounds')).toEqual({ n: 1 });
  });

  it('shows each member as their visibility allows: all → profile, staff or nobody → the mention alone, and no tags they hold', async () => {
    tb.clock.set('2026-11-26T01:00:00Z');
    await member(tb, 'U5V1', {
      name: 'Aiko',
      title: 'Engineer',
      company: 'Acme',
      location: 'Kyoto',
      from: '2015',
      to: '2020',
      interests: 'go, sailing',
    });
    await member(tb, 'U5V2', {
      name: 'Secret Sam',
      title: 'Spy',
      company: 'Hidden Co',
      interests: 'go, sailing',
      visibility: 'staff',
    });
    await member(tb, 'U5V3', {
      name: 'Hidden Hana',
      title: 'Ghost',
      interests: 'chess',
      visibility: 'nobody',
    });
    await member(tb, 'U5V4', { name: 'Open Oto', title: 'Writer', interests: 'chess' });
    await tickAt(tb, ROUND_1);
    expect(introGroups(tb)).toEqual([
      ['U5V1', 'U5V2'],
      ['U5V3', 'U5V4'],
    ]);
    const first = textOf(introTo(tb, 'U5V1'));
    expect(first).toContain('<@U5V1> · *Aiko* · Engineer at Acme · Kyoto · at the company 2015–2020');
    expect(first).toContain('• <@U5V2>\n');
    expect(first).not.toMatch(/Secret Sam|Spy|Hidden Co/);
    // The shared tags are U5V2's interests too, which only admins and HR may see.
    expect(first).not.toMatch(/`go`|`sailing`/);
    expect(first).not.toContain('do not overlap');
    const second = textOf(introTo(tb, 'U5V3'));
    expect(second).toContain('• <@U5V3>\n');
    expect(second).toContain('<@U5V4> · *Open Oto* · Writer');
    expect(second).not.toMatch(/Hidden Hana|Ghost|`chess`/);
  });

  it('never repeats a pair within six rounds; admins preview the next round without recording anything', async () => {
    tb.clock.set('2026-11-26T01:00:00Z');
    for (const user of ['U5W1', 'U5W2', 'U5W3', 'U5W4']) await member(tb, user, { interests: 'go' });
    const pairsOf = (groups: string[][]): string[] => groups.map((g) => g.join('+'));

    await tickAt(tb, ROUND_1);
    const round1 = pairsOf(introGroups(tb));
    expect(round1).toHaveLength(2);

    // Preview of round 2 (admins only): what will be paired, with shared tags; nothing recorded.
    // (Any command notes the caller's activity; one now makes that note the same before and after.)
    await tb.command('intros', ADMIN);
    const before = await tb.snapshot();
    const refused = await tb.command('intros preview', 'U5W1');
    expect(TestBot.replyText(refused)).toContain('admin');
    const preview = await tb.command('intros preview', ADMIN);
    const shown = allText(preview.json);
    expect(shown).toContain(`Next intro round: <!date^${unix(ROUND_2)}^`);
    expect(shown).toContain('4 members eligible · 2 groups · 0 left out');
    expect(shown).toContain('`go`');
    expect(await tb.snapshot()).toBe(before);

    await tickAt(tb, ROUND_2);
    const round2 = pairsOf(introGroups(tb)).filter((p) => !round1.includes(p));
    expect(round2).toHaveLength(2);
    expect(shown).toContain(
      round2.map((p) =>
        p
          .split('+')
          .map((u) => `<@${u}>`)
          .join(', '),
      )[0],
    );

    await tickAt(tb, '2026-12-28T01:00:00Z');
    const round3 = pairsOf(introGroups(tb)).filter((p) => !round1.includes(p) && !round2.includes(p));
    expect(round3).toHaveLength(2);
    // Every pair of the four has met: all six distinct so far.
    expect(new Set([...round1, ...round2, ...round3]).size).toBe(6);

    // Round 4: anyone would repeat a pair from the last six rounds, so nobody is introduced.
    const previewed = allText((await tb.command('intros preview', ADMIN)).json);
    expect(previewed).toContain('0 groups · 4 left out');
    await tickAt(tb, '2027-01-11T01:00:00Z');
    expect(postsWithPrefix(tb, 'intro:')).toHaveLength(6);
    expect(await tb.row('SELECT left_out FROM intro_rounds ORDER BY due_at DESC LIMIT 1')).toEqual({
      left_out: 4,
    });
  });

  it('a round cut short by a crash is resumed: planned groups stand, the others are paired among themselves', async () => {
    tb.clock.set('2026-11-26T01:00:00Z');
    for (const user of ['U5R1', 'U5R2', 'U5R3', 'U5R4', 'U5R5']) await member(tb, user, { interests: 'go' });
    // What a process that died after its first batch leaves: the round open, one group and its DM row.
    await tb.run(
      'INSERT INTO intro_rounds (round_key, due_at, planned_at) VALUES (?, ?, ?)',
      ROUND_1,
      ROUND_1,
      ROUND_1,
    );
    await tb.run('INSERT INTO intro_groups (round_id, created_at) VALUES (1, ?)', ROUND_1);
    for (const user of ['U5R2', 'U5R4'])
      await tb.run('INSERT INTO intro_members (group_id, round_id, user_id) VALUES (1, 1, ?)', user);
    await tb.bot.services.outbox.schedule({
      kind: 'intro',
      key: `intro:${ROUND_1}:U5R2,U5R4`,
      channel: 'mpim:U5R2,U5R4',
      message: { text: 'planned before the crash' },
      dueAt: new Date(ROUND_1),
    });
    await tickAt(tb, ROUND_1);
    expect(introGroups(tb)).toEqual([
      ['U5R1', 'U5R3', 'U5R5'],
      ['U5R2', 'U5R4'],
    ]);
    expect(
      await tb.row(
        'SELECT group_count, member_count, CASE WHEN completed_at IS NOT NULL THEN 1 ELSE 0 END AS done FROM intro_rounds',
      ),
    ).toEqual({
      group_count: 2,
      member_count: 5,
      done: 1,
    });
  });

  it('writes the intro in both languages when the members’ languages differ', async () => {
    tb.clock.set('2026-11-26T01:00:00Z');
    await member(tb, 'U5J1', { interests: 'go', locale: 'ja-JP' });
    await member(tb, 'U5J2', { interests: 'go' });
    await member(tb, 'U5J3', { interests: 'chess', locale: 'ja-JP' });
    await member(tb, 'U5J4', { interests: 'chess', locale: 'ja-JP' });
    await tickAt(tb, ROUND_1);
    const mixed = textOf(introTo(tb, 'U5J1'));
    expect(mixed).toContain('Meet each other!');
    expect(mixed).toContain('ご紹介します！');
    expect(mixed).toContain('共通の関心：`go`');
    const japanese = textOf(introTo(tb, 'U5J3'));
    expect(japanese).toContain('ご紹介します！');
    expect(japanese).not.toContain('Meet each other');
    expect(japanese).toContain('希望されたお二人をおつなぎします');
    expect(keyOf(introTo(tb, 'U5J3') ?? { method: '', args: {}, at: 0, status: 0, response: null })).toBe(
      `intro:${ROUND_1}:U5J3,U5J4`,
    );
  });

  it('a trio of Japanese and English readers gets both languages, each talking to three', async () => {
    tb.clock.set('2026-11-26T01:00:00Z');
    await member(tb, 'U5T1', { interests: 'go', locale: 'ja-JP' });
    await member(tb, 'U5T2', { interests: 'go', locale: 'ja-JP' });
    await member(tb, 'U5T3', { interests: 'go' });
    await tickAt(tb, ROUND_1);
    expect(introGroups(tb)).toEqual([['U5T1', 'U5T2', 'U5T3']]);
    const text = textOf(introTo(tb, 'U5T3'));
    expect(text).toContain('All three of you asked to meet other alumni');
    expect(text).toContain('希望された皆さんをおつなぎします');
    expect(text).not.toContain('You both');
    expect(text).not.toContain('お二人');
  });
});

describe('intros: two processes sharing one database', () => {
  it('introduce each member once per round', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'homecoming-intros-shared-'));
    const env = { DATABASE_PATH: path.join(dir, 'alumni.sqlite') };
    const a = await TestBot.start({ env, now: '2026-11-26T01:00:00Z' });
    const b = await TestBot.start({ env, fake: a.fake, clock: a.clock });
    try {
      const users = Array.from({ length: 9 }, (_, i) => `U5S${i}`);
      for (const [i, user] of users.entries())
        await member(a, user, { interests: i % 2 === 0 ? 'go' : 'chess' });
      a.clock.set(ROUND_1);
      await Promise.all([a.tick(), b.tick(), a.tick(), b.tick()]);
      await Promise.all([a.tick(), b.tick()]);
      const groups = introGroups(a);
      expect(groups.flat().sort()).toEqual(users);
      expect(groups.filter((g) => g.length === 3)).toHaveLength(1);
      expect(await a.row('SELECT count(*) AS n FROM intro_members')).toEqual({ n: 9 });
      expect(a.fake.violations).toEqual([]);
    } finally {
      await b.stop();
      await a.stop();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
