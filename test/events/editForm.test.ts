import { ADMIN, TestBot } from '../support/testBot';
import { valuesAsShown } from '../support/forms';
import { DAY, HOUR, createEvent } from './support';

const ORGANIZER = 'U7ORG02';

// The edit form is the create form filled from the event: submitted as it opens, it changes nothing.
describe('events: the edit form shows the event as saved', () => {
  let tb: TestBot;
  beforeEach(async () => {
    tb = await TestBot.start({ now: '2026-11-24T01:00:00Z' });
    await tb.agree(ADMIN);
    await tb.command(`role add <@${ORGANIZER}|org> organizer`, ADMIN);
    await tb.agree(ORGANIZER);
  });
  afterEach(async () => {
    expect(tb.fake.violations).toEqual([]);
    await tb.stop();
  });

  it('every field, submitted untouched, saves the same event', async () => {
    const start = new Date(tb.clock.now().getTime() + 10 * DAY);
    const id = await createEvent(tb, ORGANIZER, {
      title: 'Alumni dinner',
      description: 'Dinner near the old office',
      startsAt: start,
      endsAt: new Date(start.getTime() + 3 * HOUR),
      place: 'Shibuya',
      url: 'https://example.com/dinner',
      capacity: '24',
      tags: 'food, golang',
      reminders: ['1w', '15m'],
    });
    const row = async () =>
      tb.row<Record<string, unknown>>(
        'SELECT title, description, starts_at, ends_at, place, url, channel, capacity FROM events WHERE id = ?',
        id,
      );
    const reminders = async () =>
      tb.rows('SELECT code FROM event_reminders WHERE event_id = ? ORDER BY code', id);
    const tags = async () => tb.rows('SELECT tag FROM event_tags WHERE event_id = ? ORDER BY tag', id);
    const [before, remindersBefore, tagsBefore] = [await row(), await reminders(), await tags()];

    await tb.command(`event edit ${id}`, ORGANIZER);
    const opened = (await tb.fake.waitForCall('views.open')).args.view as { blocks: unknown[] };
    const response = await tb.submit(
      'event.modal',
      valuesAsShown(opened.blocks),
      ORGANIZER,
      JSON.stringify({ eventId: id }),
    );

    expect(response.status).toBe(200);
    expect(response.text).toBe('');
    expect(await row()).toEqual(before);
    expect(await reminders()).toEqual(remindersBefore);
    expect(await tags()).toEqual(tagsBefore);
    expect(remindersBefore).toEqual([{ code: '15m' }, { code: '1w' }]);
    expect(tagsBefore).toHaveLength(2);
  });
});
