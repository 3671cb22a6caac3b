import { TestBot, allText } from '../support/testBot';

describe('/alumni find', () => {
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

  const setVisibility = async (user: string, visibility: string): Promise<void> => {
    await tb.run('UPDATE members SET visibility = ? WHERE user_id = ?', visibility, user);
  };

  beforeAll(async () => {
    // A small community: who shares "product management" and how visible they are.
    const members: [string, string][] = [
      ['U3FND01', 'product management, design, python'],
      ['U3FND02', 'pm, design'],
      ['U3FND03', 'product marketing'],
      ['U3FNDHID', 'product management'],
      ['U3FNDSTF', 'product management'],
      ['U3FNDCAL', 'design, python'],
    ];
    for (const [user, tags] of members) {
      await tb.agree(user);
      await tb.command(`interests add ${tags}`, user);
    }
    await setVisibility('U3FNDHID', 'nobody');
    await setVisibility('U3FNDSTF', 'staff');
  });

  it('finds members who share the interest, best first, with their shared tags, never the caller or hidden members', async () => {
    const response = await tb.command('find Product Management', 'U3FNDCAL');
    const text = allText(response.json);
    expect(text).toContain('(3)');
    const first = text.indexOf('<@U3FND01>');
    const second = text.indexOf('<@U3FND02>');
    const partial = text.indexOf('<@U3FND03>');
    expect(first).toBeGreaterThan(-1);
    // Both have the exact tag ("pm" was merged into it); U3FND01 also shares design and python
    // with the caller. "product marketing" only shares a word, so it comes last.
    expect(first).toBeLessThan(second);
    expect(second).toBeLessThan(partial);
    expect(text).toContain('`product management`, `design`, `python`');
    expect(text).not.toContain('U3FNDHID');
    expect(text).not.toContain('U3FNDSTF');
    expect(text).not.toContain('U3FNDCAL');
  });

  it('shows staff-only profiles to HR and admins', async () => {
    await tb.agree('UADMIN01');
    const response = await tb.command('find pm', 'UADMIN01');
    const text = allText(response.json);
    expect(text).toContain('U3FNDSTF');
    expect(text).not.toContain('U3FNDHID');
  });

  it('matches profile text too', async () => {
    await tb.run("UPDATE members SET location = 'Osaka' WHERE user_id = 'U3FND03'");
    const response = await tb.command('find osaka', 'U3FNDCAL');
    expect(allText(response.json)).toContain('<@U3FND03>');
  });

  it('caps results at 20 and says so', async () => {
    for (let i = 0; i < 23; i += 1) {
      const user = `U3MANY${String(i).padStart(2, '0')}`;
      await tb.agree(user);
      await tb.command('interests add chess', user);
    }
    const response = await tb.command('find chess', 'U3FNDCAL');
    const text = allText(response.json);
    expect(text).toContain('(23)');
    expect(text.match(/<@U3MANY/g)).toHaveLength(20);
    expect(text).toContain('Showing the best 20');
  });

  it('says so when nobody matches, escaping what was typed', async () => {
    const response = await tb.command('find <!channel> underwater basket weaving', 'U3FNDCAL');
    const text = allText(response.json);
    expect(text).toContain('Nobody matches');
    expect(text).not.toContain('<!channel>');
  });

  it('answers in Japanese', async () => {
    tb.fake.setUser('U3FNDJA', { locale: 'ja-JP' });
    await tb.agree('U3FNDJA');
    const response = await tb.command('find design', 'U3FNDJA');
    expect(allText(response.json)).toContain('に一致するアルムナイ');
  });

  it.each([
    ['find', 'Tell me what to look for'],
    [`find ${'q'.repeat(101)}`, 'longer than 100'],
  ])('bad input %s → a clear message, nothing changed', async (text, expected) => {
    const before = await tb.snapshot();
    const response = await tb.command(text, 'U3FNDCAL');
    expect(allText(response.json)).toContain(expected);
    expect(await tb.snapshot()).toBe(before);
  });
});
