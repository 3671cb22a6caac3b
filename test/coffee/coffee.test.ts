import { TestBot, allText } from '../support/testBot';
import { HR, JOBS_CHANNEL, buttons, dmsTo, funnelRows, postJob, saveProfile, setUpHr } from '../jobs/support';
import {
  MEMBER,
  TEAM1,
  TEAM2,
  addConfirmedContacts,
  coffeeSteps,
  dmButtonValue,
  dmsWith,
  groupPosts,
  tag,
} from './support';

describe('coffee chats with the hiring team', () => {
  let tb: TestBot;
  let jobId: number;
  beforeEach(async () => {
    tb = await TestBot.start({ env: { JOBS_CHANNEL_ID: JOBS_CHANNEL } });
    await setUpHr(tb);
    jobId = await postJob(tb, { title: 'Design lead', tags: 'design, figma' });
    await tb.agree(MEMBER);
    await saveProfile(tb, MEMBER, 'all', 'design, golang');
  });
  afterEach(async () => {
    expect(tb.fake.violations).toEqual([]);
    await tb.stop();
  });

  /** The member presses I'm curious, then "Chat with someone on the team". */
  async function curiousAndAsk(member = MEMBER): Promise<void> {
    await tb.press('job.curious', member, 'message', String(jobId));
    const offer = await tb.fake.waitForResponse((r) =>
      allText(r.body).includes('Chat with someone on the team'),
    );
    expect(buttons(offer.body.blocks).find((b) => b.action_id === 'coffee.request')?.value).toBe(
      String(jobId),
    );
    await tb.press('coffee.request', member, 'message', String(jobId));
    await tb.fake.waitForResponse((r) =>
      allText(r.body).includes('I asked someone on the team behind “Design lead”'),
    );
    await tb.tick();
  }

  it('HR adds contacts, who get a DM to confirm; the list shows each one’s state; adding again sends nothing', async () => {
    const reply = await tb.command(`job contacts ${jobId} ${tag(TEAM1)} ${tag(TEAM2)}`, HR);
    expect(TestBot.replyText(reply)).toContain(
      `I asked <@${TEAM1}>, <@${TEAM2}> to confirm that they are happy to chat about “Design lead”`,
    );
    await tb.tick();
    for (const contact of [TEAM1, TEAM2]) {
      const dm = dmsWith(tb, contact, 'HR added you');
      expect(dm).toHaveLength(1);
      expect(allText(dm[0]?.args)).toContain(`*Design lead* (role #${jobId})`);
      expect(buttons(dm[0]?.args.blocks).map((b) => b.action_id)).toEqual([
        'coffee.invite.confirm',
        'coffee.invite.decline',
      ]);
    }
    await tb.press(
      'coffee.invite.confirm',
      TEAM1,
      'message',
      dmButtonValue(tb, TEAM1, 'coffee.invite.confirm'),
    );
    const confirmed = await tb.fake.waitForResponse((r) =>
      allText(r.body).includes('may now be offered a chat with you'),
    );
    expect(confirmed.body).toMatchObject({ replace_original: true });
    expect(buttons(confirmed.body.blocks)).toEqual([]);
    await tb.press(
      'coffee.invite.decline',
      TEAM2,
      'message',
      dmButtonValue(tb, TEAM2, 'coffee.invite.decline'),
    );
    await tb.fake.waitForResponse((r) => allText(r.body).includes('you will not be offered as a contact'));

    const list = TestBot.replyText(await tb.command(`job contacts ${jobId}`, HR));
    expect(list).toContain(`Team contacts for “Design lead” (role #${jobId})`);
    expect(list).toContain(`<@${TEAM1}>: confirmed`);
    expect(list).toContain(`<@${TEAM2}>: declined`);
    expect(list).toContain('Coffee chats: 0 requested · 0 held');

    const again = await tb.command(`job contacts ${jobId} ${tag(TEAM1)}`, HR);
    expect(TestBot.replyText(again)).toBe(`Already added: <@${TEAM1}> (confirmed).`);
    await tb.tick();
    expect(dmsWith(tb, TEAM1, 'HR added you')).toHaveLength(1);
  });

  it('without a confirmed contact, I’m curious offers no chat', async () => {
    await tb.command(`job contacts ${jobId} ${tag(TEAM1)}`, HR);
    await tb.press('job.curious', MEMBER, 'message', String(jobId));
    const reply = await tb.fake.waitForResponse((r) =>
      allText(r.body).includes('curious about “Design lead”'),
    );
    expect(buttons(reply.body.blocks)).toEqual([]);
    expect(allText(reply.body)).not.toContain('Chat with someone');
  });

  it('curious → offer → accept → the contact accepts → one group DM for the three, and the member is told', async () => {
    await addConfirmedContacts(tb, jobId, [TEAM1]);
    await curiousAndAsk();
    const ask = dmsWith(tb, TEAM1, `<@${MEMBER}> is curious about *Design lead*`);
    expect(ask).toHaveLength(1);
    const askId = dmButtonValue(tb, TEAM1, 'coffee.ask.accept');
    expect(await coffeeSteps(tb, jobId)).toEqual([{ user_id: MEMBER, step: 'chat_requested' }]);

    await tb.press('coffee.ask.accept', TEAM1, 'message', askId);
    await tb.fake.waitForResponse((r) =>
      allText(r.body).includes(`I am opening a group direct message with <@${MEMBER}>`),
    );
    // A double click changes nothing.
    await tb.press('coffee.ask.accept', TEAM1, 'message', askId);
    await tb.fake.waitForResponse((r) => allText(r.body).includes('You already answered this request'));
    await tb.tick();
    await tb.tick();

    const opens = tb.fake.callsTo('conversations.open').filter((c) => typeof c.args.users === 'string');
    expect(opens.map((c) => c.args.users)).toEqual([[HR, MEMBER, TEAM1].sort().join(',')]);
    const channel = (opens[0]?.response as { channel?: { id?: string } } | undefined)?.channel?.id;
    const posts = groupPosts(tb);
    expect(posts).toHaveLength(1);
    expect(posts[0]?.args.channel).toBe(channel);
    const text = allText(posts[0]?.args);
    expect(text).toContain(`<@${MEMBER}> is curious about *Design lead* (role #${jobId})`);
    expect(text).toContain(`<@${TEAM1}> from the team has kindly agreed`);
    expect(text).toContain(`<@${HR}> is the recruiter for the role.`);
    expect(text).toContain('Interests they share with the role: `design`');
    // Three people are talked to as three, in the one language they all read.
    expect(text).toContain('Suggest a time that suits all three of you');
    expect(text).not.toContain('you both');
    expect(text).not.toMatch(/[\u3040-\u30ff]/);
    expect(dmsWith(tb, MEMBER, 'Good news')).toHaveLength(1);
    expect(await coffeeSteps(tb, jobId)).toEqual([
      { user_id: MEMBER, step: 'chat_requested' },
      { user_id: MEMBER, step: 'chat_held' },
    ]);
    expect(await funnelRows(tb, jobId)).toContainEqual({ user_id: MEMBER, step: 'curious' });
    expect(TestBot.replyText(await tb.command(`job contacts ${jobId}`, HR))).toContain(
      'Coffee chats: 1 requested · 1 held',
    );

    // Once asked, the member is not offered again, and a second request sends nothing.
    await tb.press('coffee.request', MEMBER, 'message', String(jobId));
    await tb.fake.waitForResponse((r) => allText(r.body).includes('You already asked for a chat'));
    await tb.tick();
    expect(groupPosts(tb)).toHaveLength(1);
    expect(dmsWith(tb, TEAM1, 'is curious about')).toHaveLength(1);
  });

  it('when the recruiter is the contact, the group DM is for two', async () => {
    await addConfirmedContacts(tb, jobId, [HR]);
    await curiousAndAsk();
    await tb.press('coffee.ask.accept', HR, 'message', dmButtonValue(tb, HR, 'coffee.ask.accept'));
    await tb.tick();
    expect(tb.fake.callsTo('conversations.open').map((c) => c.args.users)).toContain(
      [HR, MEMBER].sort().join(','),
    );
    expect(groupPosts(tb)).toHaveLength(1);
    expect(allText(groupPosts(tb)[0]?.args)).not.toContain('is the recruiter');
    expect(allText(groupPosts(tb)[0]?.args)).toContain('Suggest a time that suits you both');
  });

  it('a group DM between Japanese and English readers is written for all of them, the member’s language first', async () => {
    const memberJa = 'U8MEMJA';
    tb.fake.setUser(memberJa, { locale: 'ja-JP' });
    await addConfirmedContacts(tb, jobId, [TEAM1]);
    await tb.agree(memberJa);
    await tb.press('job.curious', memberJa, 'message', String(jobId));
    await tb.press('coffee.request', memberJa, 'message', String(jobId));
    await tb.tick();
    await tb.press('coffee.ask.accept', TEAM1, 'message', dmButtonValue(tb, TEAM1, 'coffee.ask.accept'));
    await tb.tick();
    const posts = groupPosts(tb);
    expect(posts).toHaveLength(1);
    const text = allText(posts[0]?.args.blocks);
    const japanese = text.indexOf(`<@${memberJa}> さんが *Design lead*（求人 #${jobId}）に興味を持っていて`);
    const english = text.indexOf(`<@${memberJa}> is curious about *Design lead* (role #${jobId})`);
    expect(japanese).toBeGreaterThanOrEqual(0);
    expect(english).toBeGreaterThan(japanese);
    // Three people: 「皆さん」 and "all three of you", never 「お二人」 or "you both".
    expect(text).toContain('皆さんの都合のよい時間を決めてください');
    expect(text).toContain('Suggest a time that suits all three of you');
    expect(text).not.toContain('お二人');
    expect(text).not.toContain('you both');
    expect(String(posts[0]?.args.text)).toMatch(
      /興味を持っていて.* \/ :coffee: Hello! <@U8MEMJA> is curious about/,
    );
    // The member's own DM stays in their language.
    expect(dmsWith(tb, memberJa, 'うれしいお知らせです')).toHaveLength(1);
  });

  it('a member visible to staff only: a contact who is not HR means no interests in the group DM', async () => {
    await saveProfile(tb, MEMBER, 'staff', 'design, golang');
    await addConfirmedContacts(tb, jobId, [TEAM1]);
    await curiousAndAsk();
    await tb.press('coffee.ask.accept', TEAM1, 'message', dmButtonValue(tb, TEAM1, 'coffee.ask.accept'));
    await tb.tick();
    expect(allText(groupPosts(tb)[0]?.args)).not.toContain('Interests they share');
  });

  it('“Not now” asks the next contact; when none is left the member is told kindly and pointed to Apply', async () => {
    await addConfirmedContacts(tb, jobId, [TEAM1, TEAM2]);
    await curiousAndAsk();
    expect(dmsWith(tb, TEAM1, 'is curious about')).toHaveLength(1);
    expect(dmsWith(tb, TEAM2, 'is curious about')).toHaveLength(0);

    await tb.press('coffee.ask.decline', TEAM1, 'message', dmButtonValue(tb, TEAM1, 'coffee.ask.decline'));
    await tb.fake.waitForResponse((r) => allText(r.body).includes('I will ask someone else on the team'));
    await tb.tick();
    expect(dmsWith(tb, TEAM2, 'is curious about')).toHaveLength(1);

    await tb.press('coffee.ask.decline', TEAM2, 'message', dmButtonValue(tb, TEAM2, 'coffee.ask.decline'));
    await tb.tick();
    const sorry = dmsWith(tb, MEMBER, 'nobody on the team behind “Design lead” can chat this time');
    expect(sorry).toHaveLength(1);
    expect(buttons(sorry[0]?.args.blocks).map((b) => [b.action_id, b.url])).toEqual([
      ['job.apply', 'https://careers.example.com/pm-1'],
    ]);
    expect(groupPosts(tb)).toEqual([]);
    expect((await coffeeSteps(tb, jobId)).map((s) => s.step)).toEqual([
      'chat_requested',
      'chat_declined',
      'chat_declined',
      'chat_unavailable',
    ]);
  });

  it('the next contact asked is the one with the fewest open requests', async () => {
    await addConfirmedContacts(tb, jobId, [TEAM1, TEAM2]);
    await curiousAndAsk();
    await tb.agree('U8MEM02');
    await curiousAndAsk('U8MEM02');
    expect(dmsWith(tb, TEAM1, 'is curious about')).toHaveLength(1);
    expect(dmsWith(tb, TEAM2, '<@U8MEM02> is curious about')).toHaveLength(1);
  });

  it('refuses people who may not: non-HR adding contacts, someone else answering an ask or an invitation', async () => {
    await tb.agree('U8NOBODY');
    let before = await tb.snapshot();
    const refused = await tb.command(`job contacts ${jobId} ${tag(TEAM1)}`, 'U8NOBODY');
    expect(TestBot.replyText(refused)).toBe(
      'Only members with the HR role can do that. Ask an admin if you need it.',
    );
    const listRefused = await tb.command(`job contacts ${jobId}`, 'U8NOBODY');
    expect(TestBot.replyText(listRefused)).toBe(
      'Only members with the HR role can do that. Ask an admin if you need it.',
    );
    await tb.tick();
    expect(await tb.snapshot()).toBe(before);

    await tb.command(`job contacts ${jobId} ${tag(TEAM1)}`, HR);
    await tb.tick();
    const inviteId = dmButtonValue(tb, TEAM1, 'coffee.invite.confirm');
    before = await tb.snapshot();
    await tb.press('coffee.invite.confirm', 'U8NOBODY', 'message', inviteId);
    await tb.fake.waitForResponse((r) => allText(r.body).includes('This button is not for you'));
    expect(await tb.snapshot()).toBe(before);

    await tb.press('coffee.invite.confirm', TEAM1, 'message', inviteId);
    await curiousAndAsk();
    const askId = dmButtonValue(tb, TEAM1, 'coffee.ask.accept');
    before = await tb.snapshot();
    for (const user of ['U8NOBODY', MEMBER, HR]) {
      await tb.press('coffee.ask.accept', user, 'message', askId);
    }
    await tb.press('coffee.ask.accept', TEAM1, 'message', 'not-a-number');
    expect(
      tb.fake.responses.filter((r) => allText(r.body).includes('This button is not for you')).length,
    ).toBeGreaterThanOrEqual(5);
    await tb.tick();
    expect(await tb.snapshot()).toBe(before);
    expect(groupPosts(tb)).toEqual([]);
  });

  it('a double click on “Chat with someone on the team” makes one request and one ask', async () => {
    await addConfirmedContacts(tb, jobId, [TEAM1, TEAM2]);
    await tb.press('job.curious', MEMBER, 'message', String(jobId));
    await Promise.all([
      tb.press('coffee.request', MEMBER, 'message', String(jobId)),
      tb.press('coffee.request', MEMBER, 'message', String(jobId)),
    ]);
    await tb.tick();
    expect(await tb.row('SELECT count(*) AS n FROM coffee_requests')).toEqual({ n: 1 });
    expect(await tb.row('SELECT count(*) AS n FROM coffee_asks')).toEqual({ n: 1 });
    expect([
      ...dmsWith(tb, TEAM1, 'is curious about'),
      ...dmsWith(tb, TEAM2, 'is curious about'),
    ]).toHaveLength(1);
  });

  it.each([
    ['job contacts', 'Give the role number and mention the team members'],
    ['job contacts abc', 'Give the role number and mention the team members'],
    ['job contacts 99 @x', "@x is not a mention: pick the person from Slack's @ list."],
    ['job contacts 12 ken', '“ken” is not a mention'],
    [`job contacts 99 ${tag(TEAM1)}`, 'There is no role #99.'],
  ])('bad input %s: a clear message, nothing changed', async (text, expected) => {
    const before = await tb.snapshot();
    const reply = TestBot.replyText(await tb.command(text, HR));
    expect(reply).toContain(expected);
    await tb.tick();
    expect(await tb.snapshot()).toBe(before);
    expect(dmsTo(tb, TEAM1)).toEqual([]);
  });

  it('more than ten people at once is refused', async () => {
    const many = Array.from({ length: 11 }, (_, i) => tag(`U8MANY${i}`)).join(' ');
    const before = await tb.snapshot();
    expect(TestBot.replyText(await tb.command(`job contacts ${jobId} ${many}`, HR))).toContain(
      'at most 10 people',
    );
    expect(await tb.snapshot()).toBe(before);
  });

  it('speaks Japanese to those whose Slack is in Japanese', async () => {
    tb.fake.setUser('U8HRJA', { locale: 'ja-JP' });
    tb.fake.setUser('U8TEAMJA', { locale: 'ja-JP' });
    tb.fake.setUser('U8MEMJA', { locale: 'ja-JP' });
    await setUpHr(tb, 'U8HRJA');
    expect(TestBot.replyText(await tb.command('job contacts abc', 'U8HRJA'))).toContain(
      '求人番号とチームの方のメンションを指定してください',
    );
    expect(TestBot.replyText(await tb.command('job contacts 12 ken', 'U8HRJA'))).toContain(
      '「ken」はメンションではありません',
    );
    await addConfirmedContacts(tb, jobId, ['U8TEAMJA'], 'U8HRJA');
    expect(dmsWith(tb, 'U8TEAMJA', '人事があなたを')).toHaveLength(1);
    await tb.fake.waitForResponse((r) => allText(r.body).includes('あなたとの面談を案内します'));
    expect(TestBot.replyText(await tb.command(`job contacts ${jobId}`, 'U8HRJA'))).toContain(
      '<@U8TEAMJA> さん：承諾済み',
    );

    await tb.agree('U8MEMJA');
    await tb.press('job.curious', 'U8MEMJA', 'message', String(jobId));
    const offer = await tb.fake.waitForResponse((r) => allText(r.body).includes('チームの人と話してみる'));
    expect(allText(offer.body)).toContain('応募の前に、チームの方と気軽に話してみませんか');
    await tb.press('coffee.request', 'U8MEMJA', 'message', String(jobId));
    await tb.fake.waitForResponse((r) =>
      allText(r.body).includes('「Design lead」のチームの方に、話せるかどうか聞いています'),
    );
    await tb.tick();
    expect(dmsWith(tb, 'U8TEAMJA', '<@U8MEMJA> さんが *Design lead*')).toHaveLength(1);
    await tb.press(
      'coffee.ask.decline',
      'U8TEAMJA',
      'message',
      dmButtonValue(tb, 'U8TEAMJA', 'coffee.ask.decline'),
    );
    await tb.tick();
    expect(
      dmsWith(tb, 'U8MEMJA', '今回は「Design lead」のチームで話せる方が見つかりませんでした'),
    ).toHaveLength(1);
  });

  it('export lists a member’s coffee chats; erasing the member or a contact leaves no row naming them', async () => {
    await addConfirmedContacts(tb, jobId, [TEAM1, TEAM2]);
    await curiousAndAsk();
    await tb.press('coffee.ask.decline', TEAM1, 'message', dmButtonValue(tb, TEAM1, 'coffee.ask.decline'));
    await tb.tick();
    await tb.press('coffee.ask.accept', TEAM2, 'message', dmButtonValue(tb, TEAM2, 'coffee.ask.accept'));
    await tb.tick();
    expect(groupPosts(tb)).toHaveLength(1);

    const exported = (await tb.bot.services.privacy.export(MEMBER, tb.clock.now())).other.coffeeChats;
    expect(exported).toMatchObject({
      chatRequests: [{ job_id: jobId, title: 'Design lead', status: 'held' }],
    });
    expect((await tb.bot.services.privacy.export(TEAM1, tb.clock.now())).other.coffeeChats).toMatchObject({
      contactFor: [{ job_id: jobId, status: 'confirmed' }],
      chatsAskedToJoin: [{ answer: 'declined' }],
    });

    expect((await tb.rowsMentioning(MEMBER)).map((r) => r.table)).toEqual(
      expect.arrayContaining(['coffee_requests', 'coffee_funnel', 'outbox']),
    );
    await tb.press('privacy.delete', MEMBER);
    expect(await tb.rowsMentioning(MEMBER)).toEqual([]);
    await tb.press('privacy.delete', TEAM1);
    expect(await tb.rowsMentioning(TEAM1)).toEqual([]);
    // The counts HR sees stay true.
    expect(TestBot.replyText(await tb.command(`job contacts ${jobId}`, HR))).toContain(
      'Coffee chats: 1 requested · 1 held',
    );
  });
});
