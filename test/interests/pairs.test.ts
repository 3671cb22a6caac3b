import { ADMIN, TestBot, allText } from '../support/testBot';

/** Issue 12 §2: admins grow the vocabulary without editing code; organizers see what is unmatched. */

const ORGANIZER = 'U12ORG';

async function member(tb: TestBot, user: string, interests: string, locale = 'en-US'): Promise<void> {
  tb.fake.setUser(user, { locale });
  await tb.agree(user);
  await tb.command(`interests add ${interests}`, user);
}

const tagsOf = async (tb: TestBot, user: string): Promise<string[]> =>
  (
    await tb.rows<{ tag: string }>('SELECT tag FROM member_interests WHERE user_id = ? ORDER BY tag', user)
  ).map((row) => row.tag);

const pairRows = async (tb: TestBot): Promise<unknown[]> =>
  await tb.rows('SELECT ja, en FROM interest_pairs ORDER BY id');

describe('/alumni interests pair and interests unmatched', () => {
  let tb: TestBot;
  beforeEach(async () => {
    tb = await TestBot.start();
    await tb.agree(ADMIN);
    // Any command notes the caller's activity; one now keeps that note the same in the snapshots.
    await tb.command('help', ADMIN);
  });
  afterEach(async () => {
    expect(tb.fake.violations).toEqual([]);
    await tb.stop();
  });

  it('an admin pairs けん玉 with kendama: tags already held move to it, and tags typed later match', async () => {
    await member(tb, 'U12KEN', 'けん玉, tennis', 'ja-JP');
    await member(tb, 'U12KEN2', 'ケン玉', 'ja-JP');
    await member(tb, 'U12KENEN', 'kendama', 'en-US');
    expect(allText((await tb.command('find kendama', 'U12KENEN')).json)).toContain('Nobody matches');

    const reply = TestBot.replyText(await tb.command('interests pair けん玉 Kendama', ADMIN));
    expect(reply).toContain('Paired `けん玉` ⇄ `kendama`');
    expect(reply).toContain('2 tags already held now use it.');
    expect(await pairRows(tb)).toEqual([{ ja: 'けん玉', en: 'kendama' }]);
    expect(await tagsOf(tb, 'U12KEN')).toEqual(['kendama', 'tennis']);
    expect(await tagsOf(tb, 'U12KEN2')).toEqual(['kendama']);

    const found = allText((await tb.command('find kendama', 'U12KENEN')).json);
    expect(found).toContain('<@U12KEN>');
    expect(found).toContain('<@U12KEN2>');
    // A Japanese member sees the Japanese side; a tag typed later in either language lands on the key.
    expect(TestBot.replyText(await tb.command('interests', 'U12KEN'))).toContain('`けん玉`');
    await member(tb, 'U12LATE', 'ｹﾝ玉', 'ja-JP');
    expect(await tagsOf(tb, 'U12LATE')).toEqual(['kendama']);
  });

  it('takes the two sides in either order, with spaces, and in Japanese', async () => {
    const japaneseAdmin = 'U12JADM';
    tb.fake.setUser(japaneseAdmin, { locale: 'ja-JP' });
    await tb.command(`role add <@${japaneseAdmin}|jadm> admin`, ADMIN);
    await tb.agree(japaneseAdmin);
    const reply = TestBot.replyText(
      await tb.command('interests pair stand up paddle SUPボード', japaneseAdmin),
    );
    expect(reply).toContain('`supボード` ⇄ `stand up paddle` を対応づけました');
    expect(TestBot.replyText(await tb.command('interests pair 庭球 = tennis', japaneseAdmin))).toContain(
      '対応づけました',
    );
    // 庭球 joins the shipped tennis entry; Japanese readers keep seeing テニス.
    await member(tb, 'U12TEI', '庭球', 'ja-JP');
    expect(await tagsOf(tb, 'U12TEI')).toEqual(['tennis']);
    expect(TestBot.replyText(await tb.command('interests', 'U12TEI'))).toContain('`テニス`');
  });

  it('says when a pair exists already or its Japanese side means something else, and stores nothing', async () => {
    const before = await tb.snapshot();
    expect(TestBot.replyText(await tb.command('interests pair テニス tennis', ADMIN))).toBe(
      '`テニス` and `tennis` are already one interest. Nothing changed.',
    );
    expect(TestBot.replyText(await tb.command('interests pair テニス padel', ADMIN))).toContain(
      '`テニス` already means `tennis`. Nothing was saved.',
    );
    expect(await tb.snapshot()).toBe(before);
  });

  it('refuses a member or an organizer who is not an admin, clearly and privately, and stores nothing', async () => {
    await member(tb, 'U12MEM', 'けん玉');
    await tb.command(`role add <@${ORGANIZER}|org> organizer`, ADMIN);
    await tb.agree(ORGANIZER);
    const before = await tb.snapshot();
    for (const user of ['U12MEM', ORGANIZER]) {
      const refused = await tb.command('interests pair けん玉 kendama', user);
      expect(refused.status).toBe(200);
      expect(TestBot.replyText(refused)).toBe(
        'Only members with the admin role can do that. Ask an admin if you need it.',
      );
      expect((refused.json as { response_type?: string }).response_type).not.toBe('in_channel');
    }
    expect(await pairRows(tb)).toEqual([]);
    expect(await tagsOf(tb, 'U12MEM')).toEqual(['けん玉']);
    expect(await tb.snapshot()).toBe(before);
  });

  it.each([
    ['interests pair', 'Give the Japanese and the English spelling of one interest'],
    ['interests pair けん玉', 'Give the Japanese and the English spelling of one interest'],
    ['interests pair = kendama', 'Give the Japanese and the English spelling of one interest'],
    ['interests pair kendama cup-and-ball', 'One side must be in Japanese and the other in English'],
    ['interests pair けん玉 剣玉', 'One side must be in Japanese and the other in English'],
    [`interests pair けん玉 ${'k'.repeat(51)}`, 'Each side can have at most 50 characters'],
    ['interests unmatched please', 'Use `/alumni interests` to list'],
  ])('bad input %j gets a clear message and changes nothing', async (text, expected) => {
    const before = await tb.snapshot();
    const reply = TestBot.replyText(await tb.command(text, ADMIN));
    expect(reply).toContain(expected);
    expect(await tb.snapshot()).toBe(before);
  });

  it('answers bad input in Japanese too', async () => {
    tb.fake.setUser('U12JADM', { locale: 'ja-JP' });
    await tb.command('role add <@U12JADM|jadm> admin', ADMIN);
    await tb.agree('U12JADM');
    expect(TestBot.replyText(await tb.command('interests pair けん玉', 'U12JADM'))).toContain(
      '同じ関心の日本語と英語の表記を指定してください',
    );
  });

  it('interests unmatched lists the most-held tags without a pair, with counts and no names, to admins and organizers', async () => {
    await member(tb, 'U12A', 'けん玉, tennis, bouldering');
    await member(tb, 'U12B', 'けん玉, kendama');
    await member(tb, 'U12C', 'けん玉, origami');
    await member(tb, 'U12HID', 'secret club, けん玉');
    await tb.run("UPDATE members SET visibility = 'nobody' WHERE user_id = 'U12HID'");
    await tb.command(`role add <@${ORGANIZER}|org> organizer`, ADMIN);
    await tb.agree(ORGANIZER);

    const listed = TestBot.replyText(await tb.command('interests unmatched', ORGANIZER));
    expect(listed).toContain('The 2 most-held interests without a Japanese ⇄ English pair');
    expect(listed).toContain('• `けん玉`: 3 members\n• `kendama`: 1 member');
    expect(listed).toContain('`/alumni interests pair <Japanese> <English>`');
    // Paired interests (tennis, bouldering, origami), the hidden member's own tag, and names: none.
    for (const absent of ['tennis', 'bouldering', 'origami', 'secret club', '<@'])
      expect(listed).not.toContain(absent);

    await tb.command('interests pair けん玉 kendama', ADMIN);
    expect(TestBot.replyText(await tb.command('interests unmatched', ADMIN))).toBe(
      'Every interest members hold has a Japanese ⇄ English pair.',
    );
    tb.fake.setUser('U12B', { locale: 'en-US' });
    expect(TestBot.replyText(await tb.command('interests unmatched', 'U12B'))).toContain(
      'Only members with the organizer role can do that.',
    );
  });

  it('lists at most 20 and says so in Japanese for a Japanese organizer', async () => {
    for (let i = 0; i < 22; i += 1) await member(tb, `U12M${String(i).padStart(2, '0')}`, `club ${i}`);
    tb.fake.setUser('U12JORG', { locale: 'ja-JP' });
    await tb.command('role add <@U12JORG|jorg> organizer', ADMIN);
    await tb.agree('U12JORG');
    const listed = TestBot.replyText(await tb.command('interests unmatched', 'U12JORG'));
    expect(listed).toContain('登録の多い順に20件');
    expect(listed.match(/^• /gm)).toHaveLength(20);
    expect(listed).toContain('`club 0`：1人');
  });

  it('help shows the new verbs to those who may use them', async () => {
    const admin = allText((await tb.command('help', ADMIN)).json);
    expect(admin).toContain('`interests pair ボルダリング bouldering`');
    expect(admin).toContain('`interests unmatched`');
    await tb.command(`role add <@${ORGANIZER}|org> organizer`, ADMIN);
    await tb.agree(ORGANIZER);
    const organizer = allText((await tb.command('help', ORGANIZER)).json);
    expect(organizer).toContain('`interests unmatched`');
    expect(organizer).not.toContain('`interests pair');
    await tb.agree('U12PLAIN');
    expect(allText((await tb.command('help', 'U12PLAIN')).json)).not.toContain('interests unmatched');
  });
});
