import { ADMIN, TestBot, allText } from '../support/testBot';
import { record, buttons, actionIds, type Json } from '../support/blocks';
import community from '../../content/community.json';

function text(value: string): Json {
  return { value: { type: 'plain_text_input', value } };
}

function fullProfile(name: string): Json {
  return {
    'profile.display_name': text(name),
    'profile.years_from': { value: { type: 'number_input', value: '2015' } },
    'profile.years_to': { value: { type: 'number_input', value: '2021' } },
    'profile.company': text('Acme'),
    'profile.title': text('Designer'),
    'profile.location': text('Kyoto'),
    'profile.bio': text('Hello there'),
    'profile.interests': text('Design, golang'),
    'profile.open_to': {
      value: { type: 'checkboxes', selected_options: [{ value: 'mentoring' }, { value: 'comeback' }] },
    },
    'profile.visibility': { value: { type: 'radio_buttons', selected_option: { value: 'all' } } },
  };
}

/** A member with every kind of row: profile, interests, open-to flags, a role granted by an admin, a cached locale. */
async function memberWithEverything(tb: TestBot, user: string, name: string): Promise<void> {
  await tb.agree(user);
  const saved = await tb.submit('profile.modal', fullProfile(name), user);
  expect(record(saved.json).response_action).toBe('update');
  const granted = await tb.command(`role add <@${user}|${name.toLowerCase()}> organizer`, ADMIN);
  expect(TestBot.replyText(granted)).toBe(`<@${user}> is now an organizer.`);
}

/** Every row naming the member, without the activity timestamp that any command may touch. */
async function storedAbout(tb: TestBot, user: string): Promise<{ table: string; row: Json }[]> {
  return (await tb.rowsMentioning(user)).map(({ table, row }) => {
    const { last_active_at: _ignored, ...rest } = row;
    return { table, row: rest };
  });
}

function exportedJson(tb: TestBot): Json {
  const upload = tb.fake.uploads[tb.fake.uploads.length - 1];
  expect(upload).toBeDefined();
  return record(JSON.parse(upload?.content.toString('utf8') ?? 'null'));
}

describe('privacy', () => {
  let tb: TestBot;
  beforeAll(async () => {
    tb = await TestBot.start();
    // The admin grants roles with /alumni role, which needs the agreement like any command.
    await tb.agree(ADMIN);
  });
  afterAll(async () => {
    await tb.stop();
  });
  beforeEach(() => {
    tb.fake.reset();
  });

  it('/alumni privacy export sends everything stored as a JSON file in the DM', async () => {
    const user = 'U3P0EX';
    await memberWithEverything(tb, user, 'Aiko');
    tb.fake.reset();

    const response = await tb.command('privacy export', user);
    expect(TestBot.replyText(response)).toBe(
      'Preparing your data export; it will arrive in a direct message in a moment.',
    );
    expect(record(response.json).response_type).toBe('ephemeral');

    const opened = tb.fake.callsTo('conversations.open');
    expect(opened).toHaveLength(1);
    expect(opened[0]?.args.users).toBe(user);
    expect(tb.fake.callsTo('files.getUploadURLExternal')).toHaveLength(1);
    expect(tb.fake.uploads).toHaveLength(1);
    const completed = tb.fake.callsTo('files.completeUploadExternal');
    expect(completed).toHaveLength(1);
    expect(completed[0]?.args.channel_id).toBe(`D${user}`);
    expect(completed[0]?.args.initial_comment).toBe(
      'Here is every piece of data Homecoming stores about you, as JSON.',
    );
    const methods = tb.fake.calls.map((call) => call.method).filter((method) => method !== 'users.info');
    expect(methods).toEqual([
      'conversations.open',
      'files.getUploadURLExternal',
      'files.completeUploadExternal',
    ]);

    const data = exportedJson(tb);
    expect(data.userId).toBe(user);
    expect(data.exportedAt).toBe(tb.clock.now().toISOString());
    const member = record(data.member);
    expect(member).toMatchObject({
      user_id: user,
      display_name: 'Aiko',
      years_from: 2015,
      years_to: 2021,
      company: 'Acme',
      title: 'Designer',
      location: 'Kyoto',
      bio: 'Hello there',
      visibility: 'all',
      agreed_version: community.version,
    });
    expect(data.interests).toEqual([
      { tag: 'design', addedAt: tb.clock.now().toISOString() },
      { tag: 'go', addedAt: tb.clock.now().toISOString() },
    ]);
    // Each "open to" flag holds for 90 days from the save (then the member is asked again).
    const until = new Date(tb.clock.now().getTime() + 90 * 86_400_000).toISOString();
    expect(data.openTo).toEqual([
      { flag: 'comeback', since: tb.clock.now().toISOString(), expiresAt: until, askedAt: null },
      { flag: 'mentoring', since: tb.clock.now().toISOString(), expiresAt: until, askedAt: null },
    ]);
    expect(data.roles).toEqual([{ role: 'organizer', grantedAt: tb.clock.now().toISOString() }]);
    expect(data.language).toBe('en-US');

    expect(tb.fake.responses).toHaveLength(1);
    expect(tb.fake.responses[0]?.body.text).toBe('Your data export is in your direct messages with me.');
    expect(tb.fake.violations).toEqual([]);
  });

  it('/alumni privacy export works in Japanese', async () => {
    const user = 'U3P0JA';
    tb.fake.setUser(user, { locale: 'ja-JP' });
    await tb.agree(user);
    // An interest with no English pair, so it is stored (and exported) as typed.
    await tb.command('interests add けん玉', user);
    tb.fake.reset();

    const response = await tb.command('privacy export', user);
    expect(TestBot.replyText(response)).toBe(
      'データのエクスポートを準備しています。まもなくダイレクトメッセージで届きます。',
    );
    const completed = tb.fake.callsTo('files.completeUploadExternal');
    expect(completed).toHaveLength(1);
    expect(completed[0]?.args.channel_id).toBe(`D${user}`);
    expect(completed[0]?.args.initial_comment).toBe(
      'Homecoming があなたについて保存しているすべてのデータ（JSON）です。',
    );
    const data = exportedJson(tb);
    expect(data.language).toBe('ja-JP');
    expect(data.interests).toEqual([{ tag: 'けん玉', addedAt: tb.clock.now().toISOString() }]);
    expect(tb.fake.responses[0]?.body.text).toBe(
      'データのエクスポートを私とのダイレクトメッセージに送りました。',
    );
    expect(tb.fake.violations).toEqual([]);
  });

  it('/alumni privacy delete asks first, behind a confirm dialog, and erases nothing yet', async () => {
    const user = 'U3P0AS';
    await memberWithEverything(tb, user, 'Kenji');
    tb.fake.reset();
    const before = await storedAbout(tb, user);
    expect(before.length).toBeGreaterThan(0);

    const response = await tb.command('privacy delete', user);
    expect(TestBot.replyText(response)).toBe(
      'Do you want to erase all your data from Homecoming? Press the button to confirm.',
    );
    const shown = buttons(response.json);
    expect(shown.map((button) => button.action_id)).toEqual(['privacy.delete']);
    const button = shown[0] ?? {};
    expect(button.style).toBe('danger');
    const confirm = record(button.confirm);
    expect(allText(confirm.title)).toBe('Erase your data?');
    expect(allText(confirm.text)).toContain('It cannot be undone.');
    expect(allText(confirm.confirm)).toBe('Erase everything');
    expect(allText(confirm.deny)).toBe('Keep my data');
    expect(confirm.style).toBe('danger');

    // Asking erases nothing (the command may only note the member's activity).
    expect(await storedAbout(tb, user)).toEqual(before);
    expect(tb.fake.violations).toEqual([]);
  });

  it('pressing "Delete my data" erases every row about the member and replaces the message', async () => {
    const user = 'U3P0DL';
    await memberWithEverything(tb, user, 'Mika');
    const tables = new Set((await tb.rowsMentioning(user)).map((found) => found.table));
    expect(tables).toEqual(
      new Set([
        'members',
        'member_interests',
        'member_availability',
        'member_roles',
        'user_locales',
        'member_search',
      ]),
    );
    const other = 'U3P0KP';
    await tb.agree(other);
    const othersRows = await tb.rowsMentioning(other);
    tb.fake.reset();

    const response = await tb.press('privacy.delete', user);
    expect(response.status).toBe(200);
    expect(await tb.rowsMentioning(user)).toEqual([]);
    expect(await tb.rowsMentioning(other)).toEqual(othersRows);

    expect(tb.fake.responses).toHaveLength(1);
    const body = tb.fake.responses[0]?.body ?? {};
    expect(body.replace_original).toBe(true);
    expect(body.text).toBe(
      'Done: everything Homecoming stored about you has been erased. If you use the bot again you will start afresh.',
    );
    // Erased means erased: the member must agree again before using the bot.
    const again = await tb.command('interests add chess', user);
    expect(actionIds(again.json)).toEqual(['onboarding.agree']);
    expect(tb.fake.violations).toEqual([]);
  });

  it('erasing a member who granted a role keeps the grant but forgets who made it', async () => {
    const grantor = 'U3P0GR';
    const grantee = 'U3P0GE';
    await tb.agree(grantor);
    const madeAdmin = await tb.command(`role add <@${grantor}|grantor> admin`, ADMIN);
    expect(TestBot.replyText(madeAdmin)).toBe(`<@${grantor}> is now an admin.`);
    const granted = await tb.command(`role add <@${grantee}|grantee> hr`, grantor);
    expect(TestBot.replyText(granted)).toBe(`<@${grantee}> is now HR.`);
    const roleRow = async (): Promise<
      { user_id: string; role: string; granted_by: string | null } | undefined
    > =>
      await tb.row<{ user_id: string; role: string; granted_by: string | null }>(
        'SELECT user_id, role, granted_by FROM member_roles WHERE user_id = ?',
        grantee,
      );
    expect(await roleRow()).toEqual({ user_id: grantee, role: 'hr', granted_by: grantor });
    tb.fake.reset();

    await tb.press('privacy.delete', grantor);
    expect(await tb.rowsMentioning(grantor)).toEqual([]);
    expect(await roleRow()).toEqual({ user_id: grantee, role: 'hr', granted_by: null });
    expect(tb.fake.violations).toEqual([]);
  });

  it('"Delete my data" in the Home privacy modal turns the modal into a confirmation and republishes a fresh Home', async () => {
    const user = 'U3P0MD';
    await memberWithEverything(tb, user, 'Sora');
    tb.fake.reset();

    await tb.press('privacy.open', user, 'home');
    expect(tb.fake.callsTo('views.open')).toHaveLength(1);
    await tb.press('privacy.delete', user, 'modal');

    const updates = tb.fake.callsTo('views.update');
    expect(updates).toHaveLength(1);
    expect(updates[0]?.args.view_id).toBe('V123');
    const modal = record(updates[0]?.args.view);
    expect(modal.callback_id).toBe('done.modal');
    expect(allText(modal.blocks)).toContain('everything Homecoming stored about you has been erased');

    const published = tb.fake.callsTo('views.publish');
    expect(published).toHaveLength(1);
    expect(published[0]?.args.user_id).toBe(user);
    const home = record(published[0]?.args.view);
    const shown = allText(home.blocks);
    expect(shown).not.toContain('Sora');
    expect(shown).toContain('Welcome to Homecoming');
    expect(actionIds(home.blocks)).toEqual(['onboarding.agree']);
    expect(tb.fake.responses).toEqual([]);

    expect(await tb.rowsMentioning(user)).toEqual([]);
    expect(tb.fake.violations).toEqual([]);
  });

  it('"Export my data" in the Home privacy modal sends the file and updates the modal', async () => {
    const user = 'U3P0MX';
    await tb.agree(user);
    tb.fake.reset();
    await tb.press('privacy.export', user, 'modal');
    expect(tb.fake.callsTo('files.completeUploadExternal')).toHaveLength(1);
    expect(exportedJson(tb).userId).toBe(user);
    const updates = tb.fake.callsTo('views.update');
    expect(updates).toHaveLength(1);
    expect(allText(record(updates[0]?.args.view).blocks)).toContain(
      'Your data export is in your direct messages with me.',
    );
    expect(tb.fake.violations).toEqual([]);
  });

  it('"privacy export" sent as a DM delivers the file and answers in the DM', async () => {
    const user = 'U3P0DM';
    await tb.agree(user);
    await tb.command('interests add sailing', user);
    tb.fake.reset();

    const response = await tb.dm('privacy export', user);
    expect(response.status).toBe(200);
    const completed = tb.fake.callsTo('files.completeUploadExternal');
    expect(completed).toHaveLength(1);
    expect(completed[0]?.args.channel_id).toBe(`D${user}`);
    const data = exportedJson(tb);
    expect(data.userId).toBe(user);
    expect(data.interests).toEqual([{ tag: 'sailing', addedAt: tb.clock.now().toISOString() }]);

    const posts = tb.fake.callsTo('chat.postMessage');
    expect(posts).toHaveLength(1);
    expect(posts[0]?.args.channel).toBe(`D${user}`);
    expect(posts[0]?.args.text).toBe(
      'Preparing your data export; it will arrive in a direct message in a moment.',
    );
    expect(tb.fake.responses).toEqual([]);
    expect(tb.fake.violations).toEqual([]);
  });

  it('"privacy export" works as a DM before the member has agreed', async () => {
    const user = 'U3P0NA';
    const response = await tb.dm('privacy export', user);
    expect(response.status).toBe(200);
    expect(tb.fake.callsTo('files.completeUploadExternal')).toHaveLength(1);
    const data = exportedJson(tb);
    expect(data.userId).toBe(user);
    expect(data.member).toBeNull();
    expect(tb.fake.violations).toEqual([]);
  });
});
