import type { Store } from './store';
import { EventReminderRepository } from './eventReminders';
import { locksRows } from './rowLocks';
import { toVisibility } from './memberRows';
import { type CommunityEvent, type EventInput, type Rsvp, type RsvpStatus } from '../events/types';
import { toEvent, columns, parseStatus, type EventRow } from './eventRows';
import { chunks } from './chunks';
import { StoreBacked } from './storeBacked';

/** What an RSVP needs of its event, read under the event's row lock. */
export interface SeatsOf {
  readonly capacity: number | null;
  readonly cancelled: boolean;
  /** The pressing member's answer before this one. */
  readonly previous: RsvpStatus | undefined;
  /** Members going now, so that a press needs one statement before its write. */
  readonly going: number;
}

/** Waiting members read per query while looking for one who may take a freed seat. */
const WAITLIST_PAGE = 50;

export class EventRepository extends StoreBacked {
  /** Each event's reminder plan (in its own file, for size). */
  readonly reminders: EventReminderRepository;

  constructor(store: Store) {
    super(store);
    this.reminders = new EventReminderRepository(store);
  }

  async insert(input: EventInput, createdBy: string, now: Date): Promise<number> {
    return this.store.transaction(async () => {
      const { id } = await this.sql
        .insertInto('events')
        .values({ ...columns(input), created_by: createdBy, created_at: now.toISOString() })
        .returning('id')
        .executeTakeFirstOrThrow();
      await this.addTags(id, input.tags);
      return id;
    });
  }

  async update(id: number, input: EventInput, now: Date): Promise<void> {
    await this.store.transaction(async () => {
      await this.sql
        .updateTable('events')
        .set({ ...columns(input), updated_at: now.toISOString() })
        .where('id', '=', id)
        .execute();
      await this.sql.deleteFrom('event_tags').where('event_id', '=', id).execute();
      await this.addTags(id, input.tags);
    });
  }

  private async addTags(eventId: number, tags: readonly string[]): Promise<void> {
    if (tags.length === 0) return;
    await this.sql
      .insertInto('event_tags')
      .values([...new Set(tags)].map((tag) => ({ event_id: eventId, tag })))
      .onConflict((conflict) => conflict.columns(['event_id', 'tag']).doNothing())
      .execute();
  }

  async get(id: number): Promise<CommunityEvent | undefined> {
    const row = await this.sql.selectFrom('events').selectAll().where('id', '=', id).executeTakeFirst();
    return row === undefined ? undefined : (await this.withTags([row]))[0];
  }

  /** The events with these ids that exist, in the order of `ids`. */
  async some(ids: readonly number[]): Promise<CommunityEvent[]> {
    const rows: EventRow[] = [];
    for (const chunk of chunks(ids))
      rows.push(...(await this.sql.selectFrom('events').selectAll().where('id', 'in', chunk).execute()));
    const byId = new Map((await this.withTags(rows)).map((event) => [event.id, event]));
    return ids.flatMap((id) => byId.get(id) ?? []);
  }

  /** Maps rows to events, reading the tags of all of them in one query per few hundred. */
  private async withTags(rows: readonly EventRow[]): Promise<CommunityEvent[]> {
    const tags = new Map<number, string[]>();
    for (const chunk of chunks(rows.map((row) => row.id))) {
      const found = await this.sql
        .selectFrom('event_tags')
        .select(['event_id', 'tag'])
        .where('event_id', 'in', chunk)
        .orderBy('event_id')
        .orderBy('tag')
        .execute();
      for (const { event_id, tag } of found) tags.set(event_id, [...(tags.get(event_id) ?? []), tag]);
    }
    return rows.map((row) => toEvent(row, tags.get(row.id) ?? []));
  }

  /**
   * Locks the event's row until the transaction ends (FOR UPDATE on Postgres; SQLite's BEGIN
   * IMMEDIATE already holds the whole file) and reads what decides a seat. Every change to the
   * event's "going" answers takes this lock first, so replicas count seats one after another.
   */
  /**
   * The event's seats under its row lock (Postgres; SQLite's write transaction is the lock), then
   * the member's previous answer and the count going. Two statements, not one: on Postgres a
   * statement that waited for the lock still reads with the snapshot it started with, so counts
   * read in the locking statement would miss the answers of the press that held the lock.
   */
  async lockSeats(eventId: number, userId: string): Promise<SeatsOf | undefined> {
    const event = await this.sql
      .selectFrom('events')
      .select(['capacity', 'status'])
      .where('id', '=', eventId)
      .$if(locksRows(this.sql), (query) => query.forUpdate())
      .executeTakeFirst();
    if (event === undefined) return undefined;
    const answers = await this.sql
      .selectNoFrom((eb) => [
        eb
          .selectFrom('event_rsvps')
          .select('status')
          .where('event_id', '=', eventId)
          .where('user_id', '=', userId)
          .as('previous'),
        eb
          .selectFrom('event_rsvps')
          .select((count) => count.fn.countAll<number>().as('n'))
          .where('event_id', '=', eventId)
          .where('status', '=', 'going')
          .as('going'),
      ])
      .executeTakeFirst();
    const previous = answers?.previous ?? null;
    return {
      capacity: event.capacity,
      cancelled: event.status === 'cancelled',
      previous: previous === null ? undefined : parseStatus(previous),
      going: Number(answers?.going ?? 0),
    };
  }

  async setCard(id: number, channel: string, ts: string): Promise<void> {
    await this.recordCard('events', id, channel, ts);
  }

  async cancel(id: number, now: Date): Promise<boolean> {
    const result = await this.sql
      .updateTable('events')
      .set({ status: 'cancelled', updated_at: now.toISOString() })
      .where('id', '=', id)
      .where('status', '=', 'scheduled')
      .executeTakeFirst();
    return Number(result.numUpdatedRows) === 1;
  }

  async upcoming(now: Date): Promise<CommunityEvent[]> {
    const rows = await this.sql
      .selectFrom('events')
      .selectAll()
      .where('status', '=', 'scheduled')
      .where('ends_at', '>', now.toISOString())
      .orderBy('starts_at')
      .orderBy('id')
      .execute();
    return this.withTags(rows);
  }

  async rsvpOf(eventId: number, userId: string): Promise<RsvpStatus | undefined> {
    const row = await this.sql
      .selectFrom('event_rsvps')
      .select('status')
      .where('event_id', '=', eventId)
      .where('user_id', '=', userId)
      .executeTakeFirst();
    return row === undefined ? undefined : parseStatus(row.status);
  }

  async rsvps(eventId: number): Promise<Rsvp[]> {
    const rows = await this.sql
      .selectFrom('event_rsvps as r')
      .leftJoin('members as m', 'm.user_id', 'r.user_id')
      .select(['r.user_id', 'r.status', 'r.display_name', 'r.responded_at', 'm.visibility'])
      .where('r.event_id', '=', eventId)
      .orderBy('r.responded_at')
      .orderBy('r.user_id')
      .execute();
    return rows.flatMap((row) => {
      const status = parseStatus(row.status);
      const visibility = toVisibility(row.visibility);
      return status === undefined
        ? []
        : [
            {
              userId: row.user_id,
              status,
              displayName: row.display_name,
              respondedAt: row.responded_at,
              visibility,
            },
          ];
    });
  }

  async goingCount(eventId: number): Promise<number> {
    const row = await this.sql
      .selectFrom('event_rsvps')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('event_id', '=', eventId)
      .where('status', '=', 'going')
      .executeTakeFirst();
    return Number(row?.n ?? 0);
  }

  async setRsvp(
    eventId: number,
    userId: string,
    status: RsvpStatus,
    displayName: string,
    now: Date,
  ): Promise<void> {
    await this.sql
      .insertInto('event_rsvps')
      .values({
        event_id: eventId,
        user_id: userId,
        status,
        display_name: displayName,
        responded_at: now.toISOString(),
      })
      .onConflict((conflict) =>
        conflict.columns(['event_id', 'user_id']).doUpdateSet((eb) => ({
          status: eb.ref('excluded.status'),
          display_name: eb.ref('excluded.display_name'),
          responded_at: eb.ref('excluded.responded_at'),
        })),
      )
      .execute();
  }

  /**
   * Moves the longest-waiting member for whom `eligible` holds to "going"; others keep their place.
   * Their user id, or undefined if nobody eligible waits. Call it under `lockSeats`.
   */
  async promoteFirstWaitlisted(
    eventId: number,
    eligible: (userId: string) => boolean,
  ): Promise<string | undefined> {
    // A page at a time: usually the first row is the one.
    for (let offset = 0; ; offset += WAITLIST_PAGE) {
      const page = await this.sql
        .selectFrom('event_rsvps')
        .select('user_id')
        .where('event_id', '=', eventId)
        .where('status', '=', 'waitlist')
        .orderBy('responded_at')
        .orderBy('user_id')
        .limit(WAITLIST_PAGE)
        .offset(offset)
        .execute();
      for (const { user_id } of page) {
        if (!eligible(user_id)) continue;
        // Still waiting? (An erasure committed meanwhile may have removed the row.)
        const moved = await this.sql
          .updateTable('event_rsvps')
          .set({ status: 'going' })
          .where('event_id', '=', eventId)
          .where('user_id', '=', user_id)
          .where('status', '=', 'waitlist')
          .executeTakeFirst();
        if (Number(moved.numUpdatedRows) === 1) return user_id;
      }
      if (page.length < WAITLIST_PAGE) return undefined;
    }
  }

  async myUpcomingRsvps(userId: string, now: Date): Promise<{ eventId: number; status: RsvpStatus }[]> {
    const rows = await this.sql
      .selectFrom('event_rsvps as r')
      .innerJoin('events as e', 'e.id', 'r.event_id')
      .select(['r.event_id', 'r.status'])
      .where('r.user_id', '=', userId)
      .where('e.status', '=', 'scheduled')
      .where('e.ends_at', '>', now.toISOString())
      .orderBy('e.starts_at')
      .orderBy('e.id')
      .execute();
    return rows.flatMap((row) => {
      const status = parseStatus(row.status);
      return status === undefined ? [] : [{ eventId: row.event_id, status }];
    });
  }

  async exportMember(userId: string): Promise<{ rsvps: unknown[]; eventsCreated: unknown[] }> {
    const rsvps = await this.sql
      .selectFrom('event_rsvps as r')
      .innerJoin('events as e', 'e.id', 'r.event_id')
      .select(['r.event_id', 'e.title', 'r.status', 'r.responded_at'])
      .where('r.user_id', '=', userId)
      .orderBy('r.responded_at')
      .orderBy('r.event_id')
      .execute();
    const eventsCreated = await this.sql
      .selectFrom('events')
      .select(['id', 'title', 'starts_at'])
      .where('created_by', '=', userId)
      .orderBy('id')
      .execute();
    return { rsvps, eventsCreated };
  }

  /** Events not cancelled whose posted card counts the member's answer (going, maybe, waitlist). */
  async cardsCounting(userId: string): Promise<number[]> {
    const rows = await this.sql
      .selectFrom('event_rsvps as r')
      .innerJoin('events as e', 'e.id', 'r.event_id')
      .select('r.event_id')
      .where('r.user_id', '=', userId)
      .where('r.status', 'in', ['going', 'maybe', 'waitlist'])
      .where('e.status', '=', 'scheduled')
      .where('e.card_ts', 'is not', null)
      .orderBy('r.event_id')
      .execute();
    return rows.map((row) => row.event_id);
  }

  /**
   * Privacy erasure: the member's RSVPs go; events they created stay, without their name. Returns
   * the events whose card counted them, and the upcoming ones where they held a seat: those stay
   * locked (see lockSeats) until the erasure commits, so the caller can hand each seat on.
   */
  async eraseMember(userId: string, now: Date): Promise<{ cardsCounting: number[]; seatsHeld: number[] }> {
    return this.store.transaction(async () => {
      const cardsCounting = await this.cardsCounting(userId);
      const held = await this.sql
        .selectFrom('event_rsvps as r')
        .innerJoin('events as e', 'e.id', 'r.event_id')
        .select('r.event_id')
        .where('r.user_id', '=', userId)
        .where('r.status', '=', 'going')
        .where('e.status', '=', 'scheduled')
        .where('e.ends_at', '>', now.toISOString())
        .orderBy('r.event_id')
        .execute();
      const seatsHeld = held.map((row) => row.event_id);
      // Events before answers, in id order, as every RSVP does: two transactions never wait on each other in a circle.
      for (const eventId of seatsHeld) await this.lockSeats(eventId, userId);
      await this.sql.deleteFrom('event_rsvps').where('user_id', '=', userId).execute();
      await this.sql
        .updateTable('events')
        .set({ created_by: null })
        .where('created_by', '=', userId)
        .execute();
      return { cardsCounting, seatsHeld };
    });
  }
}
