import { ADMIN, TestBot, allText } from '../support/testBot';
import { buttons } from '../support/blocks';
import { OSAKA, TOKYO, channelLink, createChapter, member, membersOf, userLink } from './support';

// Issue 14 §4: admins create chapters (a channel and leads); members join and leave them by
// `chapters join|leave <name>` or from App Home; names match case-insensitively, with a "did you
// mean" for a near miss. Every admin decision is in the audit trail with its author.

const AIKO = 'U14CHAIK';
const KEN = 'U14CHKEN';
const SHY = 'U14CHSHY';

const replyOf = (response: { json: unknown }): string => allText(response.json);

describe('chapters: create, join, leave', () => {
  let tb: TestBot;
  beforeEach(async () => {
    tb = await TestBot.start();
    await tb.agree(ADMIN);
    await member(tb, AIKO, 'design');
    await member(tb, KEN, 'design');
  });
  afterEach(async () => {
    expect(tb.fake.violations).toEqual([]);
    await tb.stop();
  });

  it('an admin creates a chapter (audited with its author); anyone else is refused and nothing is saved', async () => {
    const before = await tb.snapshot();
    const refused = await tb.command(`chapters create Tokyo ${channelLink(TOKYO, 'tokyo')}`, AIKO);
    expect(replyOf(refused)).toContain('Only members with the admin role can do that');
    expect(await tb.snapshot()).toBe(before);

    const created = await tb.command(`chapters create Tokyo ${channelLink(TOKYO, 'tokyo')}`, ADMIN);
    expect(replyOf(created)).toContain(`Chapter *Tokyo* created, meeting in <#${TOKYO}>`);
    expect(await tb.rows('SELECT name, name_key, channel_id, status FROM chapters')).toEqual([
      { name: 'Tokyo', name_key: 'tokyo', channel_id: TOKYO, status: 'active' },
    ]);
    expect(await tb.rows('SELECT actor_id, action, subject_id FROM chapter_actions')).toEqual([
      { actor_id: ADMIN, action: 'created', subject_id: null },
    ]);

    // The same name in other letters, or the same channel: refused by the database's unique keys.
    const again = await tb.command(`chapters create TOKYO ${channelLink(OSAKA, 'osaka')}`, ADMIN);
    expect(replyOf(again)).toContain('There is already a chapter called *Tokyo*');
    const sameChannel = await tb.command(`chapters create Kanto ${channelLink(TOKYO, 'tokyo')}`, ADMIN);
    expect(replyOf(sameChannel)).toContain('That channel already belongs to the chapter *Tokyo*');
    expect(await tb.row('SELECT count(*) AS n FROM chapters')).toEqual({ n: 1 });
  });

  it.each([
    ['chapters create Tokyo #tokyo', 'Name the chapter’s channel as a link'],
    ['chapters create Tokyo', 'Name the chapter’s channel as a link'],
    [`chapters create ${'x'.repeat(61)} ${channelLink(TOKYO, 'tokyo')}`, 'at most 60 characters'],
    ['chapters lead add Tokyo @aiko', '@aiko is not a mention'],
    ['chapters lead add Tokyo', 'Name the lead with a mention'],
    [`chapters lead add ${userLink(AIKO)}`, 'Name the chapter'],
    ['chapters join', 'Name the chapter, e.g. `chapters join Tokyo`'],
    ['chapters frob', '`chapters join <name>`'],
  ])('bad input %s → a clear message, nothing changed', async (text, expected) => {
    const before = await tb.snapshot();
    expect(replyOf(await tb.command(text, ADMIN))).toContain(expected);
    expect(await tb.snapshot()).toBe(before);
  });

  it('members join and leave by name, in any letters; a near miss gets “did you mean”', async () => {
    const tokyo = await createChapter(tb, 'Tokyo', TOKYO);
    await createChapter(tb, 'Product Managers', OSAKA);
    const joined = await tb.command('chapters join tokyo', AIKO);
    expect(replyOf(joined)).toContain('You joined the chapter *Tokyo*');
    expect(replyOf(await tb.command('chapters join TOKYO', AIKO))).toContain(
      'You are already a member of *Tokyo*',
    );
    expect(await membersOf(tb, tokyo)).toEqual([AIKO]);

    const before = await tb.snapshot();
    expect(replyOf(await tb.command('chapters join Tokio', KEN))).toContain(
      'There is no chapter called “Tokio”. Did you mean *Tokyo*?',
    );
    expect(replyOf(await tb.command('chapters join product  managers', KEN))).toContain(
      'You joined the chapter *Product Managers*',
    );
    expect(replyOf(await tb.command('chapters leave Nagoya', KEN))).toContain(
      'There is no chapter called “Nagoya”. Type `chapters` to see them all.',
    );
    expect(await tb.snapshot()).not.toBe(before);

    // The list counts members: one visible member is counted, and the reader sees where they stand.
    const list = replyOf(await tb.command('chapters', AIKO));
    expect(list).toContain(`*Tokyo* · <#${TOKYO}> · 1 member · _you are a member_`);
    expect(list).toContain(`*Product Managers* · <#${OSAKA}> · 1 member`);

    expect(replyOf(await tb.command('chapters leave Tokyo', AIKO))).toContain('You left the chapter *Tokyo*');
    expect(replyOf(await tb.command('chapters leave Tokyo', AIKO))).toContain(
      'You are not a member of *Tokyo*',
    );
    expect(await membersOf(tb, tokyo)).toEqual([]);
  });

  it('a hidden member is not counted alone in the list', async () => {
    await member(tb, SHY, 'design', { visibility: 'nobody' });
    const tokyo = await createChapter(tb, 'Tokyo', TOKYO);
    await tb.command('chapters join Tokyo', SHY);
    expect(await membersOf(tb, tokyo)).toEqual([SHY]);
    expect(replyOf(await tb.command('chapters', AIKO))).toContain(`*Tokyo* · <#${TOKYO}> · 0 members`);
    await tb.command('chapters join Tokyo', AIKO);
    // Two of them, one hidden: still only the visible one (hidden members count only in company of three).
    expect(replyOf(await tb.command('chapters', KEN))).toContain(`*Tokyo* · <#${TOKYO}> · 1 member`);
    await tb.command('chapters join Tokyo', KEN);
    expect(replyOf(await tb.command('chapters', KEN))).toContain('3 members');
  });

  it('App Home lists chapters with Join and Leave; a press joins or leaves and Home is published again', async () => {
    const tokyo = await createChapter(tb, 'Tokyo', TOKYO);
    await tb.homeOpened(AIKO);
    const home = tb.fake.callsTo('views.publish').at(-1)?.args;
    expect(allText(home)).toContain(`*Tokyo* · <#${TOKYO}> · 0 members`);
    expect(buttons(home).filter((b) => b.action_id === 'chapter.join')).toMatchObject([
      { value: String(tokyo) },
    ]);

    const published = tb.fake.callsTo('views.publish').length;
    await tb.press('chapter.join', AIKO, 'home', String(tokyo));
    expect(await membersOf(tb, tokyo)).toEqual([AIKO]);
    const after = tb.fake.callsTo('views.publish');
    expect(after.length).toBe(published + 1);
    expect(buttons(after.at(-1)?.args).filter((b) => b.action_id === 'chapter.leave')).toMatchObject([
      { value: String(tokyo) },
    ]);

    await tb.press('chapter.leave', AIKO, 'home', String(tokyo));
    expect(await membersOf(tb, tokyo)).toEqual([]);

    // A chapter archived since, or a forged value: a clear answer, nothing saved.
    await tb.commandConfirmed('chapters archive Tokyo', ADMIN);
    const before = await tb.snapshot();
    await tb.press('chapter.join', AIKO, 'home', String(tokyo));
    await tb.press('chapter.join', AIKO, 'home', 'not-a-number');
    expect(await tb.snapshot()).toBe(before);
    const answers = tb.fake
      .callsTo('chat.postMessage')
      .concat(tb.fake.callsTo('chat.postEphemeral'))
      .filter((call) => call.args.channel === AIKO || call.args.user === AIKO);
    expect(answers.slice(-2).map((call) => allText(call.args))).toEqual([
      expect.stringContaining('That chapter has been archived'),
      expect.stringContaining('That chapter has been archived'),
    ]);
  });

  it('admins name and remove leads and archive chapters; each decision is audited with its author', async () => {
    const tokyo = await createChapter(tb, 'Tokyo', TOKYO);
    expect(replyOf(await tb.command(`chapters lead add tokyo ${userLink(AIKO)}`, KEN))).toContain(
      'Only members with the admin role',
    );
    expect(replyOf(await tb.command(`chapters lead add tokyo ${userLink(AIKO)}`, ADMIN))).toContain(
      `<@${AIKO}> now leads *Tokyo*`,
    );
    // A lead is a member of their chapter.
    expect(await membersOf(tb, tokyo)).toEqual([AIKO]);
    expect(replyOf(await tb.command(`chapters lead add Tokyo ${userLink(AIKO)}`, ADMIN))).toContain(
      'already leads',
    );
    expect(replyOf(await tb.command(`chapters lead remove Tokyo ${userLink(AIKO)}`, ADMIN))).toContain(
      `<@${AIKO}> no longer leads *Tokyo*`,
    );
    expect(replyOf(await tb.command(`chapters lead remove Tokyo ${userLink(AIKO)}`, ADMIN))).toContain(
      'does not lead',
    );
    expect(replyOf(await tb.command('chapters archive Tokyo', KEN))).toContain(
      'Only members with the admin role',
    );
    const archived = await tb.commandConfirmed('chapters archive Tokyo', ADMIN);
    expect(replyOf(archived)).toContain('Chapter *Tokyo* archived');
    expect(replyOf(await tb.command('chapters', KEN))).toContain('There are no chapters yet.');
    expect(await tb.rows('SELECT actor_id, action, subject_id FROM chapter_actions ORDER BY id')).toEqual([
      { actor_id: ADMIN, action: 'created', subject_id: null },
      { actor_id: ADMIN, action: 'lead_added', subject_id: AIKO },
      { actor_id: ADMIN, action: 'lead_removed', subject_id: AIKO },
      { actor_id: ADMIN, action: 'archived', subject_id: null },
    ]);
    // An archived chapter frees its name and channel.
    await createChapter(tb, 'Tokyo', TOKYO);
  });
});
