import { VERBS } from '../../src/slack/commands/verbs';
import { canSee } from '../../src/slack/commands/verbs/verb';
import { messages, type Locale } from '../../src/i18n';
import type { Role } from '../../src/roles/types';
import { ADMIN, TestBot, allText } from '../support/testBot';
import { createEvent } from '../events/support';

/** Issue 11 §3 and issue 12 §5: verbs in one table, in English and Japanese, forgiving natural forms. */
describe('verbs: Japanese names, natural forms, help from the table', () => {
  let tb: TestBot;
  const JA = 'U11JA01';
  const EN = 'U11EN01';
  const ORGANIZER = 'U11ORG1';
  const HR = 'U11HR01';

  beforeEach(async () => {
    tb = await TestBot.start({ env: { EVENTS_CHANNEL_ID: 'C0EVENTS1' } });
    tb.fake.setUser(JA, { locale: 'ja-JP' });
    for (const user of [ADMIN, JA, EN]) await tb.agree(user);
  });
  afterEach(async () => {
    expect(tb.fake.violations).toEqual([]);
    await tb.stop();
  });

  const reply = async (text: string, user: string): Promise<string> =>
    allText((await tb.command(text, user)).json);
  const tags = async (user: string): Promise<string[]> =>
    (
      await tb.rows<{ tag: string }>('SELECT tag FROM member_interests WHERE user_id = ? ORDER BY tag', user)
    ).map((row) => row.tag);

  it('understands Japanese verbs and options, full-width and with a polite ending', async () => {
    expect(await reply('ヘルプ', JA)).toContain('Homecoming でできること');
    expect(await reply('ＨＥＬＰ', EN)).toContain('Homecoming: what you can do');
    expect(await reply('ヘルプです', JA)).toContain('Homecoming でできること');
    expect(await reply('ﾍﾙﾌﾟ', JA)).toContain('Homecoming でできること');

    expect(await reply('興味 追加 テニス, デザイン', JA)).toContain('テニス');
    expect(await tags(JA)).toEqual(['design', 'tennis']);
    await reply('興味 削除します テニス', JA);
    expect(await tags(JA)).toEqual(['design']);

    await reply('ダイジェスト 毎日', JA);
    expect(await tb.row('SELECT frequency FROM digest_prefs WHERE user_id = ?', JA)).toEqual({
      frequency: 'daily',
    });
    await reply('ダイジェスト 毎週にします', JA);
    expect(await tb.row('SELECT frequency FROM digest_prefs WHERE user_id = ?', JA)).toEqual({
      frequency: 'weekly',
    });
    await reply('ダイジェスト オフ', JA);
    expect(await tb.row('SELECT frequency FROM digest_prefs WHERE user_id = ?', JA)).toEqual({
      frequency: 'off',
    });

    await reply('紹介 オン', JA);
    await reply('紹介 スヌーズ 2週間', JA);
    expect(
      await tb.row(
        'SELECT count(*) AS n FROM intro_prefs WHERE user_id = ? AND snoozed_until IS NOT NULL',
        JA,
      ),
    ).toMatchObject({
      n: 1,
    });

    expect(await reply('検索 テニス', JA)).not.toContain('というコマンドはありません');
    expect(await reply('イベント', JA)).not.toContain('というコマンドはありません');
    expect(await reply('求人', JA)).not.toContain('というコマンドはありません');
    await tb.command('プロフィール', JA);
    expect(tb.fake.callsTo('views.open')).toHaveLength(1);

    // The same words work in a DM.
    await tb.dm('興味 追加 ボルダリング', JA);
    expect(await tags(JA)).toContain('bouldering');
  });

  it('統計 (stats) for an organizer; 参加者 (attendees) on an event id copied from a card', async () => {
    await tb.command(`role add <@${ORGANIZER}|org> organizer`, ADMIN);
    await tb.agree(ORGANIZER);
    expect(await reply('統計', ORGANIZER)).toContain('Members');
    const id = await createEvent(tb, ORGANIZER, { title: 'Picnic' });
    expect(await reply(`イベント 参加者 イベント #${id}`, ORGANIZER)).toContain('Picnic');
    expect(await reply(`event attendees Event #${id}`, ORGANIZER)).toContain('Picnic');
  });

  it('natural forms: snooze 2 weeks, interests delete and rm', async () => {
    await reply('intros on', EN);
    expect(await reply('intros snooze 2 weeks', EN)).not.toContain('Use `');
    expect(
      await tb.row(
        'SELECT count(*) AS n FROM intro_prefs WHERE user_id = ? AND snoozed_until IS NOT NULL',
        EN,
      ),
    ).toMatchObject({
      n: 1,
    });
    await reply('interests add design, python, go', EN);
    await reply('interests delete python', EN);
    await reply('interests rm go', EN);
    expect(await tags(EN)).toEqual(['design']);
  });

  it('a bad snooze is explained and changes nothing, in English and Japanese', async () => {
    await reply('intros on', EN);
    await reply('紹介 オン', JA);
    const before = await tb.snapshot();
    expect(await reply('intros snooze 2 months', EN)).toContain('intros snooze');
    expect(await reply('紹介 スヌーズ 2か月', JA)).toContain('intros snooze');
    expect(await tb.snapshot()).toBe(before);
  });

  it('suggests the verb meant by a close spelling', async () => {
    expect(await reply('intors', EN)).toContain('Did you mean `intros`?');
    expect(await reply('ヘルブ', JA)).toContain('もしかして `ヘルプ` ですか');
    expect(await reply('frobnicate', EN)).not.toContain('Did you mean');
  });

  it('help lists every verb in the table the caller may use, for every role, in both languages', async () => {
    await tb.command(`role add <@${ORGANIZER}|org> organizer`, ADMIN);
    await tb.command(`role add <@${HR}|hr> hr`, ADMIN);
    await tb.agree(ORGANIZER);
    await tb.agree(HR);
    const callers: [string, Role[]][] = [
      [EN, []],
      [ORGANIZER, ['organizer']],
      [HR, ['hr']],
      [ADMIN, ['admin']],
    ];
    for (const locale of ['en', 'ja'] as Locale[]) {
      const m = messages(locale);
      for (const [user, roles] of callers) {
        tb.fake.setUser(user, { locale: locale === 'ja' ? 'ja-JP' : 'en-US' });
        await tb.bot.services.locales.forget(user);
        const help = await reply('help', user);
        for (const verb of VERBS) {
          for (const line of verb.help) {
            if (canSee(new Set(roles), line.audience)) expect(help).toContain(line.text(m));
            else expect(help).not.toContain(line.text(m));
          }
        }
      }
    }
  });

  it('every sub-verb of every verb is explained by one of its help lines', () => {
    for (const verb of VERBS) {
      const covered = new Set(verb.help.flatMap((line) => line.covers));
      expect(Object.keys(verb.subVerbs).filter((action) => !covered.has(action))).toEqual([]);
      expect(verb.names.ja.length).toBeGreaterThan(0);
    }
  });

  it('help shows digest send to HR, and the Japanese names', async () => {
    await tb.command(`role add <@${HR}|hr> hr`, ADMIN);
    await tb.agree(HR);
    expect(await reply('help', HR)).toContain('`digest send`');
    expect(await reply('help', EN)).not.toContain('`digest send`');
    const ja = await reply('ヘルプ', JA);
    for (const name of [
      'ヘルプ',
      'プロフィール',
      '興味',
      '検索',
      'イベント',
      '求人',
      '毎日',
      '毎週',
      'オフ',
      'スヌーズ',
      '削除',
    ])
      expect(ja).toContain(`\`${name}\``);
  });
});
