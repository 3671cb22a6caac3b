import type { Db } from './database';

/** SQL for member_nags: reminder DMs sent to each member. */
export class NagRepository {
  private readonly s;

  constructor(db: Db) {
    this.s = {
      insert: db.prepare('INSERT INTO member_nags (user_id, kind, sent_at, ref) VALUES (?, ?, ?, ?)'),
      lastSent: db.prepare<{ user: string; kinds: string }, { at: string | null }>(
        'SELECT max(sent_at) AS at FROM member_nags WHERE user_id = @user AND kind IN (SELECT value FROM json_each(@kinds))',
      ),
      of: db.prepare<[string], { kind: string; sentAt: string }>(
        'SELECT kind, sent_at AS sentAt FROM member_nags WHERE user_id = ? ORDER BY sent_at, id',
      ),
      erase: db.prepare('DELETE FROM member_nags WHERE user_id = ?'),
    };
  }

  insert(userId: string, kind: string, now: Date, ref: string): void {
    this.s.insert.run(userId, kind, now.toISOString(), ref);
  }

  lastSent(userId: string, kinds: readonly string[]): Date | undefined {
    const at = this.s.lastSent.get({ user: userId, kinds: JSON.stringify(kinds) })?.at ?? null;
    return at === null ? undefined : new Date(at);
  }

  exportMember(userId: string): { kind: string; sentAt: string }[] {
    return this.s.of.all(userId);
  }

  eraseMember(userId: string): void {
    this.s.erase.run(userId);
  }
}
