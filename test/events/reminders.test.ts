import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { TestBot, ADMIN, allText } from '../support/testBot';
import { keyOf } from '../scheduler/helpers';
import { DAY, HOUR, createEvent, eventValues, lastCardText, pressOnCard } from './support';

const ORGANIZER = 'U7ORG01';

async function withOrganizer(tb: TestBot): Promise<void> {
  await tb.agree(ADMIN);
  await tb.command(`role add <@${ORGANIZER}|org> organizer`, ADMIN);
  await tb.agree(ORGANIZER);
}

const remindersTo = (tb: TestBot, eventId: number) =>
  tb.fake
    .callsTo('chat.postMessage')
    .filter((c) => (keyOf(c) ?? '').startsWith(`event:${eventId}:reminder:`));

describe('event reminders, edits and cancellation', () => {
  let tb: TestBot;
  beforeEach(async () => {
    tb = await TestBot.start({ now: '2026-11-24T01:00:00Z' });
    await withOrganizer(tb);
  });
  afterEach(async () => {
    expect(tb.fake.violations).toEqual([]);
    await tb.stop();
  });

  it('a day and an hour before: a thread post and a DM to each member going or maybe, once', async () => {
    const start = new Date('2026-11-28T10:00:00Z');
    const id = await createEvent(tb, ORGANIZER, { startsAt: start });
    for (const [user, action] of [
      ['U7GO', 'event.rsvp.going'],
      ['U7MAYBE', 'event.rsvp.maybe'],
      ['U7NO', 'event.rsvp.not_going'],
    ] as const) {
      await tb.agree(user);
      await pressOnCard(tb, action, user, id);
    }
    const card = await tb.row<{ card_ts: string }>('SELECT card_ts FROM events WHERE id = ?', id);
    tb.clock.set(new Date(start.getTime() - DAY - 60_000));
    await tb.tick();
    expect(remindersTo(tb, id)).toHaveLength(0);
    tb.clock.set(new Date(start.getTime() - DAY));
    await tb.tick();
    await tb.tick();
    const dayBefore = remindersTo(tb, id);
    expect(dayBefore.map((c) => c.args.channel).sort()).toEqual(['C0EVENTS1', 'U7GO', 'U7MAYBE']);
    const thread = dayBefore.find((c) => c.args.channel === 'C0EVENTS1');
    expect(thread?.args.thread_ts).toBe(card?.card_ts);
    expect(String(dayBefore.find((c) => c.args.channel === 'U7MAYBE')?.args.text)).toContain(
      'You said you are maybe',
    );
    tb.clock.set(new Date(start.getTime() - HOUR));
    await tb.tick();
    expect(remindersTo(tb, id)).toHaveLength(6);
    tb.clock.set(new Date(start.getTime() + HOUR));
    await tb.tick();
    expect(remindersTo(tb, id)).toHaveLength(6);
  });

  it('reminder DMs are in each member’s language', async () => {
    const start = new Date('2026-11-28T10:00:00Z');
    const id = await createEvent(tb, ORGANIZER, { startsAt: start, reminders: ['1h'] });
    tb.fake.setUser('U7JA', { locale: 'ja-JP' });
    await tb.agree('U7JA');
    await pressOnCard(tb, 'event.rsvp.going', 'U7JA', id);
    tb.clock.set(new Date(start.getTime() - HOUR));
    await tb.tick();
    const dm = remindersTo(tb, id).find((c) => c.args.channel === 'U7JA');
    expect(String(dm?.args.text)).toContain('リマインダー');
  });

  it('edit: same modal prefilled, card updated, everyone who answered told what changed, reminders moved', async () => {
    const start = new Date('2026-11-28T10:00:00Z');
    const id = await createEvent(tb, ORGANIZER, { title: 'Meetup', startsAt: start });
    await tb.agree('U7EDIT');
    await pressOnCard(tb, 'event.rsvp.going', 'U7EDIT', id);
    await tb.command(`event edit ${id}`, ORGANIZER);
    const modal = await tb.fake.waitForCall('views.open');
    expect(JSON.stringify(modal.args.view)).toContain('"initial_value":"Meetup"');
    const later = new Date('2026-11-29T10:00:00Z');
    const response = await tb.submit(
      'event.modal',
      eventValues({
        title: 'Meetup (moved)',
        channel: 'C0EVENTS1',
        startsAt: later,
        endsAt: new Date(later.getTime() + HOUR),
      }),
      ORGANIZER,
      JSON.stringify({ eventId: id }),
    );
    expect(response.status).toBe(200);
    expect(await lastCardText(tb, id)).toContain('Meetup (moved)');
    await tb.tick();
    const told = tb.fake.callsTo('chat.postMessage').filter((c) => c.args.channel === 'U7EDIT');
    expect(told).toHaveLength(1);
    expect(String(told[0]?.args.text)).toContain('has changed: title and time'.replace(' and ', ', '));
    const reminders = await tb.rows(
      'SELECT code, remind_at FROM event_reminders WHERE event_id = ? ORDER BY code',
      id,
    );
    expect(reminders).toEqual([
      { code: '1d', remind_at: '2026-11-28T10:00:00.000Z' },
      { code: '1h', remind_at: '2026-11-29T09:00:00.000Z' },
    ]);
  });

  it('cancel: card marked cancelled, members told once, no reminders afterwards', async () => {
    const start = new Date('2026-11-28T10:00:00Z');
    const id = await createEvent(tb, ORGANIZER, { startsAt: start });
    await tb.agree('U7CXL');
    await pressOnCard(tb, 'event.rsvp.going', 'U7CXL', id);
    const response = await tb.commandConfirmed(`event cancel ${id}`, ORGANIZER);
    expect(TestBot.replyText(response)).toContain('is cancelled; 1 member who answered will be told.');
    expect(await lastCardText(tb, id)).toContain('has been cancelled');
    await tb.tick();
    tb.clock.set(new Date(start.getTime() - HOUR));
    await tb.tick();
    const toMember = tb.fake.callsTo('chat.postMessage').filter((c) => c.args.channel === 'U7CXL');
    expect(toMember).toHaveLength(1);
    expect(String(toMember[0]?.args.text)).toContain('has been cancelled');
    expect(remindersTo(tb, id)).toHaveLength(0);
    const again = await tb.commandConfirmed(`event cancel ${id}`, ORGANIZER);
    expect(TestBot.replyText(again)).toContain('was already cancelled');
  });

  it('attendees: a list, and a CSV file in the organizer’s DM', async () => {
    const id = await createEvent(tb, ORGANIZER, {});
    tb.fake.setUser('U7ATT', { name: '=HYPERLINK("x")' });
    await tb.agree('U7ATT');
    await pressOnCard(tb, 'event.rsvp.going', 'U7ATT', id);
    const response = await tb.command(`event attendees ${id}`, ORGANIZER);
    expect(allText(response.json)).toContain('<@U7ATT>');
    await tb.fake.waitForCall('files.completeUploadExternal');
    const csv = tb.fake.uploads[tb.fake.uploads.length - 1]?.content.toString('utf8') ?? '';
    // Members are listed by user id only (issue 9 §2): no name, whatever their Slack name holds.
    expect(csv).toContain('user_id,answer,answered_at');
    expect(csv).toContain('"U7ATT","going"');
    expect(csv).not.toContain('HYPERLINK');
  });

  it('privacy delete erases RSVPs and scheduled DMs too; the organizer’s events stay without their name', async () => {
    const start = new Date('2026-11-28T10:00:00Z');
    const id = await createEvent(tb, ORGANIZER, { startsAt: start });
    await tb.agree('U7ERASE');
    await pressOnCard(tb, 'event.rsvp.going', 'U7ERASE', id);
    tb.clock.set(new Date(start.getTime() - DAY));
    await tb.tick();
    expect((await tb.rowsMentioning('U7ERASE')).map((r) => r.table)).toEqual(
      expect.arrayContaining(['event_rsvps', 'outbox']),
    );
    for (const user of ['U7ERASE', ORGANIZER]) {
      await tb.press('privacy.delete', user);
      expect(await tb.rowsMentioning(user)).toEqual([]);
    }
    expect(await tb.row('SELECT title, created_by FROM events WHERE id = ?', id)).toEqual({
      title: 'Alumni meetup',
      created_by: null,
    });
  });

  it.each([
    ['event edit', 'Give the event number'],
    ['event cancel twelve', 'Give the event number'],
    ['event attendees 999', 'There is no event #999'],
    ['event frob', '/alumni event new'],
  ])('bad input %s → a clear message, nothing changed', async (text, expected) => {
    const before = await tb.snapshot();
    const response = await tb.command(text, ORGANIZER);
    expect(allText(response.json)).toContain(expected);
    expect(await tb.snapshot()).toBe(before);
  });
});

describe('reminders across downtime', () => {
  it('a reminder due while the bot was down goes out once on start; one for an event already started is skipped', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'homecoming-downtime-'));
    const env = { DATABASE_PATH: path.join(dir, 'shared.sqlite') };
    const first = await TestBot.start({ env, now: '2026-11-24T01:00:00Z' });
    await withOrganizer(first);
    const soon = await createEvent(first, ORGANIZER, {
      startsAt: new Date('2026-11-26T12:00:00Z'),
      reminders: ['1h'],
    });
    const past = await createEvent(first, ORGANIZER, {
      startsAt: new Date('2026-11-26T09:00:00Z'),
      reminders: ['1h'],
    });
    for (const id of [soon, past]) {
      await first.agree('U7DOWN');
      await pressOnCard(first, 'event.rsvp.going', 'U7DOWN', id);
    }
    await first.stop();

    // Down from before 08:00 until 11:30: the 08:00 reminder's event has started, the 11:00 one's has not.
    const second = await TestBot.start({ env, now: '2026-11-26T11:30:00Z' });
    try {
      const sent = (id: number) =>
        second.fake
          .callsTo('chat.postMessage')
          .filter((c) => (keyOf(c) ?? '').startsWith(`event:${id}:reminder:`));
      expect(
        sent(soon)
          .map((c) => c.args.channel)
          .sort(),
      ).toEqual(['C0EVENTS1', 'U7DOWN']);
      expect(sent(past)).toHaveLength(0);
      const skipped = await second.rows<{ status: string }>(
        'SELECT status FROM outbox WHERE key LIKE ? ORDER BY key',
        `event:${past}:reminder:%`,
      );
      expect(skipped.map((r) => r.status)).toEqual(['skipped', 'skipped']);
      await second.tick();
      expect(sent(soon)).toHaveLength(2);
      expect(second.fake.violations).toEqual([]);
    } finally {
      await second.stop();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
