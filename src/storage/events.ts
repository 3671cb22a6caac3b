import { z } from 'zod';
import type { Db } from './database';
import type { Store } from './store';
import { visibilitySchema } from '../members/types';
import {
  reminderCodeSchema,
  type CommunityEvent,
  type EventInput,
  type ReminderCode,
  type Rsvp,
  type RsvpStatus,
} from '../events/types';

interface EventRow {
  id: number;
  title: string;
  description: string | null;
  starts_at: string;
  ends_at: string;
  place: string | null;
  url: string | null;
  channel: string;
  capacity: number | null;
  reminders: string;
  created_by: string | null;
  status: string;
  card_channel: string | null;
  card_ts: string | null;
}

const remindersJson = z.array(reminderCodeSchema);
const rsvpStatus = z.enum(['going', 'maybe', 'not_going', 'waitlist']);

export interface DueReminder {
  readonly eventId: number;
  readonly code: ReminderCode;
  readonly remindAt: Date;
}

/** SQL for events, their tags, RSVPs and reminder plans. */
export class EventRepository {
  private readonly s;

  constructor(
    private readonly db: Db,
    private readonly store: Store,
  ) {
    this.s = {
      insert: db.prepare(
        `INSERT INTO events (title, description, starts_at, ends_at, place, url, channel, capacity, reminders, created_by, created_at)
         VALUES (@title, @description, @startsAt, @endsAt, @place, @url, @channel, @capacity, @reminders, @createdBy, @now)`,
      ),
      update: db.prepare(
        `UPDATE events SET title = @title, description = @description, starts_at = @startsAt, ends_at = @endsAt, place = @place,
           url = @url, channel = @channel, capacity = @capacity, reminders = @reminders, updated_at = @now
         WHERE id = @id`,
      ),
      get: db.prepare<[number], EventRow>('SELECT * FROM events WHERE id = ?'),
      tags: db.prepare<[number], { tag: string }>(
        'SELECT tag FROM event_tags WHERE event_id = ? ORDER BY tag',
      ),
      clearTags: db.prepare('DELETE FROM event_tags WHERE event_id = ?'),
      addTag: db.prepare('INSERT INTO event_tags (event_id, tag) VALUES (?, ?) ON CONFLICT DO NOTHING'),
      setCard: db.prepare('UPDATE events SET card_channel = ?, card_ts = ? WHERE id = ?'),
      cancel: db.prepare(
        "UPDATE events SET status = 'cancelled', updated_at = ? WHERE id = ? AND status = 'scheduled'",
      ),
      upcoming: db.prepare<[string], EventRow>(
        "SELECT * FROM events WHERE status = 'scheduled' AND ends_at > ? ORDER BY starts_at, id",
      ),
      rsvp: db.prepare<[number, string], { status: string }>(
        'SELECT status FROM event_rsvps WHERE event_id = ? AND user_id = ?',
      ),
      rsvps: db.prepare<
        [number],
        {
          user_id: string;
          status: string;
          display_name: string;
          responded_at: string;
          visibility: string | null;
        }
      >(
        `SELECT r.user_id, r.status, r.display_name, r.responded_at, m.visibility
         FROM event_rsvps r LEFT JOIN members m ON m.user_id = r.user_id
         WHERE r.event_id = ? ORDER BY r.responded_at, r.user_id`,
      ),
      countGoing: db.prepare<[number], { n: number }>(
        "SELECT count(*) AS n FROM event_rsvps WHERE event_id = ? AND status = 'going'",
      ),
      upsertRsvp: db.prepare(
        `INSERT INTO event_rsvps (event_id, user_id, status, display_name, responded_at) VALUES (?, ?, ?, ?, ?)
         ON CONFLICT (event_id, user_id) DO UPDATE SET status = excluded.status, display_name = excluded.display_name,
           responded_at = excluded.responded_at`,
      ),
      waitlisted: db.prepare<[number], { user_id: string }>(
        "SELECT user_id FROM event_rsvps WHERE event_id = ? AND status = 'waitlist' ORDER BY responded_at, user_id",
      ),
      promote: db.prepare("UPDATE event_rsvps SET status = 'going' WHERE event_id = ? AND user_id = ?"),
      myRsvps: db.prepare<[string, string], { event_id: number; status: string }>(
        `SELECT r.event_id, r.status FROM event_rsvps r JOIN events e ON e.id = r.event_id
         WHERE r.user_id = ? AND e.status = 'scheduled' AND e.ends_at > ? ORDER BY e.starts_at`,
      ),
      clearUnplannedReminders: db.prepare(
        'DELETE FROM event_reminders WHERE event_id = ? AND planned_at IS NULL',
      ),
      addReminder: db.prepare(
        'INSERT INTO event_reminders (event_id, code, remind_at) VALUES (?, ?, ?) ON CONFLICT (event_id, code) DO NOTHING',
      ),
      dueReminders: db.prepare<[string], { event_id: number; code: string; remind_at: string }>(
        'SELECT event_id, code, remind_at FROM event_reminders WHERE planned_at IS NULL AND remind_at <= ? ORDER BY remind_at',
      ),
      markPlanned: db.prepare(
        'UPDATE event_reminders SET planned_at = ? WHERE event_id = ? AND code = ? AND planned_at IS NULL',
      ),
      eraseRsvps: db.prepare('DELETE FROM event_rsvps WHERE user_id = ?'),
      // A card counts going, maybe and waitlist answers (and names those going).
      cardsCounting: db.prepare<[string], { event_id: number }>(
        `SELECT r.event_id FROM event_rsvps r JOIN events e ON e.id = r.event_id
         WHERE r.user_id = ? AND r.status IN ('going', 'maybe', 'waitlist') AND e.status = 'scheduled' AND e.card_ts IS NOT NULL
         ORDER BY r.event_id`,
      ),
      seatsHeld: db.prepare<[string, string], { event_id: number }>(
        `SELECT r.event_id FROM event_rsvps r JOIN events e ON e.id = r.event_id
         WHERE r.user_id = ? AND r.status = 'going' AND e.status = 'scheduled' AND e.ends_at > ? ORDER BY r.event_id`,
      ),
      exportRsvps: db.prepare<
        [string],
        { event_id: number; title: string; status: string; responded_at: string }
      >(
        `SELECT r.event_id, e.title, r.status, r.responded_at FROM event_rsvps r JOIN events e ON e.id = r.event_id
         WHERE r.user_id = ? ORDER BY r.responded_at`,
      ),
      exportCreated: db.prepare<[string], { id: number; title: string; starts_at: string }>(
        'SELECT id, title, starts_at FROM events WHERE created_by = ? ORDER BY id',
      ),
      forgetCreator: db.prepare('UPDATE events SET created_by = NULL WHERE created_by = ?'),
    };
  }

  insert(input: EventInput, createdBy: string, now: Date): number {
    return this.db.transaction(() => {
      const result = this.s.insert.run({ ...this.columns(input), createdBy, now: now.toISOString() });
      const id = Number(result.lastInsertRowid);
      for (const tag of input.tags) this.s.addTag.run(id, tag);
      return id;
    })();
  }

  update(id: number, input: EventInput, now: Date): void {
    this.db.transaction(() => {
      this.s.update.run({ ...this.columns(input), id, now: now.toISOString() });
      this.s.clearTags.run(id);
      for (const tag of input.tags) this.s.addTag.run(id, tag);
    })();
  }

  private columns(input: EventInput): Record<string, string | number | null> {
    return {
      title: input.title,
      description: input.description,
      startsAt: input.startsAt.toISOString(),
      endsAt: input.endsAt.toISOString(),
      place: input.place,
      url: input.url,
      channel: input.channel,
      capacity: input.capacity,
      reminders: JSON.stringify(input.reminders),
    };
  }

  get(id: number): CommunityEvent | undefined {
    const row = this.s.get.get(id);
    return row === undefined ? undefined : this.toEvent(row);
  }

  private toEvent(row: EventRow): CommunityEvent {
    const reminders = remindersJson.safeParse(JSON.parse(row.reminders));
    return {
      id: row.id,
      title: row.title,
      description: row.description,
      startsAt: new Date(row.starts_at),
      endsAt: new Date(row.ends_at),
      place: row.place,
      url: row.url,
      channel: row.channel,
      capacity: row.capacity,
      tags: this.s.tags.all(row.id).map((r) => r.tag),
      reminders: reminders.success ? reminders.data : [],
      createdBy: row.created_by,
      status: row.status === 'cancelled' ? 'cancelled' : 'scheduled',
      cardChannel: row.card_channel,
      cardTs: row.card_ts,
    };
  }

  setCard(id: number, channel: string, ts: string): void {
    this.s.setCard.run(channel, ts, id);
  }

  cancel(id: number, now: Date): boolean {
    return this.s.cancel.run(now.toISOString(), id).changes === 1;
  }

  upcoming(now: Date): CommunityEvent[] {
    return this.s.upcoming.all(now.toISOString()).map((row) => this.toEvent(row));
  }

  rsvpOf(eventId: number, userId: string): RsvpStatus | undefined {
    const row = this.s.rsvp.get(eventId, userId);
    if (row === undefined) return undefined;
    const parsed = rsvpStatus.safeParse(row.status);
    return parsed.success ? parsed.data : undefined;
  }

  rsvps(eventId: number): Rsvp[] {
    return this.s.rsvps.all(eventId).flatMap((row) => {
      const status = rsvpStatus.safeParse(row.status);
      const visibility = visibilitySchema.catch('nobody').parse(row.visibility ?? 'nobody');
      return status.success
        ? [
            {
              userId: row.user_id,
              status: status.data,
              displayName: row.display_name,
              respondedAt: row.responded_at,
              visibility,
            },
          ]
        : [];
    });
  }

  goingCount(eventId: number): number {
    return this.s.countGoing.get(eventId)?.n ?? 0;
  }

  setRsvp(eventId: number, userId: string, status: RsvpStatus, displayName: string, now: Date): void {
    this.s.upsertRsvp.run(eventId, userId, status, displayName, now.toISOString());
  }

  /** Moves the longest-waiting member to "going"; their user id, or undefined if nobody waits. */
  /** Moves the longest-waiting member for whom `eligible` holds to "going"; others keep their place. */
  promoteFirstWaitlisted(eventId: number, eligible: (userId: string) => boolean): string | undefined {
    // Iterated, not loaded whole: usually the first row is the one. (The iterator is closed by
    // `break` before the update: a connection runs one statement at a time.)
    let chosen: string | undefined;
    for (const row of this.s.waitlisted.iterate(eventId)) {
      if (!eligible(row.user_id)) continue;
      chosen = row.user_id;
      break;
    }
    if (chosen !== undefined) this.s.promote.run(eventId, chosen);
    return chosen;
  }

  myUpcomingRsvps(userId: string, now: Date): { eventId: number; status: RsvpStatus }[] {
    return this.s.myRsvps.all(userId, now.toISOString()).flatMap((row) => {
      const status = rsvpStatus.safeParse(row.status);
      return status.success ? [{ eventId: row.event_id, status: status.data }] : [];
    });
  }

  /** Replaces the reminders not yet planned; ones already sent (planned) stay as they were. */
  setReminders(eventId: number, reminders: readonly DueReminder[]): void {
    this.db.transaction(() => {
      this.s.clearUnplannedReminders.run(eventId);
      for (const r of reminders) this.s.addReminder.run(eventId, r.code, r.remindAt.toISOString());
    })();
  }

  clearUnplannedReminders(eventId: number): void {
    this.s.clearUnplannedReminders.run(eventId);
  }

  dueReminders(now: Date): DueReminder[] {
    return this.s.dueReminders.all(now.toISOString()).flatMap((row) => {
      const code = reminderCodeSchema.safeParse(row.code);
      return code.success
        ? [{ eventId: row.event_id, code: code.data, remindAt: new Date(row.remind_at) }]
        : [];
    });
  }

  /** True only for the caller that marked it: a second process planning the same reminder does nothing. */
  markReminderPlanned(eventId: number, code: ReminderCode, now: Date): boolean {
    return this.s.markPlanned.run(now.toISOString(), eventId, code).changes === 1;
  }

  exportMember(userId: string): { rsvps: unknown[]; eventsCreated: unknown[] } {
    return { rsvps: this.s.exportRsvps.all(userId), eventsCreated: this.s.exportCreated.all(userId) };
  }

  /** Events not cancelled whose posted card counts the member's answer (going, maybe, waitlist). */
  cardsCounting(userId: string): number[] {
    return this.s.cardsCounting.all(userId).map((row) => row.event_id);
  }

  /**
   * Privacy erasure: the member's RSVPs go; events they created stay, without their name. Returns
   * the events whose card counted them, and the upcoming ones where they held a seat.
   */
  eraseMember(userId: string, now: Date): { cardsCounting: number[]; seatsHeld: number[] } {
    const cardsCounting = this.cardsCounting(userId);
    const seatsHeld = this.s.seatsHeld.all(userId, now.toISOString()).map((row) => row.event_id);
    this.s.eraseRsvps.run(userId);
    this.s.forgetCreator.run(userId);
    return { cardsCounting, seatsHeld };
  }

  transaction<T>(work: () => Promise<T>): Promise<T> {
    return this.store.transaction(work);
  }
}
