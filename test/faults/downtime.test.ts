/**
 * Fault: the bot is down for ten minutes. One TestBot runs until 12:00 (Tokyo) and stops; another
 * starts on the same SQLite file with the injected clock at 12:10. Event reminders and scheduled
 * announcements that fell due in between are sent once at start if they still make sense, and
 * recorded as skipped if not; nothing due later goes out early.
 */
import path from 'node:path';
import { FakeSlack } from '../support/fakeSlack';
import { ADMIN, TestBot } from '../support/testBot';
import { keyOf } from '../scheduler/helpers';
import { acceptedByKey, announceValues, eventValues, recordFigures, tempDir } from './support';

const MINUTE = 60_000;
const T0 = Date.parse('2026-04-06T03:00:00Z'); // Monday 12:00 in Tokyo: the bot goes down
const BACK = T0 + 10 * MINUTE; // …and is back at 12:10
const at = (minutes: number): Date => new Date(T0 + minutes * MINUTE);
const ORGANIZER = 'UDOWNORG';
const GOING = 'UDOWN01';
const MAYBE = 'UDOWN02';
const NOT_GOING = 'UDOWN03';
const EVENTS_CHANNEL = 'C0DOWNEV';
const NEWS_CHANNEL = 'C0DOWNNEWS';

describe('fault: ten minutes of downtime', () => {
  it('reminders and announcements due while down: sent once at start if still relevant, skipped otherwise', async () => {
    const { dir, cleanup } = tempDir('homecoming-downtime-');
    const env = { DATABASE_PATH: path.join(dir, 'downtime.sqlite') };
    const fake = await FakeSlack.start();
    // Slack fails every post of one event's reminders while the first bot runs (see E3 below).
    const slack = { failing: '' };
    fake.override('chat.postMessage', (args) => {
      const key = keyOf({ method: 'chat.postMessage', args, at: 0, status: 0, response: undefined }) ?? '';
      return slack.failing !== '' && key.startsWith(slack.failing) ? { status: 500 } : undefined;
    });
    const bots: TestBot[] = [];
    try {
      const first = await TestBot.start({ env, fake, now: at(-30).toISOString() });
      bots.push(first);
      await first.agree(ADMIN);
      await first.command(`role add <@${ORGANIZER}|org> organizer`, ADMIN);
      for (const user of [ORGANIZER, GOING, MAYBE, NOT_GOING]) await first.agree(user);

      const createEvent = async (title: string, startsAt: Date, reminders: string[]): Promise<number> => {
        const values = eventValues({
          title,
          startsAt,
          endsAt: new Date(startsAt.getTime() + 60 * MINUTE),
          channel: EVENTS_CHANNEL,
          reminders,
        });
        const response = await first.submit('event.modal', values, ORGANIZER, '{"eventId":null}');
        expect(response.json).toBeUndefined();
        const id = (await first.row<{ id: number }>('SELECT max(id) AS id FROM events'))?.id ?? 0;
        for (const [user, action] of [
          [GOING, 'event.rsvp.going'],
          [MAYBE, 'event.rsvp.maybe'],
          [NOT_GOING, 'event.rsvp.not_going'],
        ] as const) {
          await first.press(action, user, 'message', String(id));
        }
        return id;
      };
      // E1: starts 12:20, reminder 15 minutes before (12:05, while down): the event has not begun → sent.
      const e1 = await createEvent('Lunch talk', at(20), ['15m']);
      // E2: starts 13:05, reminder an hour before (12:05, while down) → sent.
      const e2 = await createEvent('Afternoon workshop', at(65), ['1h']);
      // E3: starts 12:05 (while down). Its reminder (11:50) could not get through before the
      // bot went down: Slack answered 500, and the retry fell in the downtime. At 12:10 the event
      // has begun → skipped, not sent late.
      const e3 = await createEvent('Quick sync', at(5), ['15m']);
      // E4: starts 15:00; its reminder (14:00) is not due at 12:10 → nothing yet.
      const e4 = await createEvent('Evening mixer', at(180), ['1h']);

      const announce = async (fields: {
        text: string;
        postAt: Date;
        repeat: string;
        cron?: string;
      }): Promise<number> => {
        const response = await first.submit(
          'announcement.modal',
          announceValues({ channel: NEWS_CHANNEL, ...fields }),
          ORGANIZER,
          '',
        );
        expect((response.json as { response_action?: string } | undefined)?.response_action).toBe('update');
        return (await first.row<{ id: number }>('SELECT max(id) AS id FROM announcements'))?.id ?? 0;
      };
      const a1 = await announce({ text: 'One-off at 12:02', postAt: at(2), repeat: 'none' }); // due while down → sent
      const a2 = await announce({ text: 'Daily at 12:07', postAt: at(7), repeat: 'daily' }); // due while down → sent
      // Every three minutes: 12:03 and 12:06 are superseded by 12:09 by the time the bot is back.
      const a3 = await announce({
        text: 'Every three minutes',
        postAt: at(1),
        repeat: 'cron',
        cron: '*/3 * * * *',
      });
      const a4 = await announce({ text: 'One-off at 12:30', postAt: at(30), repeat: 'none' }); // not due yet
      const a5 = await announce({ text: 'Cancelled, was due 12:04', postAt: at(4), repeat: 'none' });
      expect(TestBot.replyText(await first.commandConfirmed(`announce cancel ${a5}`, ORGANIZER))).toContain(
        'is cancelled',
      );

      // 11:50 → 12:00: the scheduler ticks every minute; Slack fails E3's reminder posts.
      slack.failing = `event:${e3}:reminder:`;
      first.clock.set(at(-10));
      for (let minute = -10; minute <= 0; minute += 1) {
        first.clock.set(at(minute));
        await first.tick();
      }
      const e3Rows = await first.bot.services.outbox.list(`event:${e3}:reminder:`);
      expect(e3Rows.map((row) => row.status)).toEqual(['pending', 'pending', 'pending']);
      expect(
        e3Rows.every((row) => row.nextAttemptAt.getTime() > T0 && row.nextAttemptAt.getTime() <= BACK),
      ).toBe(true);
      const postsBeforeDowntime = fake.callsTo('chat.postMessage').length;
      await first.stop();
      bots.splice(0);

      // 12:10: back. Slack works again. The start-up tick alone does the catch-up.
      slack.failing = '';
      const second = await TestBot.start({ env, fake, now: new Date(BACK).toISOString() });
      bots.push(second);
      const outbox = second.bot.services.outbox;
      const statusOf = async (key: string): Promise<string | undefined> => (await outbox.find(key))?.status;
      const counts = acceptedByKey(fake);

      const reminderKeys = (id: number, code: string): string[] => [
        `event:${id}:reminder:${code}:thread`,
        `event:${id}:reminder:${code}:dm:${GOING}`,
        `event:${id}:reminder:${code}:dm:${MAYBE}`,
      ];
      const expectedSent = [
        ...reminderKeys(e1, '15m'),
        ...reminderKeys(e2, '1h'),
        `announce:${a1}:${at(2).toISOString()}`,
        `announce:${a2}:${at(7).toISOString()}`,
        `announce:${a3}:${at(9).toISOString()}`,
      ];
      const expectedSkipped = [
        ...reminderKeys(e3, '15m'),
        `announce:${a3}:${at(3).toISOString()}`,
        `announce:${a3}:${at(6).toISOString()}`,
      ];
      const withStatus = (keys: string[]): Promise<(string | number | undefined)[][]> =>
        Promise.all(keys.map(async (key) => [key, await statusOf(key), counts.get(key) ?? 0]));
      expect(await withStatus(expectedSent)).toEqual(expectedSent.map((key) => [key, 'sent', 1]));
      expect(await withStatus(expectedSkipped)).toEqual(expectedSkipped.map((key) => [key, 'skipped', 0]));
      expect(
        await Promise.all(reminderKeys(e3, '15m').map(async (key) => (await outbox.find(key))?.lastError)),
      ).toEqual(['expired', 'expired', 'expired']);
      expect((await outbox.find(`announce:${a3}:${at(3).toISOString()}`))?.lastError).toBe(
        'the bot was not running when it was due',
      );
      // Nothing for the member who is not going, nothing cancelled, nothing not yet due.
      expect(await outbox.list(`event:${e1}:reminder:15m:dm:${NOT_GOING}`)).toEqual([]);
      expect(await outbox.list(`announce:${a5}:`)).toEqual([]);
      expect(await outbox.list(`announce:${a4}:`)).toEqual([]);
      expect(await outbox.list(`event:${e4}:`)).toEqual([]);
      // The start-up tick sent exactly the catch-up posts, in the members' DMs and the event threads.
      const startupPosts = fake
        .callsTo('chat.postMessage')
        .slice(postsBeforeDowntime)
        .filter((c) => c.status === 200);
      expect(startupPosts.map((c) => keyOf(c)).sort()).toEqual([...expectedSent].sort());

      // Later ticks do not send any of them again; the schedule goes on as planned.
      for (let minute = 11; minute <= 31; minute += 1) {
        second.clock.set(at(minute));
        await second.tick();
      }
      const after = acceptedByKey(fake);
      expect(expectedSent.map((key) => after.get(key) ?? 0)).toEqual(expectedSent.map(() => 1));
      expect(expectedSkipped.map((key) => after.get(key) ?? 0)).toEqual(expectedSkipped.map(() => 0));
      expect(after.get(`announce:${a3}:${at(12).toISOString()}`)).toBe(1);
      expect(after.get(`announce:${a4}:${at(30).toISOString()}`)).toBe(1);
      expect(fake.violations).toEqual([]);
      recordFigures('downtime', {
        dueWhileDown: expectedSent.length + expectedSkipped.length,
        sentOnStart: expectedSent.length,
        skipped: expectedSkipped.length,
        duplicated: 0,
        lost: 0,
      });
    } finally {
      for (const bot of bots) await bot.stop();
      await fake.stop();
      cleanup();
    }
  });
});
