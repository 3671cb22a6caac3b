import { TestBot, allText } from '../support/testBot';

describe('/alumni interests', () => {
  let tb: TestBot;
  beforeAll(async () => {
    tb = await TestBot.start();
  });
  afterAll(async () => {
    await tb.stop();
  });
  afterEach(() => {
    expect(tb.fake.violations).toEqual([]);
  });

  const tagsOf = async (user: string): Promise<string[]> =>
    (
      await tb.rows<{ tag: string }>('SELECT tag FROM member_interests WHERE user_id = ? ORDER BY tag', user)
    ).map((row) => row.tag);

  it('adds normalised tags: full-width, case, spacing and synonyms merge', async () => {
    await tb.agree('U1INT01');
    const response = await tb.command(
      'interests add ＴｙｐｅＳｃｒｉｐｔ, JS ,  Product   Manager, #K8s、機械学習',
      'U1INT01',
    );
    expect(response.status).toBe(200);
    expect(await tagsOf('U1INT01')).toEqual([
      'javascript',
      'kubernetes',
      'machine learning',
      'product management',
      'typescript',
    ]);
    expect(TestBot.replyText(response)).toContain('You now have 5 interests');
    // Saying the same thing again changes nothing and says so.
    const again = await tb.command('interests add typescript, ts', 'U1INT01');
    expect(TestBot.replyText(again)).toContain('already had');
    expect(await tagsOf('U1INT01')).toHaveLength(5);
  });

  it('lists and removes', async () => {
    await tb.agree('U1INT02');
    await tb.command('interests add design, python, tennis', 'U1INT02');
    const list = await tb.command('interests', 'U1INT02');
    expect(TestBot.replyText(list)).toMatch(/design.*python.*tennis/);
    const removed = await tb.command('interests remove Python, golf', 'U1INT02');
    expect(TestBot.replyText(removed)).toContain('Removed: `python`');
    expect(TestBot.replyText(removed)).toContain('did not have: `golf`');
    expect(await tagsOf('U1INT02')).toEqual(['design', 'tennis']);
  });

  it('answers in Japanese for a ja-JP member', async () => {
    tb.fake.setUser('U1INTJA', { locale: 'ja-JP' });
    await tb.agree('U1INTJA');
    const response = await tb.command('interests add デザイン', 'U1INTJA');
    expect(TestBot.replyText(response)).toContain('追加しました');
    const none = await tb.command('interests remove テニス', 'U1INTJA');
    expect(TestBot.replyText(none)).toContain('登録されていません');
  });

  describe('bad input: a clear message and nothing saved', () => {
    const user = 'U1INTBAD';
    beforeAll(async () => {
      await tb.agree(user);
      await tb.command('interests add one', user);
    });

    it.each([
      ['interests add', 'Tell me which interests'],
      ['interests add  ,  , ', 'Tell me which interests'],
      [`interests add ${'x'.repeat(51)}`, 'longer than 50 characters'],
      [`interests add ${Array.from({ length: 30 }, (_, i) => `tag${i}`).join(', ')}`, 'the limit is 30'],
      ['interests frobnicate', '/alumni interests add design, python'],
      ['interests remove', 'Tell me which interests'],
    ])('%s', async (text, expected) => {
      const before = await tb.snapshot();
      const response = await tb.command(text, user);
      expect(response.status).toBe(200);
      expect((response.json as { response_type?: string }).response_type).toBe('ephemeral');
      expect(allText(response.json)).toContain(expected);
      expect(await tb.snapshot()).toBe(before);
    });
  });
});
