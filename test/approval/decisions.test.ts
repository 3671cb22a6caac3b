import { ADMIN, TestBot, allText } from '../support/testBot';
import { dmsTo } from '../asks/support';
import {
  ENV,
  actionRows,
  ask,
  cardButtons,
  cardCalls,
  cardText,
  joinValues,
  lastAnswer,
  noteValues,
  requestRow,
} from './support';

// Issue 14 §1: a newcomer who is on no list asks to join with the eligibility form; the request
// arrives as a card in ADMIN_CHANNEL_ID; an admin approves, asks for more (the newcomer answers by
// sending the form again) or declines with a reason; the newcomer is told in their language; each
// step is on the card and in the trail with its author; of two presses, one decides.

const NEWCOMER = 'U19NEW01';
const OTHER = 'U19OTHR1';

function lastModal(tb: TestBot): { callback_id?: string; private_metadata: string; blocks: unknown[] } {
  const view = tb.fake.callsTo('views.open').at(-1)?.args.view as
    { callback_id?: string; private_metadata: string; blocks: unknown[] } | undefined;
  if (view === undefined) throw new Error('no modal was opened');
  return view;
}

describe.each([
  {
    locale: 'en-US',
    lang: 'en',
    needRequest: 'needs an admin’s approval',
    pending: 'waiting for an admin',
    sent: 'Your request was sent to the admins',
    approvedDm: 'An admin approved your request',
    askedDm: 'an admin asked you',
    declinedDm: 'Your request to join was declined',
    label: 'Years at the company',
  },
  {
    locale: 'ja-JP',
    lang: 'ja',
    needRequest: '管理者による参加承認が必要',
    pending: '管理者の確認待ち',
    sent: '申請を管理者に送りました',
    approvedDm: '管理者が参加申請を承認しました',
    askedDm: '管理者から質問があります',
    declinedDm: '参加申請は承認されませんでした',
    label: '在籍期間',
  },
])(
  'an admin decides a request to join ($lang)',
  ({ locale, needRequest, pending, sent, approvedDm, askedDm, declinedDm, label }) => {
    let tb: TestBot;
    beforeEach(async () => {
      tb = await TestBot.start({ env: ENV });
      tb.fake.setUser(NEWCOMER, { locale, email: 'newcomer@gmail.example' });
      tb.fake.setUser(OTHER, { locale: 'en-US' });
    });
    afterEach(async () => {
      expect(tb.fake.violations).toEqual([]);
      await tb.stop();
    });

    it('agree, ask with the form, an admin approves: the card shows who decided, the newcomer is told once', async () => {
      await tb.agree(NEWCOMER);
      // The agreement's answer offers the form, not the profile.
      expect(allText(tb.fake.responses.at(-1)?.body)).toContain(needRequest);
      expect(TestBot.replyText(await tb.command('find python', NEWCOMER))).toContain(needRequest);

      await tb.press('join.open', NEWCOMER, 'message', 'join');
      const form = lastModal(tb);
      expect(form.callback_id).toBe('join.modal');
      expect(allText(form)).toContain(label);
      expect(await ask(tb, NEWCOMER, { department: 'Zorbdept Ops' })).toContain(sent);

      expect(await requestRow(tb, NEWCOMER)).toMatchObject({
        status: 'pending',
        via: null,
        decided_by: null,
      });
      expect(cardCalls(tb)).toHaveLength(1);
      expect(cardText(tb)).toContain('Zorbdept Ops');
      expect(cardText(tb)).toContain(`<@${NEWCOMER}>`);
      expect(cardButtons(tb)).toEqual(['join.approve', 'join.ask', 'join.decline']);
      // Still waiting: refused with where the request stands.
      expect(TestBot.replyText(await tb.command('events', NEWCOMER))).toContain(pending);

      await tb.press('join.approve', ADMIN, 'message', NEWCOMER);
      expect(lastAnswer(tb)).toContain(`<@${NEWCOMER}>`);
      expect(cardCalls(tb).at(-1)?.method).toBe('chat.update');
      expect(cardText(tb)).toContain(`<@${ADMIN}>`);
      expect(cardButtons(tb)).toEqual([]);
      // A second press (another admin at the same moment) changes nothing and says who decided.
      await tb.press('join.approve', ADMIN, 'message', NEWCOMER);
      expect(lastAnswer(tb)).toContain(`<@${ADMIN}>`);
      await tb.tick();
      await tb.tick();
      const told = dmsTo(tb, NEWCOMER).filter((call) => allText(call.args).includes(approvedDm));
      expect(told).toHaveLength(1);

      expect(await requestRow(tb, NEWCOMER)).toMatchObject({
        status: 'approved',
        via: 'admin',
        decided_by: ADMIN,
      });
      expect(await actionRows(tb, NEWCOMER)).toEqual([
        { actor_id: NEWCOMER, action: 'requested', note: null },
        { actor_id: ADMIN, action: 'approved', note: null },
      ]);
      // Now a member: find runs.
      expect(TestBot.replyText(await tb.command('find python', NEWCOMER))).not.toContain(needRequest);
    });

    it('ask for more: the newcomer gets the question and answers by sending the form again', async () => {
      await tb.agree(NEWCOMER);
      await ask(tb, NEWCOMER);
      await tb.press('join.ask', ADMIN, 'message', NEWCOMER);
      const modal = lastModal(tb);
      expect(modal.callback_id).toBe('join.ask.modal');
      const empty = await tb.submit('join.ask.modal', noteValues(null), ADMIN, modal.private_metadata);
      expect(empty.json).toMatchObject({ response_action: 'errors' });
      expect((await requestRow(tb, NEWCOMER))?.status).toBe('pending');

      await tb.submit(
        'join.ask.modal',
        noteValues('Which office, Zorbquestion?'),
        ADMIN,
        modal.private_metadata,
      );
      expect((await requestRow(tb, NEWCOMER))?.status).toBe('asked');
      expect(cardText(tb)).toContain('Zorbquestion');
      await tb.tick();
      const asked = dmsTo(tb, NEWCOMER).filter((call) => allText(call.args).includes(askedDm));
      expect(asked).toHaveLength(1);
      expect(allText(asked[0]?.args)).toContain('Zorbquestion');
      // Refused elsewhere with the question and an Answer button.
      expect(allText((await tb.command('find python', NEWCOMER)).json)).toContain('Zorbquestion');

      await tb.command('join', NEWCOMER);
      expect(allText(lastModal(tb))).toContain('Zorbquestion');
      await ask(tb, NEWCOMER, { employer: 'Osaka office' });
      expect(await requestRow(tb, NEWCOMER)).toMatchObject({ status: 'pending' });
      expect(cardText(tb)).toContain('Osaka office');
      expect(cardButtons(tb)).toEqual(['join.approve', 'join.ask', 'join.decline']);
      expect((await actionRows(tb, NEWCOMER)).map((row) => row.action)).toEqual([
        'requested',
        'asked',
        'answered',
      ]);
    });

    it('decline with a reason: the newcomer reads it, stays out, and cannot send the form again', async () => {
      await tb.agree(NEWCOMER);
      await ask(tb, NEWCOMER);
      await tb.press('join.decline', ADMIN, 'message', NEWCOMER);
      const modal = lastModal(tb);
      expect(modal.callback_id).toBe('join.decline.modal');
      await tb.submit(
        'join.decline.modal',
        noteValues('Zorbreason: not a former employee'),
        ADMIN,
        modal.private_metadata,
      );
      expect(await requestRow(tb, NEWCOMER)).toMatchObject({ status: 'declined', decided_by: ADMIN });
      expect(cardButtons(tb)).toEqual([]);
      await tb.tick();
      const told = dmsTo(tb, NEWCOMER).filter((call) => allText(call.args).includes(declinedDm));
      expect(told).toHaveLength(1);
      expect(allText(told[0]?.args)).toContain('Zorbreason');
      expect(allText((await tb.command('find python', NEWCOMER)).json)).toContain('Zorbreason');
      // A declined request is final: approve now changes nothing, the form is not offered.
      await tb.press('join.approve', ADMIN, 'message', NEWCOMER);
      expect((await requestRow(tb, NEWCOMER))?.status).toBe('declined');
      const opened = tb.fake.callsTo('views.open').length;
      await tb.press('join.open', NEWCOMER, 'message', 'join');
      expect(tb.fake.callsTo('views.open')).toHaveLength(opened);
      expect(await ask(tb, NEWCOMER)).toContain('Zorbreason');
      expect((await actionRows(tb, NEWCOMER)).map((row) => row.action)).toEqual(['requested', 'declined']);
    });
  },
);

describe('requests to join: who may decide, replays', () => {
  let tb: TestBot;
  beforeEach(async () => {
    tb = await TestBot.start({ env: ENV });
    tb.fake.setUser(NEWCOMER, { locale: 'en-US', email: 'newcomer@gmail.example' });
  });
  afterEach(async () => {
    expect(tb.fake.violations).toEqual([]);
    await tb.stop();
  });

  it('a member who is not an admin is refused on every button and form, and nothing changes', async () => {
    await tb.agree(NEWCOMER);
    await ask(tb, NEWCOMER);
    await tb.agree(OTHER);
    const before = await tb.snapshot();
    await tb.press('join.approve', OTHER, 'message', NEWCOMER);
    expect(lastAnswer(tb)).toContain('admin');
    await tb.press('join.decline', OTHER, 'message', NEWCOMER);
    expect(lastAnswer(tb)).toContain('admin');
    const forged = await tb.submit(
      'join.decline.modal',
      noteValues('forged'),
      OTHER,
      JSON.stringify({ userId: NEWCOMER }),
    );
    expect(allText(forged.json)).toContain('admin');
    expect(await tb.snapshot()).toBe(before);
  });

  it('a replayed submission creates nothing twice: one request, one card, one trail line', async () => {
    await tb.agree(NEWCOMER);
    await ask(tb, NEWCOMER, {}, 'VJOIN0001');
    const again = await ask(tb, NEWCOMER, {}, 'VJOIN0001');
    expect(again).toContain('already sent');
    expect(cardCalls(tb).filter((call) => call.method === 'chat.postMessage')).toHaveLength(1);
    expect(await actionRows(tb, NEWCOMER)).toHaveLength(1);
  });

  it('a form with a fact left empty or a bad employee id is refused on its fields, nothing saved', async () => {
    await tb.agree(NEWCOMER);
    const response = await tb.submit(
      'join.modal',
      joinValues({ years: null, employeeId: 'bad id!' }),
      NEWCOMER,
      '',
    );
    expect(response.json).toMatchObject({ response_action: 'errors' });
    const errors = (response.json as { errors: Record<string, string> }).errors;
    expect(Object.keys(errors).sort()).toEqual(['join.employee_id', 'join.fact_years']);
    expect(await requestRow(tb, NEWCOMER)).toBeUndefined();
  });
});

describe('requests to join without ADMIN_CHANNEL_ID', () => {
  it('the card goes to the first configured admin by DM, with a note on how to set a channel, and works there', async () => {
    const tb = await TestBot.start({ env: { APPROVAL: 'on' } });
    try {
      tb.fake.setUser(NEWCOMER, { locale: 'en-US', email: 'newcomer@gmail.example' });
      await tb.agree(NEWCOMER);
      await ask(tb, NEWCOMER);
      const card = tb.fake
        .callsTo('chat.postMessage')
        .find((call) => call.args.channel === ADMIN && call.args.thread_ts === undefined);
      expect(allText(card?.args.blocks)).toContain(`<@${NEWCOMER}>`);
      const note = tb.fake.callsTo('chat.postMessage').find((call) => call.args.thread_ts !== undefined);
      expect(allText(note?.args)).toContain('ADMIN_CHANNEL_ID is not set');
      expect(tb.logs.join('\n')).toContain('ADMIN_CHANNEL_ID is unset');
      await tb.press('join.approve', ADMIN, 'message', NEWCOMER);
      expect(tb.fake.callsTo('chat.update').at(-1)?.args.channel).toBe(`D${ADMIN}`);
      expect(await requestRow(tb, NEWCOMER)).toMatchObject({ status: 'approved', decided_by: ADMIN });
      expect(tb.fake.violations).toEqual([]);
    } finally {
      await tb.stop();
    }
  });
});
