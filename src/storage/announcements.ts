import type { Selectable } from 'kysely';
import type { Database } from './schema';
import { everyFieldWritten } from './written';
import { repeatSchema, type Announcement, type AnnouncementInput } from '../announcements/types';
import { StoreBacked } from './storeBacked';

type AnnouncementRow = Selectable<Database['announcements']>;

/** The one mapping from a stored announcement to the domain's (cancelled_at and created_at stay in SQL). */
function toAnnouncement(row: AnnouncementRow): Announcement {
  return {
    id: row.id,
    channel: row.channel,
    text: row.text,
    firstAt: new Date(row.first_at),
    repeat: repeatSchema.catch('none').parse(row.repeat),
    cron: row.cron,
    timeZone: row.time_zone,
    author: row.author,
    status: row.status === 'cancelled' ? 'cancelled' : row.status === 'finished' ? 'finished' : 'active',
    nextAt: row.next_at === null ? null : new Date(row.next_at),
  };
}

/** The columns an announcement form writes, every field of it. */
function columns(input: AnnouncementInput) {
  const { channel, text, firstAt, repeat, cron, ...unwritten } = input;
  everyFieldWritten(unwritten);
  return { channel, text, first_at: firstAt.toISOString(), repeat, cron };
}

/** What a member's data export lists of the announcements they scheduled. */
export interface AuthoredAnnouncement {
  readonly id: number;
  readonly channel: string;
  readonly repeat: string;
  readonly status: string;
  readonly created_at: string;
}

export class AnnouncementRepository extends StoreBacked {
  async insert(input: AnnouncementInput, timeZone: string, author: string, now: Date): Promise<number> {
    const written = columns(input);
    const row = await this.sql
      .insertInto('announcements')
      .values({
        ...written,
        time_zone: timeZone,
        author,
        created_at: now.toISOString(),
        next_at: written.first_at,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    return row.id;
  }

  /** An edit of an active announcement: its next post is the new first time. */
  async update(id: number, input: AnnouncementInput): Promise<void> {
    const written = columns(input);
    await this.sql
      .updateTable('announcements')
      .set({ ...written, next_at: written.first_at })
      .where('id', '=', id)
      .where('status', '=', 'active')
      .execute();
  }

  async get(id: number): Promise<Announcement | undefined> {
    return this.rowWhere('announcements', 'id', id, toAnnouncement);
  }

  /** Active rows always have a next_at (the last advance finishes them), so NULL ordering never differs. */
  async active(): Promise<Announcement[]> {
    const rows = await this.sql
      .selectFrom('announcements')
      .selectAll()
      .where('status', '=', 'active')
      .orderBy('next_at')
      .orderBy('id')
      .execute();
    return rows.map(toAnnouncement);
  }

  async due(now: Date): Promise<Announcement[]> {
    const rows = await this.sql
      .selectFrom('announcements')
      .selectAll()
      .where('status', '=', 'active')
      .where('next_at', 'is not', null)
      .where('next_at', '<=', now.toISOString())
      .orderBy('next_at')
      .orderBy('id')
      .execute();
    return rows.map(toAnnouncement);
  }

  /**
   * True for the one caller that moved it on from `current`. Moving next_at only forward (a
   * compare-and-set on it) makes two processes planning at once harmless: the second updates nothing.
   */
  async advance(id: number, current: Date, next: Date | null): Promise<boolean> {
    const result = await this.sql
      .updateTable('announcements')
      // Only an active row matches, so "active" here keeps its status; with no next run it is finished.
      .set({
        next_at: next === null ? null : next.toISOString(),
        status: next === null ? 'finished' : 'active',
      })
      .where('id', '=', id)
      .where('status', '=', 'active')
      .where('next_at', '=', current.toISOString())
      .executeTakeFirst();
    return Number(result.numUpdatedRows) === 1;
  }

  async cancel(id: number, now: Date): Promise<boolean> {
    const result = await this.sql
      .updateTable('announcements')
      .set({ status: 'cancelled', cancelled_at: now.toISOString() })
      .where('id', '=', id)
      .where('status', '=', 'active')
      .executeTakeFirst();
    return Number(result.numUpdatedRows) === 1;
  }

  async exportMember(userId: string): Promise<AuthoredAnnouncement[]> {
    return this.sql
      .selectFrom('announcements')
      .select(['id', 'channel', 'repeat', 'status', 'created_at'])
      .where('author', '=', userId)
      .orderBy('id')
      .execute();
  }

  async eraseMember(userId: string): Promise<void> {
    await this.sql.updateTable('announcements').set({ author: null }).where('author', '=', userId).execute();
  }
}
