import type { Db } from './database';
import type { Store } from './store';
import { repeatSchema, type Announcement, type AnnouncementInput } from '../announcements/types';

interface AnnouncementRow {
  id: number;
  channel: string;
  text: string;
  first_at: string;
  repeat: string;
  cron: string | null;
  time_zone: string;
  author: string | null;
  status: string;
  next_at: string | null;
}

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

export class AnnouncementRepository {
  private readonly s;

  constructor(
    private readonly db: Db,
    private readonly store: Store,
  ) {
    this.s = {
      insert: db.prepare(
        `INSERT INTO announcements (channel, text, first_at, repeat, cron, time_zone, author, created_at, next_at)
         VALUES (@channel, @text, @firstAt, @repeat, @cron, @timeZone, @author, @now, @firstAt)`,
      ),
      get: db.prepare<[number], AnnouncementRow>('SELECT * FROM announcements WHERE id = ?'),
      active: db.prepare<[], AnnouncementRow>(
        "SELECT * FROM announcements WHERE status = 'active' ORDER BY next_at, id",
      ),
      due: db.prepare<[string], AnnouncementRow>(
        "SELECT * FROM announcements WHERE status = 'active' AND next_at IS NOT NULL AND next_at <= ? ORDER BY next_at, id",
      ),
      // Moving next_at only forward makes two processes planning at once harmless.
      advance: db.prepare(
        "UPDATE announcements SET next_at = @next, status = CASE WHEN @next IS NULL THEN 'finished' ELSE status END WHERE id = @id AND status = 'active' AND next_at = @current",
      ),
      cancel: db.prepare(
        "UPDATE announcements SET status = 'cancelled', cancelled_at = ? WHERE id = ? AND status = 'active'",
      ),
      forgetAuthor: db.prepare('UPDATE announcements SET author = NULL WHERE author = ?'),
      byAuthor: db.prepare<
        [string],
        { id: number; channel: string; repeat: string; status: string; created_at: string }
      >('SELECT id, channel, repeat, status, created_at FROM announcements WHERE author = ? ORDER BY id'),
    };
  }

  insert(
    input: AnnouncementInput & { cron: string | null },
    timeZone: string,
    author: string,
    now: Date,
  ): number {
    const result = this.s.insert.run({
      channel: input.channel,
      text: input.text,
      firstAt: input.firstAt.toISOString(),
      repeat: input.repeat,
      cron: input.cron,
      timeZone,
      author,
      now: now.toISOString(),
    });
    return Number(result.lastInsertRowid);
  }

  get(id: number): Announcement | undefined {
    const row = this.s.get.get(id);
    return row === undefined ? undefined : toAnnouncement(row);
  }

  active(): Announcement[] {
    return this.s.active.all().map(toAnnouncement);
  }

  due(now: Date): Announcement[] {
    return this.s.due.all(now.toISOString()).map(toAnnouncement);
  }

  /** True for the one caller that moved it on from `current`. */
  advance(id: number, current: Date, next: Date | null): boolean {
    return (
      this.s.advance.run({
        id,
        current: current.toISOString(),
        next: next === null ? null : next.toISOString(),
      }).changes === 1
    );
  }

  cancel(id: number, now: Date): boolean {
    return this.s.cancel.run(now.toISOString(), id).changes === 1;
  }

  exportMember(userId: string): unknown[] {
    return this.s.byAuthor.all(userId);
  }

  eraseMember(userId: string): void {
    this.s.forgetAuthor.run(userId);
  }

  transaction<T>(work: () => Promise<T>): Promise<T> {
    return this.store.transaction(work);
  }
}
