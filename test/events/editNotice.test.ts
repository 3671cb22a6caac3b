/**
 * Issue 12 §4: `event edit` tells what changed to the members a cancellation would tell (everyone
 * who answered, "not going" too, and may still see the event), and its reply counts those told,
 * not the answers: a member who left the event's private channel is neither told nor counted.
 */
import { ADMIN, TestBot } from '../support/testBot';
import { leftChannel } from '../privacy/support';
import { HOUR, createEvent, eventValues, pressOnCard } from './support';

const ORGANIZER = 'U6EDORG';
const JA_ORGANIZER = 'U6EDJA';
const PRIVATE = 'C0EDPRIV';
const START = new Date('2026-12-10T10:00:00Z');

function toldOfChange(tb: TestBot, user: string): number {
  return tb.fake
    .callsTo('chat.postMessage')
    .filter((c) => c.args.channel === user && /has changed|変更/.test(String(c.args.text))).length;
}

/** The organizer's edit through the form, as Slack sends it; returns the reply DM's text. */
async function edit(
  tb: TestBot,
  organizer: string,
  id: number,
  fields: { title: string; channel: string; startsAt?: Date; capacity?: string },
): Promise<string> {
  const startsAt = fields.startsAt ?? START;
  const response = await tb.submit(
    'event.modal',
    eventValues({ ...fields, startsAt, endsAt: new Date(startsAt.getTime() + 2 * HOUR) }),
    organizer,
    JSON.stringify({ eventId: id }),
  );
  expect(response.status).toBe(200);
  const reply = await tb.fake.waitForCall(
    'chat.postMessage',
    (c) => c.args.channel === organizer && /updated|更新しました/.test(String(c.args.text)),
  );
  return String(reply.args.text);
}

describe('event edit tells those who answered, and its reply counts those told', () => {
  let tb: TestBot;
  beforeEach(async () => {
    tb = await TestBot.start({ now: '2026-11-26T01:00:00Z', env: { EVENTS_CHANNEL_ID: 'C0EVENTS1' } });
    await tb.agree(ADMIN);
    await tb.command(`role add <@${ORGANIZER}|org> organizer`, ADMIN);
    await tb.agree(ORGANIZER);
  });
  afterEach(async () => {
    expect(tb.fake.violations).toEqual([]);
    await tb.stop();
  });

  it('going, waitlist, maybe and not going are all told of a new time; the reply says 4', async () => {
    const id = await createEvent(tb, ORGANIZER, { title: 'Board games', capacity: '1', startsAt: START });
    const answers = [
      ['U6EDA', 'event.rsvp.going'],
      ['U6EDB', 'event.rsvp.going'], // full: the waitlist
      ['U6EDC', 'event.rsvp.maybe'],
      ['U6EDD', 'event.rsvp.not_going'],
    ] as const;
    for (const [user, action] of answers) {
      await tb.agree(user);
      await pressOnCard(tb, action, user, id);
    }
    const later = new Date(START.getTime() + 24 * HOUR);
    expect(
      await edit(tb, ORGANIZER, id, { title: 'Board games', channel: 'C0EVENTS1', startsAt: later }),
    ).toBe('“Board games” is updated; 4 members who answered will be told what changed.');
    await tb.tick();
    for (const [user] of answers) expect(toldOfChange(tb, user)).toBe(1);
  });

  it('an edit nobody is told of (only the capacity) says so, and tells nobody', async () => {
    const id = await createEvent(tb, ORGANIZER, { title: 'Picnic', capacity: '5', startsAt: START });
    await tb.agree('U6EDE');
    await pressOnCard(tb, 'event.rsvp.going', 'U6EDE', id);
    expect(await edit(tb, ORGANIZER, id, { title: 'Picnic', channel: 'C0EVENTS1', capacity: '8' })).toBe(
      '“Picnic” is updated; nobody who answered needs to be told.',
    );
    await tb.tick();
    expect(toldOfChange(tb, 'U6EDE')).toBe(0);
  });

  it('in Japanese: a member who left the private channel is neither told nor counted', async () => {
    tb.fake.setUser(JA_ORGANIZER, { locale: 'ja-JP' });
    await tb.command(`role add <@${JA_ORGANIZER}|ja> organizer`, ADMIN);
    await tb.agree(JA_ORGANIZER);
    tb.fake.declareChannel(PRIVATE, { isPrivate: true, members: [JA_ORGANIZER, 'U6EDIN', 'U6EDOUT'] });
    const id = await createEvent(tb, JA_ORGANIZER, { title: '忘年会', channel: PRIVATE, startsAt: START });
    for (const user of ['U6EDIN', 'U6EDOUT']) {
      await tb.agree(user);
      await pressOnCard(tb, 'event.rsvp.going', user, id);
    }
    tb.fake.declareChannel(PRIVATE, { isPrivate: true, members: [JA_ORGANIZER, 'U6EDIN'] });
    await leftChannel(tb, 'U6EDOUT', PRIVATE);
    expect(await edit(tb, JA_ORGANIZER, id, { title: '忘年会（会場変更）', channel: PRIVATE })).toBe(
      '「忘年会（会場変更）」を更新しました。回答済みの1人に変更点をお知らせします。',
    );
    await tb.tick();
    expect(toldOfChange(tb, 'U6EDIN')).toBe(1);
    expect(toldOfChange(tb, 'U6EDOUT')).toBe(0);
  });
});
