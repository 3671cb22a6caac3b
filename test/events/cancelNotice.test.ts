/**
 * Issue 12 §4: `event cancel` tells everyone who answered (as the README says: going, maybe, on the
 * waitlist and not going), except members who left its private channel, and its reply states how
 * many were told.
 */
import { ADMIN, TestBot } from '../support/testBot';
import { leftChannel } from '../privacy/support';
import { createEvent, pressOnCard } from './support';

const ORGANIZER = 'U6CXORG';
const PRIVATE = 'C0CXPRIV';
const JA_ORGANIZER = 'U6CXJA';

async function japaneseOrganizer(tb: TestBot): Promise<void> {
  tb.fake.setUser(JA_ORGANIZER, { locale: 'ja-JP' });
  await tb.command(`role add <@${JA_ORGANIZER}|ja> organizer`, ADMIN);
  await tb.agree(JA_ORGANIZER);
}

function toldOfCancel(tb: TestBot, user: string): number {
  return tb.fake
    .callsTo('chat.postMessage')
    .filter((c) => c.args.channel === user && String(c.args.text).match(/has been cancelled|中止/) !== null)
    .length;
}

describe('event cancel tells everyone who answered and counts them right', () => {
  let tb: TestBot;
  beforeEach(async () => {
    tb = await TestBot.start({ env: { EVENTS_CHANNEL_ID: 'C0EVENTS1' } });
    await tb.agree(ADMIN);
    await tb.command(`role add <@${ORGANIZER}|org> organizer`, ADMIN);
    await tb.agree(ORGANIZER);
  });
  afterEach(async () => {
    expect(tb.fake.violations).toEqual([]);
    await tb.stop();
  });

  it('going, maybe, waitlist and not going are all told; the reply says 4', async () => {
    const id = await createEvent(tb, ORGANIZER, { title: 'Board games', capacity: '1' });
    const answers = [
      ['U6CXA', 'event.rsvp.going'],
      ['U6CXB', 'event.rsvp.going'], // full: the waitlist
      ['U6CXC', 'event.rsvp.maybe'],
      ['U6CXD', 'event.rsvp.not_going'],
    ] as const;
    for (const [user, action] of answers) {
      await tb.agree(user);
      await pressOnCard(tb, action, user, id);
    }
    // The question before it counts the same people as the reply after it.
    expect(TestBot.replyText(await tb.command(`event cancel ${id}`, ORGANIZER))).toContain(
      'The 4 members who answered are told',
    );
    const response = await tb.commandConfirmed(`event cancel ${id}`, ORGANIZER);
    expect(TestBot.replyText(response)).toBe(
      '“Board games” is cancelled; 4 members who answered will be told.',
    );
    await tb.tick();
    for (const [user] of answers) expect(toldOfCancel(tb, user)).toBe(1);
  });

  it('in Japanese; a member who left the private channel is neither told nor counted', async () => {
    await japaneseOrganizer(tb);
    tb.fake.declareChannel(PRIVATE, { isPrivate: true, members: [JA_ORGANIZER, 'U6CXIN', 'U6CXOUT'] });
    const id = await createEvent(tb, JA_ORGANIZER, { title: '忘年会', channel: PRIVATE });
    for (const user of ['U6CXIN', 'U6CXOUT']) {
      await tb.agree(user);
      await pressOnCard(tb, 'event.rsvp.going', user, id);
    }
    tb.fake.declareChannel(PRIVATE, { isPrivate: true, members: [JA_ORGANIZER, 'U6CXIN'] });
    await leftChannel(tb, 'U6CXOUT', PRIVATE);
    expect(TestBot.replyText(await tb.command(`event cancel ${id}`, JA_ORGANIZER))).toContain(
      '回答した1人のメンバーにお知らせし',
    );
    const response = await tb.commandConfirmed(`event cancel ${id}`, JA_ORGANIZER);
    expect(TestBot.replyText(response)).toBe('「忘年会」を中止しました。回答済みの1人にお知らせします。');
    await tb.tick();
    expect(toldOfCancel(tb, 'U6CXIN')).toBe(1);
    expect(toldOfCancel(tb, 'U6CXOUT')).toBe(0);
  });

  it('nobody answered: the reply says nobody needs telling, in English and Japanese', async () => {
    const id = await createEvent(tb, ORGANIZER, { title: 'Quiet walk' });
    const response = await tb.commandConfirmed(`event cancel ${id}`, ORGANIZER);
    expect(TestBot.replyText(response)).toBe(
      '“Quiet walk” is cancelled; nobody had answered, so nobody needs to be told.',
    );
    await japaneseOrganizer(tb);
    const other = await createEvent(tb, JA_ORGANIZER, { title: '散歩' });
    const ja = await tb.commandConfirmed(`event cancel ${other}`, JA_ORGANIZER);
    expect(TestBot.replyText(ja)).toBe(
      '「散歩」を中止しました。回答者はいないため、お知らせする相手はいません。',
    );
  });
});
