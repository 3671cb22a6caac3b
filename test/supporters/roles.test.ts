import { ADMIN, TestBot, allText } from '../support/testBot';
import {
  ENV,
  MEMBER,
  ORGANIZER,
  SUPPORTER,
  dmsTo,
  eventCardTexts,
  lastProposalId,
  organizerCards,
  setUpRoles,
  setVisibility,
  submitAnnouncement,
  submitEvent,
} from './support';

// Issue 14 §3: `role add @x supporter` like the other roles; SUPPORTERS_POST_DIRECTLY=on; the
// stats figure; App Home; export and erasure; Japanese.

async function exported(
  tb: TestBot,
  user: string,
): Promise<{ other: { supporterProposals: Record<string, unknown>[] } }> {
  await tb.command('privacy export', user);
  await tb.fake.waitForCall('files.completeUploadExternal');
  return JSON.parse(tb.fake.uploads.pop()?.content.toString('utf8') ?? '{}') as {
    other: { supporterProposals: Record<string, unknown>[] };
  };
}

describe('supporters: the role, direct posts, stats, Home and erasure', () => {
  let tb: TestBot;
  afterEach(async () => {
    expect(tb.fake.violations).toEqual([]);
    await tb.stop();
  });

  it('role add and remove supporter work like the other roles, and roles lists them', async () => {
    tb = await TestBot.start({ env: ENV });
    await tb.agree(ADMIN);
    await tb.agree(MEMBER);
    const added = await tb.command(`role add <@${MEMBER}|m> supporter`, ADMIN);
    expect(TestBot.replyText(added)).toContain('is now a supporter');
    expect(await tb.row('SELECT role, granted_by FROM member_roles WHERE user_id = ?', MEMBER)).toEqual({
      role: 'supporter',
      granted_by: ADMIN,
    });
    expect(TestBot.replyText(await tb.command('roles', ADMIN))).toMatch(/supporter.*<@U14MEM01>/s);
    const refused = await tb.command(`role add <@${ADMIN}|a> supporter`, MEMBER);
    expect(TestBot.replyText(refused)).toContain('admin');
    await tb.commandConfirmed(`role remove <@${MEMBER}|m> supporter`, ADMIN);
    expect(await tb.row('SELECT count(*) AS n FROM member_roles WHERE user_id = ?', MEMBER)).toEqual({
      n: 0,
    });
    const bad = await tb.command(`role add <@${MEMBER}|m> helper`, ADMIN);
    expect(TestBot.replyText(bad)).toContain('Use admin, organizer, hr or supporter');
  });

  it('help shows a supporter how to propose, in both languages; a member does not see it', async () => {
    tb = await TestBot.start({ env: ENV });
    await setUpRoles(tb);
    expect(allText((await tb.command('help', SUPPORTER)).json)).toContain('As a supporter you can');
    expect(allText((await tb.command('help', MEMBER)).json)).not.toContain('As a supporter you can');
    tb.fake.setUser(SUPPORTER, { locale: 'ja-JP' });
    await tb.bot.services.locales.forget(SUPPORTER);
    expect(allText((await tb.command('help', SUPPORTER)).json)).toContain('サポーターは次の操作ができます');
  });

  it('SUPPORTERS_POST_DIRECTLY=on: the event is posted at once, credited, with no proposal to approve', async () => {
    tb = await TestBot.start({ env: { ...ENV, SUPPORTERS_POST_DIRECTLY: 'on' } });
    await setUpRoles(tb);
    await submitEvent(tb, SUPPORTER, 'Direct picnic');
    expect(await tb.row('SELECT title, created_by FROM events')).toEqual({
      title: 'Direct picnic',
      created_by: SUPPORTER,
    });
    expect(await tb.row('SELECT status, proposer_id FROM supporter_proposals')).toEqual({
      status: 'posted',
      proposer_id: SUPPORTER,
    });
    expect(eventCardTexts(tb).at(-1)).toContain(`Hosted by <@${SUPPORTER}>`);
    expect(organizerCards(tb)).toEqual([]);
    expect(allText(dmsTo(tb, SUPPORTER).at(-1)?.args)).toContain('credited to you');
    const response = await submitAnnouncement(tb, SUPPORTER, 'Direct news');
    expect(allText(response.json)).toContain('credited to you');
    expect(await tb.row('SELECT author FROM announcements')).toEqual({ author: SUPPORTER });
    // A member who is no supporter is still refused.
    const before = await tb.snapshot();
    expect(allText((await submitEvent(tb, MEMBER)).json)).toContain('organizer');
    expect(await tb.snapshot()).toBe(before);
  });

  it('stats count events hosted by supporters; one hidden host is not counted alone', async () => {
    tb = await TestBot.start({ env: { ...ENV, SUPPORTERS_POST_DIRECTLY: 'on' } });
    await setUpRoles(tb);
    await submitEvent(tb, SUPPORTER, 'One');
    expect(allText((await tb.command('stats', ORGANIZER)).json)).toContain('Events hosted by supporters: 1');
    await setVisibility(tb, SUPPORTER, 'nobody');
    expect(allText((await tb.command('stats', ORGANIZER)).json)).toContain('Events hosted by supporters: 0');
    await submitEvent(tb, SUPPORTER, 'Two');
    await submitEvent(tb, SUPPORTER, 'Three');
    expect(allText((await tb.command('stats', ORGANIZER)).json)).toContain('Events hosted by supporters: 3');
  });

  it("App Home shows a supporter's proposals and what became of them", async () => {
    tb = await TestBot.start({ env: ENV });
    await setUpRoles(tb);
    await submitEvent(tb, SUPPORTER, 'Home picnic');
    await tb.homeOpened(SUPPORTER);
    const view = tb.fake
      .callsTo('views.publish')
      .filter((c) => c.args.user_id === SUPPORTER)
      .at(-1);
    expect(allText(view?.args)).toContain('Your proposals');
    expect(allText(view?.args)).toContain('Home picnic* — waiting for an organizer');
  });

  it('export has their proposals; erasure removes pending ones and the credit, and redraws the card', async () => {
    tb = await TestBot.start({ env: ENV });
    await setUpRoles(tb);
    await submitEvent(tb, SUPPORTER, 'Hosted picnic');
    await tb.press('proposal.approve', ORGANIZER, 'message', String(await lastProposalId(tb)));
    await submitEvent(tb, SUPPORTER, 'Zorbpending picnic');
    expect((await exported(tb, SUPPORTER)).other.supporterProposals).toMatchObject([
      { kind: 'event', status: 'approved' },
      { kind: 'event', status: 'pending' },
    ]);
    expect(eventCardTexts(tb).at(-1)).toContain(`Hosted by <@${SUPPORTER}>`);
    const deletes = tb.fake.callsTo('chat.delete').length;
    await tb.press('privacy.delete', SUPPORTER);
    await tb.settle();
    expect(await tb.rowsMentioning(SUPPORTER)).toEqual([]);
    expect(await tb.rowsMentioning('Zorbpending')).toEqual([]);
    expect(await tb.row('SELECT title FROM events')).toEqual({ title: 'Hosted picnic' });
    expect(await tb.row('SELECT status, proposer_id FROM supporter_proposals')).toEqual({
      status: 'approved',
      proposer_id: null,
    });
    expect(eventCardTexts(tb).at(-1)).toContain('Hosted picnic');
    expect(eventCardTexts(tb).at(-1)).not.toContain('Hosted by');
    // Both of their proposal cards named them to the organizers: they are deleted.
    expect(tb.fake.callsTo('chat.delete').length).toBe(deletes + 2);
  });

  it('in Japanese: the supporter and the organizer are answered in their language', async () => {
    tb = await TestBot.start({ env: ENV });
    tb.fake.setUser(SUPPORTER, { locale: 'ja-JP' });
    tb.fake.setUser(ORGANIZER, { locale: 'ja-JP' });
    await setUpRoles(tb);
    await submitEvent(tb, SUPPORTER, 'お花見');
    expect(allText(dmsTo(tb, SUPPORTER).at(-1)?.args)).toContain('オーガナイザーに承認依頼しました');
    const id = await lastProposalId(tb);
    await tb.press('proposal.approve', ORGANIZER, 'message', String(id));
    expect(allText(tb.fake.responses.at(-1)?.body)).toContain(`提案 #${id} を承認して投稿しました`);
    expect(allText(dmsTo(tb, SUPPORTER).at(-1)?.args)).toContain('承認され');
    const response = await submitAnnouncement(tb, SUPPORTER, '花見のお知らせ');
    expect(allText(response.json)).toContain('承認依頼しました');
    await tb.press('proposal.decline', ORGANIZER, 'message', String(await lastProposalId(tb)));
    const modal = tb.fake.callsTo('views.open').at(-1)?.args.view;
    expect(allText(modal)).toContain('理由（提案者に伝わります）');
  });
});
