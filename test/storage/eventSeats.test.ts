import { AudienceService } from '../../src/audience/service';
import type { ChannelDirectory } from '../../src/audience/types';
import { ManualClock } from '../../src/clock';
import { EventService, type EventMessages, type OutboxPort } from '../../src/events/service';
import type { EventInput } from '../../src/events/types';
import { LogLevel } from '@slack/bolt';
import { LineLogger } from '../../src/logger';
import { RoleService } from '../../src/roles/service';
import type { OutboxMessage, ScheduleRequest } from '../../src/scheduler/types';
import { AudienceRepository } from '../../src/storage/audience';
import { EventRepository } from '../../src/storage/events';
import { RoleRepository } from '../../src/storage/roles';
import { sql as rawSql } from 'kysely';
import { Store } from '../../src/storage/store';
import { ViewSubmissionRepository } from '../../src/storage/viewSubmissions';
import { describeOnEachEngine, type EngineUnderTest } from '../support/engines';

// Replicas press at once: each has its own connection (a pool on Postgres, a handle on the SQLite
// file), its own Store and its own EventService, as separate bot processes would.

const T0 = new Date('2026-12-01T10:00:00.000Z');
const CHANNEL = 'C0EVENTS';

const party: EventInput = {
  title: 'Capacity ten',
  description: null,
  startsAt: new Date('2026-12-10T10:00:00.000Z'),
  endsAt: new Date('2026-12-10T12:00:00.000Z'),
  place: null,
  url: null,
  channel: CHANNEL,
  capacity: 10,
  tags: [],
  reminders: [],
};

/** Slack's side: the channel is public, and the organizer is in it. */
const directory: ChannelDirectory = {
  describe: () => Promise.resolve({ isPrivate: false }),
  members: () => Promise.resolve({ members: ['UORG'], complete: true }),
};
const text = (): OutboxMessage => ({ text: 'notice' });
const messages: EventMessages = {
  reminderThread: text,
  reminderDm: text,
  changed: text,
  cancelled: text,
  promoted: text,
};

interface Replica {
  readonly events: EventService;
  readonly repository: EventRepository;
  readonly store: Store;
  /** What this replica queued for delivery (promotion notices). */
  readonly scheduled: ScheduleRequest[];
}

async function replica(engine: EngineUnderTest): Promise<Replica> {
  const sql = engine.connect();
  // See `pressing`: on SQLite a handle that finds the file locked gives up at once.
  if (engine.name === 'sqlite') await rawSql`PRAGMA busy_timeout = 0`.execute(sql);
  const store = new Store(sql);
  const clock = new ManualClock(T0);
  const scheduled: ScheduleRequest[] = [];
  const outbox: OutboxPort = {
    schedule: (request) => Promise.resolve(scheduled.push(request) > 0),
    scheduleSkipped: () => Promise.resolve(true),
    cancel: () => Promise.resolve(0),
  };
  const repository = new EventRepository(store);
  const events = new EventService({
    repository,
    submissions: new ViewSubmissionRepository(store),
    roles: new RoleService(new RoleRepository(store), ['UORG'], clock),
    audience: new AudienceService({
      repository: new AudienceRepository(store),
      directory,
      clock,
      logger: new LineLogger(LogLevel.ERROR, () => undefined),
    }),
    outbox,
    messages,
    localeOf: () => Promise.resolve('en'),
    defaultLocale: 'en',
    timeZone: 'Asia/Tokyo',
    clock,
  });
  return { events, repository, store, scheduled };
}

/** By its code: better-sqlite3's native part keeps the error class of the first test file to load it. */
function isSqliteBusy(error: unknown): boolean {
  return typeof error === 'object' && error !== null && 'code' in error && error.code === 'SQLITE_BUSY';
}

/**
 * Runs one replica's request. On SQLite the replicas' handles all live in this one thread, so a
 * handle waiting in SQLite's busy handler would block the very thread that holds the write lock.
 * Each handle gives up at once instead (busy_timeout 0: BEGIN IMMEDIATE fails before the transaction
 * did anything), and the request is tried again shortly: what the busy handler does for separate
 * processes. On Postgres the row lock makes the request wait, and nothing is retried.
 */
async function pressing<T>(request: () => Promise<T>): Promise<T> {
  for (;;) {
    try {
      return await request();
    } catch (error) {
      if (!isSqliteBusy(error)) throw error;
      await new Promise((resolve) => setTimeout(resolve, 1));
    }
  }
}

const member = (n: number): string => `U${String(n).padStart(3, '0')}`;

describeOnEachEngine('event seats across replicas', (engine) => {
  let replicas: Replica[];
  let eventId: number;
  const first = (): Replica => {
    const r = replicas[0];
    if (r === undefined) throw new Error('no replica');
    return r;
  };
  const on = (i: number): Replica => replicas[i % replicas.length] ?? first();

  beforeAll(async () => {
    replicas = await Promise.all(Array.from({ length: 30 }, () => replica(engine())));
    await new AudienceRepository(first().store).saveChannel(CHANNEL, false, T0);
    ({
      event: { id: eventId },
    } = await first().events.create('UORG', party));
  });

  async function counts(): Promise<Record<string, number>> {
    const tally: Record<string, number> = {};
    for (const r of await first().repository.rsvps(eventId)) tally[r.status] = (tally[r.status] ?? 0) + 1;
    return tally;
  }

  test('30 members press Going at once on 30 replicas: exactly 10 go, 20 wait', async () => {
    const results = await Promise.all(
      replicas.map((r, i) => pressing(() => r.events.rsvp(member(i), eventId, 'going', `Member ${i}`))),
    );
    expect(results.filter((r) => r.status === 'going')).toHaveLength(10);
    expect(results.filter((r) => r.status === 'waitlist')).toHaveLength(20);
    expect(await counts()).toEqual({ going: 10, waitlist: 20 });
    // What each presser was told is what was stored.
    for (const [i, result] of results.entries())
      expect(await first().repository.rsvpOf(eventId, member(i))).toBe(result.status);
  });

  test('5 leave while 5 more press Going, all at once: seats pass to the first 5 waiting, still 10 going', async () => {
    const rsvps = await first().repository.rsvps(eventId);
    const going = rsvps.filter((r) => r.status === 'going').map((r) => r.userId);
    // Everyone answered at the same instant, so the queue is in user id order.
    const waiting = rsvps.filter((r) => r.status === 'waitlist').map((r) => r.userId);
    const leaving = going.slice(0, 5);
    const results = await Promise.all([
      ...leaving.map((userId, i) => pressing(() => on(i).events.rsvp(userId, eventId, 'not_going', userId))),
      ...[30, 31, 32, 33, 34].map((n, i) =>
        pressing(() => on(i + 5).events.rsvp(member(n), eventId, 'going', member(n))),
      ),
    ]);
    const promoted = results.flatMap((r) => (r.promoted === undefined ? [] : [r.promoted]));
    expect(promoted.sort()).toEqual(waiting.slice(0, 5));
    expect(results.slice(5).map((r) => r.status)).toEqual(Array(5).fill('waitlist'));
    expect(await counts()).toEqual({ going: 10, waitlist: 20, not_going: 5 });
  });

  test('erasing members who held seats, while others press Going: their seats go to the queue, still 10', async () => {
    const rsvps = await first().repository.rsvps(eventId);
    const waiting = rsvps.filter((r) => r.status === 'waitlist').map((r) => r.userId);
    const erased = rsvps
      .filter((r) => r.status === 'going')
      .map((r) => r.userId)
      .slice(0, 3);
    const erasures = erased.map((userId, i) =>
      pressing(() =>
        on(i).store.transaction(async () => (await on(i).events.eraseMember(userId)).afterCommit),
      ),
    );
    const presses = [40, 41, 42].map((n, i) =>
      pressing(() => on(i + 10).events.rsvp(member(n), eventId, 'going', member(n))),
    );
    const told = await Promise.all(erasures);
    expect((await Promise.all(presses)).map((r) => r.status)).toEqual(Array(3).fill('waitlist'));
    for (const afterCommit of told) await afterCommit();
    const going = (await first().repository.rsvps(eventId))
      .filter((r) => r.status === 'going')
      .map((r) => r.userId);
    expect(going).toHaveLength(10);
    expect(going).toEqual(expect.arrayContaining(waiting.slice(0, 3)));
    expect(going).not.toEqual(expect.arrayContaining([erased[0]]));
    const notices = replicas.flatMap((r) => r.scheduled).filter((s) => s.kind === 'event_promoted');
    expect(notices.map((s) => s.channel).sort()).toEqual(expect.arrayContaining(waiting.slice(0, 3)));
  });
});
