import { TestBot, allText } from '../support/testBot';
import {
  EVENTS,
  ORGANIZER,
  ORGANIZER_2,
  SUPPORTER,
  dmsTo,
  lastAnswer,
  lastProposalId,
  setUpRoles,
  submitEvent,
} from './support';

// Without ORGANIZER_CHANNEL_ID each organizer gets the proposal card by DM; the card pressed is
// redrawn with the decision. An organizer who may not post in the channel cannot approve: the
// proposal stays pending for another organizer.

describe('supporters: proposals by DM to organizers', () => {
  let tb: TestBot;
  beforeEach(async () => {
    tb = await TestBot.start({ env: { EVENTS_CHANNEL_ID: EVENTS } });
    await setUpRoles(tb);
  });
  afterEach(async () => {
    expect(tb.fake.violations).toEqual([]);
    await tb.stop();
  });

  it('each organizer gets the card by DM; the pressed card shows who approved', async () => {
    await submitEvent(tb, SUPPORTER, 'DM picnic');
    for (const organizer of [ORGANIZER, ORGANIZER_2]) {
      const card = dmsTo(tb, organizer).at(-1);
      expect(allText(card?.args)).toContain('DM picnic');
      expect(allText(card?.args)).toContain('Approve');
    }
    await tb.press('proposal.approve', ORGANIZER, 'message', String(await lastProposalId(tb)));
    const redrawn = tb.fake.responses.map((r) => allText(r.body)).find((t) => t.includes('Approved by'));
    expect(redrawn).toContain(`Approved by <@${ORGANIZER}>`);
    expect(await tb.row('SELECT count(*) AS n FROM events')).toEqual({ n: 1 });
  });

  it('an organizer outside the channel cannot approve: nothing is posted and the proposal stays pending', async () => {
    await submitEvent(tb, SUPPORTER, 'Members-only picnic');
    tb.fake.declareChannel(EVENTS, { isPrivate: false, members: [SUPPORTER, ORGANIZER_2] });
    const id = await lastProposalId(tb);
    await tb.press('proposal.approve', ORGANIZER, 'message', String(id));
    const answers = () => tb.fake.responses.map((r) => allText(r.body));
    expect(lastAnswer(tb)).toContain('member');
    expect(answers().some((text) => text.includes('approved and posted'))).toBe(false);
    expect(await tb.row('SELECT status, decided_by FROM supporter_proposals WHERE id = ?', id)).toEqual({
      status: 'pending',
      decided_by: null,
    });
    expect(await tb.row('SELECT count(*) AS n FROM events')).toEqual({ n: 0 });
    await tb.press('proposal.approve', ORGANIZER_2, 'message', String(id));
    expect(answers().some((text) => text.includes('approved and posted'))).toBe(true);
    expect(await tb.row('SELECT count(*) AS n FROM events')).toEqual({ n: 1 });
  });
});
