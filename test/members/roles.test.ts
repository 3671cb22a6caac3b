import { TestBot, allText, ADMIN } from '../support/testBot';

describe('roles', () => {
  let tb: TestBot;
  beforeAll(async () => {
    tb = await TestBot.start();
    await tb.agree(ADMIN);
  });
  afterAll(async () => {
    await tb.stop();
  });
  afterEach(() => {
    expect(tb.fake.violations).toEqual([]);
  });

  const rolesOf = async (user: string): Promise<string[]> =>
    (
      await tb.rows<{ role: string }>('SELECT role FROM member_roles WHERE user_id = ? ORDER BY role', user)
    ).map((row) => row.role);

  it('an admin grants and removes roles, written as Slack escapes mentions', async () => {
    const granted = await tb.command('role add <@U4ROL01|aiko> organizer', ADMIN);
    expect(TestBot.replyText(granted)).toBe('<@U4ROL01> is now an organizer.');
    expect(await rolesOf('U4ROL01')).toEqual(['organizer']);
    const again = await tb.command('role add <@U4ROL01|aiko> Organizer', ADMIN);
    expect(TestBot.replyText(again)).toContain('already has');
    await tb.command('role add <@U4ROL01> hr', ADMIN);
    expect(await rolesOf('U4ROL01')).toEqual(['hr', 'organizer']);
    const removed = await tb.commandConfirmed('role remove <@U4ROL01|aiko> organizer', ADMIN);
    expect(TestBot.replyText(removed)).toContain('no longer has');
    expect(await rolesOf('U4ROL01')).toEqual(['hr']);
    const row = await tb.row("SELECT granted_by FROM member_roles WHERE user_id = 'U4ROL01'");
    expect(row).toEqual({ granted_by: ADMIN });
  });

  it('lists roles, marking admins who come from settings', async () => {
    await tb.command('role add <@U4ROL02|ken> admin', ADMIN);
    const response = await tb.command('roles', ADMIN);
    const text = allText(response.json);
    expect(text).toContain(`<@${ADMIN}> (from settings)`);
    expect(text).toContain('<@U4ROL02>');
  });

  it('an admin granted later can grant too; a configured admin cannot be removed by command', async () => {
    await tb.command('role add <@U4ROL03|mai> admin', ADMIN);
    await tb.agree('U4ROL03');
    const response = await tb.command('role add <@U4ROL04|jun> hr', 'U4ROL03');
    expect(TestBot.replyText(response)).toContain('is now HR');
    const refused = await tb.commandConfirmed(`role remove <@${ADMIN}> admin`, 'U4ROL03');
    expect(TestBot.replyText(refused)).toContain('ADMIN_USER_IDS');
  });

  it('refuses members without the admin role, naming the role, and changes nothing', async () => {
    await tb.agree('U4ROLNO');
    for (const text of ['role add <@U4ROL05|x> admin', 'role remove <@U4ROL01|aiko> hr', 'roles']) {
      const before = await tb.snapshot();
      const response = await tb.command(text, 'U4ROLNO');
      expect(TestBot.replyText(response)).toBe(
        'Only members with the admin role can do that. Ask an admin if you need it.',
      );
      expect(await tb.snapshot()).toBe(before);
    }
  });

  it('refuses in Japanese too', async () => {
    tb.fake.setUser('U4ROLJA', { locale: 'ja-JP' });
    await tb.agree('U4ROLJA');
    const response = await tb.command('roles', 'U4ROLJA');
    expect(TestBot.replyText(response)).toContain('管理者のロールを持つメンバーだけ');
  });

  it('a plain @name typed by hand is not taken for a mention, in Japanese too; nothing changes', async () => {
    tb.fake.setUser('U4ROLJB', { locale: 'ja-JP' });
    await tb.command('role add <@U4ROLJB|jun> admin', ADMIN);
    await tb.agree('U4ROLJB');
    const before = await tb.snapshot();
    const response = await tb.command('role add @bob organizer', 'U4ROLJB');
    expect(allText(response.json)).toContain(
      '@bob はメンションではありません。Slack の @ の候補から相手を選んでください。',
    );
    expect(await tb.snapshot()).toBe(before);
  });

  it.each([
    ['role add @bob organizer', "@bob is not a mention: pick the person from Slack's @ list."],
    ['role remove ＠bob hr', "@bob is not a mention: pick the person from Slack's @ list."],
    ['job hired 12 @ken', "@ken is not a mention: pick the person from Slack's @ list."],
    ['job contacts 12 <@U4ROL01|aiko> @ken', "@ken is not a mention: pick the person from Slack's @ list."],
    ['role add aiko organizer', 'Mention the member with @'],
    ['role add <@U4ROL01|aiko> wizard', '“wizard” is not a role'],
    ['role add <@U4ROL01|aiko>', 'is not a role'],
    ['role grant <@U4ROL01|aiko> hr', '/alumni role add @someone organizer'],
    ['role add <@U4ROL01|aiko> hr extra', '/alumni role add @someone organizer'],
    ['role add <#C123|general> hr', 'Mention the member with @'],
  ])('bad input %s → a clear message, nothing changed', async (text, expected) => {
    const before = await tb.snapshot();
    const response = await tb.command(text, ADMIN);
    expect(allText(response.json)).toContain(expected);
    expect(await tb.snapshot()).toBe(before);
  });
});
