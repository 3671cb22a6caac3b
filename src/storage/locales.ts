import type { Store } from './store';

/** Each member's Slack locale as last fetched, so that replies need not ask Slack every time. */
export class LocaleRepository {
  constructor(private readonly store: Store) {}

  async get(userId: string): Promise<{ locale: string; fetchedAt: Date } | undefined> {
    const row = await this.store.sql
      .selectFrom('user_locales')
      .select(['locale', 'fetched_at'])
      .where('user_id', '=', userId)
      .executeTakeFirst();
    return row === undefined ? undefined : { locale: row.locale, fetchedAt: new Date(row.fetched_at) };
  }

  /** The stored locales of many members in one query per chunk (bulk sends read thousands). */
  async many(userIds: readonly string[]): Promise<Map<string, string>> {
    const found = new Map<string, string>();
    const unique = [...new Set(userIds)];
    // Well under SQLite's bound-parameter limit and Postgres's, and few round trips.
    for (let offset = 0; offset < unique.length; offset += 500) {
      const chunk = unique.slice(offset, offset + 500);
      const rows = await this.store.sql
        .selectFrom('user_locales')
        .select(['user_id', 'locale'])
        .where('user_id', 'in', chunk)
        .execute();
      for (const row of rows) found.set(row.user_id, row.locale);
    }
    return found;
  }

  async put(userId: string, locale: string, now: Date): Promise<void> {
    await this.store.sql
      .insertInto('user_locales')
      .values({ user_id: userId, locale, fetched_at: now.toISOString() })
      .onConflict((conflict) =>
        conflict.column('user_id').doUpdateSet((eb) => ({
          locale: eb.ref('excluded.locale'),
          fetched_at: eb.ref('excluded.fetched_at'),
        })),
      )
      .execute();
  }

  async delete(userId: string): Promise<void> {
    await this.store.sql.deleteFrom('user_locales').where('user_id', '=', userId).execute();
  }
}
