import { ADMIN, TestBot, allText } from '../support/testBot';
import { postJob, setUpHr, HR, JOBS_CHANNEL } from '../jobs/support';
import { introTo, member as introMember, textOf, tickAt, ROUND_1 } from '../intros/support';
import { keyOf } from '../scheduler/helpers';

/** Issue 12 §2: an interest typed in Japanese and the same one in English are one interest. */

async function member(
  tb: TestBot,
  user: string,
  interests: string,
  locale: 'en-US' | 'ja-JP',
): Promise<void> {
  tb.fake.setUser(user, { locale });
  await tb.agree(user);
  const added = await tb.command(`interests add ${interests}`, user);
  if (added.status !== 200) throw new Error(`interests not added for ${user}`);
}

const tagsOf = async (tb: TestBot, user: string): Promise<string[]> =>
  (
    await tb.rows<{ tag: string }>('SELECT tag FROM member_interests WHERE user_id = ? ORDER BY tag', user)
  ).map((row) => row.tag);

describe('interests match across Japanese and English', () => {
  let tb: TestBot;
  beforeEach(async () => {
    tb = await TestBot.start({ env: { JOBS_CHANNEL_ID: JOBS_CHANNEL } });
  });
  afterEach(async () => {
    expect(tb.fake.violations).toEqual([]);
    await tb.stop();
  });

  it('find テニス returns a member who typed tennis, and find tennis one who typed テニス, てにす or ﾃﾆｽ', async () => {
    await member(tb, 'U12EN', 'tennis, python', 'en-US');
    await member(tb, 'U12JA', 'テニス, デザイン', 'ja-JP');
    await member(tb, 'U12HIRA', 'てにす', 'ja-JP');
    await member(tb, 'U12HALF', 'ﾃﾆｽ', 'ja-JP');
    await member(tb, 'U12CALL', 'design', 'en-US');
    for (const user of ['U12EN', 'U12JA', 'U12HIRA', 'U12HALF'])
      expect(await tagsOf(tb, user)).toContain('tennis');

    const fromJapanese = allText((await tb.command('find テニス', 'U12JA')).json);
    expect(fromJapanese).toContain('<@U12EN>');
    expect(fromJapanese).toContain('<@U12HIRA>');
    expect(fromJapanese).toContain('<@U12HALF>');
    expect(fromJapanese).toContain('`テニス`');
    expect(fromJapanese).not.toContain('`tennis`');

    const fromEnglish = allText((await tb.command('find tennis', 'U12CALL')).json);
    for (const user of ['U12EN', 'U12JA', 'U12HIRA', 'U12HALF']) expect(fromEnglish).toContain(`<@${user}>`);
    expect(fromEnglish).toContain('(4)');
    expect(fromEnglish).toContain('`tennis`');
    expect(fromEnglish).not.toContain('テニス');
    // The caller's own English "design" is the Japanese member's デザイン.
    expect(allText((await tb.command('find デザイン', 'U12EN')).json)).toContain('<@U12CALL>');
  });

  it('shows each member the tag in their own language', async () => {
    await member(tb, 'U12EN', 'テニス, 営業, HR', 'en-US');
    await member(tb, 'U12JA', 'tennis, sales, ＡＩ', 'ja-JP');
    expect(TestBot.replyText(await tb.command('interests', 'U12EN'))).toBe(
      'Your interests: `human resources`, `sales`, `tennis`',
    );
    const ja = TestBot.replyText(await tb.command('interests', 'U12JA'));
    expect(ja).toContain('`人工知能`、`営業`、`テニス`');
    // Adding the same interest in the other language is "already had", not a second tag.
    const again = TestBot.replyText(await tb.command('interests add てにす', 'U12JA'));
    expect(again).toContain('`テニス`');
    expect(again).toContain('変更はありません');
    expect(await tagsOf(tb, 'U12JA')).toEqual(['artificial intelligence', 'sales', 'tennis']);
    // Removing works in either language too.
    await tb.command('interests remove Sales', 'U12JA');
    expect(await tagsOf(tb, 'U12JA')).toEqual(['artificial intelligence', 'tennis']);
  });

  it('moves tags stored under an old spelling to their key on the next tick, so they match', async () => {
    await member(tb, 'U12EN', 'tennis', 'en-US');
    await member(tb, 'U12OLD', 'golf', 'ja-JP');
    // How an earlier version stored a Japanese tag: as typed. This member also has the key already.
    for (const tag of ['テニス', 'ゴルフ']) {
      await tb.run(
        'INSERT INTO member_interests (user_id, tag, added_at) VALUES (?, ?, ?)',
        'U12OLD',
        tag,
        '2026-01-01T00:00:00.000Z',
      );
    }
    await tb.tick();
    expect(await tagsOf(tb, 'U12OLD')).toEqual(['golf', 'tennis']);
    expect(allText((await tb.command('find tennis', 'U12EN')).json)).toContain('<@U12OLD>');
  });

  it('the intro preview and the intro see the interest two members share across languages', async () => {
    tb.clock.set('2026-11-26T01:00:00Z');
    await tb.agree(ADMIN);
    await introMember(tb, 'U12IEN', { name: 'Emma', from: '2015', interests: 'tennis', locale: 'en-US' });
    await introMember(tb, 'U12IJA', { name: 'Kenji', from: '2016', interests: 'テニス', locale: 'ja-JP' });

    const preview = allText((await tb.command('intros preview', ADMIN)).json);
    expect(preview).toContain('<@U12IEN>, <@U12IJA>');
    expect(preview).toContain('`tennis`');
    expect(preview).not.toContain('no shared interests');

    await tickAt(tb, ROUND_1);
    const intro = textOf(introTo(tb, 'U12IEN'));
    // Written for both readers: each language's part names the interest in that language.
    expect(intro).toContain('`tennis`');
    expect(intro).toContain('`テニス`');
  });

  it('talent finds members open to coming back whose interests match in the other language', async () => {
    tb.fake.setUser(HR, { locale: 'ja-JP' });
    await setUpHr(tb);
    await introMember(tb, 'U12TEN', {
      name: 'Tom',
      from: '2014',
      interests: 'machine learning, tennis',
      openTo: ['comeback'],
      intros: false,
      locale: 'en-US',
    });
    const found = allText((await tb.command('talent 機械学習', HR)).json);
    expect(found).toContain('<@U12TEN>');
    expect(found).toContain('`機械学習`');
    expect(found).not.toContain('`machine learning`');
  });

  it('a digest offers a role tagged デザイン to a member who follows design, and shows each reader their word', async () => {
    await setUpHr(tb);
    await member(tb, 'U12DEN', 'design', 'en-US');
    await member(tb, 'U12DJA', 'デザイン', 'ja-JP');
    await postJob(tb, { title: 'Product designer', tags: 'デザイン, ＵＸ' }, HR);
    expect(
      (await tb.rows<{ tag: string }>('SELECT tag FROM job_tags ORDER BY tag')).map((row) => row.tag),
    ).toEqual(['design', 'user experience']);

    await tb.command('digest daily', 'U12DEN');
    await tb.command('digest daily', 'U12DJA');
    tb.clock.set('2026-11-25T00:00:00.000Z'); // 09:00 in Tokyo: the daily digests go out
    await tb.tick();
    await tb.tick();
    const digestTo = (user: string): string =>
      allText(
        tb.fake
          .callsTo('chat.postMessage')
          .find((c) => c.args.channel === user && (keyOf(c) ?? '').startsWith('digest:'))?.args,
      );
    expect(digestTo('U12DEN')).toContain('Product designer');
    expect(digestTo('U12DEN')).toContain('`design`');
    expect(digestTo('U12DJA')).toContain('Product designer');
    expect(digestTo('U12DJA')).toContain('`デザイン`');
  });
});
