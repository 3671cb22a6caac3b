import type { Store } from './store';

/** SQL for member_nags: reminder DMs sent to each member. */
export class NagRepository {
  constructor(private readonly store: Store) {}

  async insert(userId: string, kind: string, now: Date, ref: string): Promise<void> {
    await this.store.sql
      .insertInto('member_nags')
      .values({ user_id: userId, kind, sent_at: now.toISOString(), ref })
      .execute();
  }

  async lastSent(userId: string, kinds: readonly string[]): Promise<Date | undefined> {
    if (kinds.length === 0) return undefined;
    const row = await this.store.sql
      .selectFrom('member_nags')
      .select((eb) => eb.fn.max('sent_at').as('at'))
      .where('user_id', '=', userId)
      .where('kind', 'in', [...kinds])
      .executeTakeFirst();
    const at = row?.at ?? null;
    return at === null ? undefined : new Date(at);
  }

  async exportMember(userId: string): Promise<{ kind: string; sentAt: string }[]> {
    const rows = await this.store.sql
      .selectFrom('member_nags')
      .select(['kind', 'sent_at'])
      .where('user_id', '=', userId)
      .orderBy('sent_at')
      .orderBy('id')
      .execute();
    return rows.map((row) => ({ kind: row.kind, sentAt: row.sent_at }));
  }

  async eraseMember(userId: string): Promise<void> {
    await this.store.sql.deleteFrom('member_nags').where('user_id', '=', userId).execute();
  }
}
