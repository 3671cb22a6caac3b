import { ADMIN, TestBot, allText } from '../support/testBot';
import { profileValues } from '../support/forms';
import { createEvent, lastCardText, pressOnCard } from '../events/support';

// Issue 9 §2: a member who chose "nobody" or "admins and HR only" is never named, listed or counted
// alone through another door: `stats csv`, the attendee list and its CSV, the event card, `stats`.

const ORGANIZER = 'U9HORG1';
const VISIBLE = 'U9HVIS1';
const STAFF_ONLY = 'U9HSTF1';
const HIDDEN = 'U9HHID1';

type Visibility = 'all' | 'staff' | 'nobody';

async function member(tb: TestBot, user: string, name: string, visibility: Visibility, interests = 'go'): Promise<void> {
  await tb.agree(user);
  const saved = await tb.submit('profile.modal', profileValues({ name, from: '2015', title: `${name} title`, interests, visibility }), user);
  if (saved.status !== 200) throw new Error(`profile not saved for ${user}`);
}

/** Rows of a CSV whose cells are all quoted (as ours are): enough for ids and numbers. */
function csvRows(content: string): string[][] {
  return content
    .trim()
    .split('\r\n')
    .map((line) => line.split(',').map((cell) => cell.replace(/^"|"$/g, '')));
}

describe('hidden members stay hidden', () => {
  let tb: TestBot;
  afterEach(async () => {
    expect(tb.fake.violations).toEqual([]);
    await tb.stop();
  });

  describe('event cards and attendee lists', () => {
    beforeEach(async () => {
      tb = await TestBot.start();
      await tb.agree(ADMIN);
      await tb.command(`role add <@${ORGANIZER}|o> organizer`, ADMIN);
      await member(tb, ORGANIZER, 'Olga Organizer', 'all');
      await member(tb, VISIBLE, 'Vera Visible', 'all');
      await member(tb, STAFF_ONLY, 'Saki Staff', 'staff');
      await member(tb, HIDDEN, 'Hana Hidden', 'nobody');
    });

    it('the card names only members visible to all; the others are counted', async () => {
      const id = await createEvent(tb, ORGANIZER, { title: 'Tea ceremony' });
      await pressOnCard(tb, 'event.rsvp.going', HIDDEN, id);
      // Alone on the card, a hidden member is a number, not a name.
      expect(lastCardText(tb, id)).toContain('*1 going*"');
      await pressOnCard(tb, 'event.rsvp.going', STAFF_ONLY, id);
      await pressOnCard(tb, 'event.rsvp.going', VISIBLE, id);
      const card = lastCardText(tb, id);
      expect(card).toContain('*3 going*: Vera and 2 more');
      expect(card).not.toMatch(/Hana|Saki/);
    });

    it('a member who hides their profile leaves the cards of events they go to at once', async () => {
      const id = await createEvent(tb, ORGANIZER, { title: 'Tea ceremony' });
      await pressOnCard(tb, 'event.rsvp.going', VISIBLE, id);
      expect(lastCardText(tb, id)).toContain('*1 going*: Vera');
      await tb.submit('profile.modal', profileValues({ name: 'Vera Visible', from: '2015', interests: 'go', visibility: 'nobody' }), VISIBLE);
      expect(lastCardText(tb, id)).toContain('*1 going*"');
      expect(lastCardText(tb, id)).not.toContain('Vera');
    });

    it('the attendee list and its CSV name members by Slack mention or id, never by a profile’s name', async () => {
      const id = await createEvent(tb, ORGANIZER, { title: 'Tea ceremony' });
      for (const user of [HIDDEN, STAFF_ONLY, VISIBLE]) await pressOnCard(tb, 'event.rsvp.going', user, id);
      const response = await tb.command(`event attendees ${id}`, ORGANIZER);
      const list = allText(response.json);
      expect(list).toContain(`*going* (3): <@${HIDDEN}> <@${STAFF_ONLY}> <@${VISIBLE}>`);
      await tb.fake.waitForCall('files.completeUploadExternal');
      const csv = tb.fake.uploads[tb.fake.uploads.length - 1]?.content.toString('utf8') ?? '';
      expect(csvRows(csv.replace(/^\uFEFF/, '')).map((row) => row.slice(0, 2))).toEqual([
        ['user_id', 'answer'],
        [HIDDEN, 'going'],
        [STAFF_ONLY, 'going'],
        [VISIBLE, 'going'],
      ]);
      expect(`${list}\n${csv}`).not.toMatch(/Hana|Saki|Vera/);
    });
  });

  describe('an event card in Japanese', () => {
    beforeEach(async () => {
      tb = await TestBot.start({ env: { DEFAULT_LOCALE: 'ja' } });
      await tb.agree(ADMIN);
      await tb.command(`role add <@${ORGANIZER}|o> organizer`, ADMIN);
      await member(tb, ORGANIZER, 'Olga Organizer', 'all');
      await member(tb, VISIBLE, 'Vera Visible', 'all');
      await member(tb, HIDDEN, 'Hana Hidden', 'nobody');
    });

    it('counts a hidden member without naming them', async () => {
      const id = await createEvent(tb, ORGANIZER, { title: '茶会' });
      await pressOnCard(tb, 'event.rsvp.going', HIDDEN, id);
      expect(lastCardText(tb, id)).toContain('*1人が参加*"');
      await pressOnCard(tb, 'event.rsvp.going', VISIBLE, id);
      expect(lastCardText(tb, id)).toContain('*2人が参加*:Vera ほか1人');
      expect(lastCardText(tb, id)).not.toContain('Hana');
    });
  });
});
