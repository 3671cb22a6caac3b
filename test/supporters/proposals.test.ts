import { TestBot, allText } from '../support/testBot';
import {
  ENV,
  EVENTS,
  MEMBER,
  NEWS,
  ORGANIZER,
  ORGANIZER_2,
  ORGANIZERS,
  SUPPORTER,
  declineValues,
  dmsTo,
  eventCardTexts,
  lastAnswer,
  lastOrganizerCard,
  lastProposalId,
  organizerCards,
  setUpRoles,
  setVisibility,
  submitAnnouncement,
  submitEvent,
} from './support';

// Issue 14 §3: a supporter's event or announcement goes to the organizers as a proposal; one
// organizer approves it with one click (posted as if they had made it, credited "hosted by" the
// supporter) or declines it with a reason; the supporter is told in their language.

describe('supporters: proposals and approvals', () => {
  let tb: TestBot;
  beforeEach(async () => {
    tb = await TestBot.start({ env: ENV });
    await setUpRoles(tb);
  });
  afterEach(async () => {
    expect(tb.fake.violations).toEqual([]);
    await tb.stop();
  });

  it('a supporter may open the event form; a member may not', async () => {
    await tb.command('event new', SUPPORTER);
    expect(tb.fake.callsTo('views.open')).toHaveLength(1);
    const before = await tb.snapshot();
    const refused = await tb.command('event new', MEMBER);
    expect(TestBot.replyText(refused)).toContain('supporter');
    expect(tb.fake.callsTo('views.open')).toHaveLength(1);
    expect(await tb.snapshot()).toBe(before);
  });

  it("a supporter's event is a proposal: nothing is posted until an organizer approves it", async () => {
    await submitEvent(tb, SUPPORTER, 'Picnic in Yoyogi');
    const id = await lastProposalId(tb);
    expect(
      await tb.row('SELECT kind, status, proposer_id FROM supporter_proposals WHERE id = ?', id),
    ).toEqual({
      kind: 'event',
      status: 'pending',
      proposer_id: SUPPORTER,
    });
    expect(await tb.row('SELECT count(*) AS n FROM events')).toEqual({ n: 0 });
    expect(eventCardTexts(tb)).toEqual([]);
    expect(lastOrganizerCard(tb)).toContain('Picnic in Yoyogi');
    expect(lastOrganizerCard(tb)).toContain(`<@${SUPPORTER}>`);
    expect(allText(dmsTo(tb, SUPPORTER).at(-1)?.args)).toContain('went to the organizers');

    await tb.press('proposal.approve', ORGANIZER, 'message', String(id));
    expect(lastAnswer(tb)).toContain(`Proposal #${id} approved`);
    const event = await tb.row<{ id: number; created_by: string; title: string }>(
      'SELECT id, created_by, title FROM events',
    );
    expect(event).toMatchObject({ created_by: ORGANIZER, title: 'Picnic in Yoyogi' });
    expect(
      await tb.row('SELECT status, decided_by, item_id FROM supporter_proposals WHERE id = ?', id),
    ).toEqual({
      status: 'approved',
      decided_by: ORGANIZER,
      item_id: event?.id,
    });
    // The card is posted as an organizer's would be, crediting the supporter (visible to all by default).
    expect(eventCardTexts(tb).at(-1)).toContain(`Hosted by <@${SUPPORTER}>`);
    expect(lastOrganizerCard(tb)).toContain(`Approved by <@${ORGANIZER}>`);
    expect(allText(dmsTo(tb, SUPPORTER).at(-1)?.args)).toContain('was approved');
  });

  it('a supporter whose profile is visible to all is named on the card; a hidden one is not', async () => {
    await setVisibility(tb, SUPPORTER, 'all');
    await submitEvent(tb, SUPPORTER);
    await tb.press('proposal.approve', ORGANIZER, 'message', String(await lastProposalId(tb)));
    expect(eventCardTexts(tb).at(-1)).toContain(`Hosted by <@${SUPPORTER}>`);
    await setVisibility(tb, SUPPORTER, 'staff');
    await submitEvent(tb, SUPPORTER, 'Second picnic');
    await tb.press('proposal.approve', ORGANIZER, 'message', String(await lastProposalId(tb)));
    const card = eventCardTexts(tb).at(-1) ?? '';
    expect(card).toContain('Second picnic');
    expect(card).toContain('Hosted by a member volunteer');
    expect(card).not.toContain(SUPPORTER);
  });

  it("a hidden supporter is not named on the organizers' card either", async () => {
    await setVisibility(tb, SUPPORTER, 'nobody');
    await submitEvent(tb, SUPPORTER, 'Quiet picnic');
    expect(lastOrganizerCard(tb)).toContain('Proposed by a member volunteer');
    expect(lastOrganizerCard(tb)).not.toContain(SUPPORTER);
  });

  it('two organizers pressing Approve: one decides, the other is told who did', async () => {
    await submitEvent(tb, SUPPORTER);
    const id = await lastProposalId(tb);
    await Promise.all([
      tb.press('proposal.approve', ORGANIZER, 'message', String(id)),
      tb.press('proposal.approve', ORGANIZER_2, 'message', String(id)),
    ]);
    expect(await tb.row('SELECT count(*) AS n FROM events')).toEqual({ n: 1 });
    const answers = tb.fake.responses.map((r) => allText(r.body));
    expect(answers.filter((a) => a.includes('approved and posted.'))).toHaveLength(1);
    expect(answers.filter((a) => a.includes('was already approved and posted by'))).toHaveLength(1);
    // A late Decline is answered the same way and changes nothing.
    const before = await tb.snapshot();
    await tb.press('proposal.decline', ORGANIZER_2, 'message', String(id));
    expect(lastAnswer(tb)).toContain('was already approved and posted by');
    expect(await tb.snapshot()).toBe(before);
  });

  it('decline with a reason: the supporter is told why; nothing is posted', async () => {
    await submitEvent(tb, SUPPORTER, 'Late-night karaoke');
    const id = await lastProposalId(tb);
    await tb.press('proposal.decline', ORGANIZER, 'message', String(id));
    const modal = tb.fake.callsTo('views.open').at(-1)?.args.view as { private_metadata: string };
    const response = await tb.submit(
      'proposal.decline.modal',
      declineValues('We already have an event that week.'),
      ORGANIZER,
      modal.private_metadata,
    );
    expect(allText(response.json)).toContain(`Proposal #${id} declined`);
    expect(
      await tb.row('SELECT status, decided_by, reason FROM supporter_proposals WHERE id = ?', id),
    ).toEqual({
      status: 'declined',
      decided_by: ORGANIZER,
      reason: 'We already have an event that week.',
    });
    expect(await tb.row('SELECT count(*) AS n FROM events')).toEqual({ n: 0 });
    const told = allText(dmsTo(tb, SUPPORTER).at(-1)?.args);
    expect(told).toContain('was not approved');
    expect(told).toContain('We already have an event that week.');
    expect(lastOrganizerCard(tb)).toContain(`Declined by <@${ORGANIZER}>`);
  });

  it('a forged Approve or Decline from a supporter or member is refused by the service', async () => {
    await submitEvent(tb, SUPPORTER);
    const id = await lastProposalId(tb);
    const before = await tb.snapshot();
    for (const user of [SUPPORTER, MEMBER]) {
      await tb.press('proposal.approve', user, 'message', String(id));
      expect(lastAnswer(tb)).toContain('organizer');
      await tb.press('proposal.decline', user, 'message', String(id));
      expect(lastAnswer(tb)).toContain('organizer');
      const response = await tb.submit(
        'proposal.decline.modal',
        declineValues('no'),
        user,
        `{"proposalId":${id}}`,
      );
      expect(allText(response.json)).toContain('organizer');
    }
    await tb.press('proposal.approve', ORGANIZER, 'message', '999');
    expect(lastAnswer(tb)).toContain('There is no proposal #999');
    expect(await tb.snapshot()).toBe(before);
  });

  it('a member who is no supporter cannot propose by submitting the form', async () => {
    const before = await tb.snapshot();
    const response = await submitEvent(tb, MEMBER);
    expect(allText(response.json)).toContain('organizer');
    expect(await tb.snapshot()).toBe(before);
  });

  it('a replayed submission makes one proposal and one card', async () => {
    await submitEvent(tb, SUPPORTER, 'Picnic', 'VREPLAY01');
    await submitEvent(tb, SUPPORTER, 'Picnic', 'VREPLAY01');
    expect(await tb.row('SELECT count(*) AS n FROM supporter_proposals')).toEqual({ n: 1 });
    expect(organizerCards(tb).filter((call) => call.method === 'chat.postMessage')).toHaveLength(1);
  });

  it('an announcement proposal, once approved, is scheduled through the outbox and credited', async () => {
    await setVisibility(tb, SUPPORTER, 'all');
    const postAt = new Date(tb.clock.now().getTime() + 3_600_000);
    const response = await submitAnnouncement(tb, SUPPORTER, 'Picnic on Sunday!', postAt);
    expect(allText(response.json)).toContain('went to the organizers');
    expect(await tb.row('SELECT count(*) AS n FROM announcements')).toEqual({ n: 0 });
    const id = await lastProposalId(tb);
    expect(lastOrganizerCard(tb)).toContain('Picnic on Sunday!');
    await tb.press('proposal.approve', ORGANIZER, 'message', String(id));
    expect(await tb.row('SELECT author, channel FROM announcements')).toEqual({
      author: ORGANIZER,
      channel: NEWS,
    });
    tb.clock.set(postAt);
    await tb.tick();
    await tb.tick();
    const post = tb.fake.callsTo('chat.postMessage').find((call) => call.args.channel === NEWS);
    expect(allText(post?.args)).toContain('Picnic on Sunday!');
    expect(allText(post?.args)).toContain(`Hosted by <@${SUPPORTER}>`);
  });

  it('an organizer submitting the form posts at once, uncredited, as before', async () => {
    await submitEvent(tb, ORGANIZER, 'Organizer meetup');
    expect(await tb.row('SELECT count(*) AS n FROM supporter_proposals')).toEqual({ n: 0 });
    expect(eventCardTexts(tb).at(-1)).toContain('Organizer meetup');
    expect(eventCardTexts(tb).at(-1)).not.toContain('Hosted by');
    expect(ORGANIZERS).toBe(ENV.ORGANIZER_CHANNEL_ID);
    expect(EVENTS).toBe(ENV.EVENTS_CHANNEL_ID);
  });
});
