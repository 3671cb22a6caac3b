import type { Db } from './database';

export class LocaleRepository {
  private readonly statements;
  constructor(db: Db) {
    this.statements = {
      get: db.prepare<[string], { locale: string; fetched_at: string }>(
        'SELECT locale, fetched_at FROM user_locales WHERE user_id = ?',
      ),
      put: db.prepare(
        `INSERT INTO user_locales (user_id, locale, fetched_at) VALUES (?, ?, ?)
         ON CONFLICT (user_id) DO UPDATE SET locale = excluded.locale, fetched_at = excluded.fetched_at`,
      ),
      delete: db.prepare('DELETE FROM user_locales WHERE user_id = ?'),
    };
  }
  get(userId: string): { locale: string; fetchedAt: Date } | undefined {
    const row = this.statements.get.get(userId);
    return row === undefined ? undefined : { locale: row.locale, fetchedAt: new Date(row.fetched_at) };
  }
  put(userId: string, locale: string, now: Date): void {
    this.statements.put.run(userId, locale, now.toISOString());
  }
  delete(userId: string): void {
    this.statements.delete.run(userId);
  }
}
