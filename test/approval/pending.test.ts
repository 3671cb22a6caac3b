import { ADMIN, TestBot, allText } from '../support/testBot';
import { createEvent, pressOnCard } from '../events/support';
import { profileValues } from '../support/forms';
import { ENV, actionRows, ask, cardCalls, requestRow } from './support';

// Issue 14 §1: until approved, a newcomer can read help and the community text, agree, ask to
// join, and export or erase their data, nothing else. Approval (who, when) is in their export;
// erasure removes their request, its trail and its card.

const NEWCOMER = 'U19PEND1';

describe.each([
  { locale: 'en-US', lang: 'en', pending: 'waiting for an admin', help: 'what you can do' },
  { locale: 'ja-JP', lang: 'ja', pending: '管理者の確認待ち', help: 'できること' },
])('a newcomer waiting for approval ($lang)', ({ locale, pending, help }) => {
  let tb: TestBot;
  beforeEach(async () => {
    tb = await TestBot.start({ env: ENV });
    tb.fake.setUser(NEWCOMER, { locale, email: 'pending@gmail.example' });
    await tb.agree(ADMIN);
    await tb.agree(NEWCOMER);
    await ask(tb, NEWCOMER, { department: 'Zorbpending' });
  });
  afterEach(async () => {
    expect(tb.fake.violations).toEqual([]);
    await tb.stop();
  });

  it('may read help, agree again and use privacy; find, profile and an RSVP are refused with where the request stands', async () => {
    expect(TestBot.replyText(await tb.command('help', NEWCOMER))).toContain(help);
    expect(TestBot.replyText(await tb.command('find python', NEWCOMER))).toContain(pending);
    expect(TestBot.replyText(await tb.command('profile', NEWCOMER))).toContain(pending);
    expect(TestBot.replyText(await tb.command('interests add python', NEWCOMER))).toContain(pending);

    const eventId = await createEvent(tb, ADMIN, {});
    await pressOnCard(tb, 'event.rsvp.going', NEWCOMER, eventId);
    expect(allText(tb.fake.responses.at(-1)?.body)).toContain(pending);
    expect(await tb.rows('SELECT * FROM event_rsvps WHERE user_id = ?', NEWCOMER)).toEqual([]);

    // A profile form opened some other way is refused on its first field; nothing is saved.
    const saved = await tb.submit('profile.modal', profileValues({ name: 'Zorbname' }), NEWCOMER);
    expect(saved.json).toMatchObject({ response_action: 'errors' });
    expect(JSON.stringify(saved.json)).toContain(pending);
    expect(await tb.row('SELECT display_name FROM members WHERE user_id = ?', NEWCOMER)).toMatchObject({
      display_name: null,
    });

    await tb.command('privacy export', NEWCOMER);
    const upload = tb.fake.uploads.at(-1);
    const exported = JSON.parse(upload?.content.toString('utf8') ?? 'null') as {
      other: Record<string, unknown>;
    };
    expect(exported.other.joinRequest).toMatchObject({
      request: { status: 'pending', facts: { department: 'Zorbpending' }, decidedBy: null },
    });
  });

  it('once approved, the export says who approved and when', async () => {
    await tb.press('join.approve', ADMIN, 'message', NEWCOMER);
    await tb.command('privacy export', NEWCOMER);
    const exported = JSON.parse(tb.fake.uploads.at(-1)?.content.toString('utf8') ?? 'null') as {
      other: { joinRequest: { request: Record<string, unknown> } };
    };
    expect(exported.other.joinRequest.request).toMatchObject({
      status: 'approved',
      via: 'admin',
      decidedBy: ADMIN,
      decidedAt: tb.clock.now().toISOString(),
    });
  });

  it('privacy delete removes the request, its facts and trail, and deletes its card; the admin’s own trail lines lose only their id', async () => {
    expect(cardCalls(tb)).toHaveLength(1);
    const card = cardCalls(tb)[0];
    await tb.press('privacy.delete', NEWCOMER);
    expect(await requestRow(tb, NEWCOMER)).toBeUndefined();
    expect(await actionRows(tb, NEWCOMER)).toEqual([]);
    expect(await tb.rowsMentioning('Zorbpending')).toEqual([]);
    expect((await tb.rowsMentioning(NEWCOMER)).map((found) => found.table)).not.toContain('join_requests');
    const deleted = tb.fake.callsTo('chat.delete');
    expect(deleted.map((call) => call.args.channel)).toContain(card?.args.channel);
  });
});

describe('APPROVAL=off keeps today’s behaviour', () => {
  it('a newcomer who agrees is a member at once; join says so', async () => {
    const tb = await TestBot.start();
    try {
      await tb.agree(NEWCOMER);
      expect(allText(tb.fake.responses.at(-1)?.body)).toContain('Set up my profile');
      expect(TestBot.replyText(await tb.command('find python', NEWCOMER))).not.toContain('approval');
      expect(TestBot.replyText(await tb.command('join', NEWCOMER))).toContain('already a member');
      expect(await tb.rows('SELECT * FROM join_requests')).toEqual([]);
      expect(tb.fake.violations).toEqual([]);
    } finally {
      await tb.stop();
    }
  });
});

describe('App Home of a newcomer waiting for approval', () => {
  it('shows where the request stands and the Ask to join button, not the member sections', async () => {
    const tb = await TestBot.start({ env: ENV });
    try {
      await tb.agree(NEWCOMER);
      await tb.homeOpened(NEWCOMER);
      const home = tb.fake.callsTo('views.publish').at(-1)?.args.view;
      expect(allText(home)).toContain('needs an admin’s approval');
      expect(JSON.stringify(home)).toContain('join.open');
      expect(JSON.stringify(home)).not.toContain('profile.open');
      await ask(tb, NEWCOMER);
      await tb.homeOpened(NEWCOMER);
      expect(allText(tb.fake.callsTo('views.publish').at(-1)?.args.view)).toContain('waiting for an admin');
      expect(tb.fake.violations).toEqual([]);
    } finally {
      await tb.stop();
    }
  });
});
