import type { InterestPair } from '../interests/lookup';
import { addToVocabulary, pruneVocabulary } from './memberSearch';
import type { Store } from './store';

/** How many members (who do not hide their profile) hold a tag. */
export interface TagHolders {
  readonly tag: string;
  readonly members: number;
}

/**
 * SQL for the interest pairs admins add, and for the tags stored on members, events and roles as a
 * whole: which tags exist, moving one to a new key, and how many hold each. The tables of tags
 * belong to their own repositories; this one only renames a tag across all of them at once.
 */
export class InterestTagRepository {
  constructor(private readonly store: Store) {}

  async pairs(): Promise<InterestPair[]> {
    return this.store.sql.selectFrom('interest_pairs').select(['ja', 'en']).orderBy('id').execute();
  }

  /** Changes whenever a pair is added (pairs are never edited or removed): cheap to ask before each command. */
  async version(): Promise<string> {
    const row = await this.store.sql
      .selectFrom('interest_pairs')
      .select((eb) => [eb.fn.countAll().as('count'), eb.fn.max('id').as('last')])
      .executeTakeFirst();
    return `${String(row?.count ?? 0)}:${String(row?.last ?? 0)}`;
  }

  /** False when the Japanese spelling (by its lookup form) is already paired. */
  async addPair(pair: InterestPair, jaLookup: string, now: Date): Promise<boolean> {
    const result = await this.store.sql
      .insertInto('interest_pairs')
      .values({ ja: pair.ja, en: pair.en, ja_lookup: jaLookup, added_at: now.toISOString() })
      .onConflict((conflict) => conflict.column('ja_lookup').doNothing())
      .executeTakeFirst();
    return result.numInsertedOrUpdatedRows === 1n;
  }

  /** Every tag held by a member, an event, a role or an ask or offer. */
  async storedTags(): Promise<string[]> {
    const sql = this.store.sql;
    const rows = await sql
      .selectFrom('member_interests')
      .select('tag')
      .union(sql.selectFrom('event_tags').select('tag'))
      .union(sql.selectFrom('job_tags').select('tag'))
      .union(sql.selectFrom('ask_tags').select('tag'))
      .execute();
    return rows.map((row) => row.tag);
  }

  /**
   * Moves every use of `from` to `to`. A member, event, role or ask that already has `to` keeps that
   * row (and its added_at) and loses the duplicate. Returns the rows moved or dropped.
   */
  async retag(from: string, to: string): Promise<number> {
    const sql = this.store.sql;
    let changed = 0n;
    const members = await sql
      .updateTable('member_interests')
      .set({ tag: to })
      .where('tag', '=', from)
      .where((eb) =>
        eb.not(
          eb.exists(
            eb
              .selectFrom('member_interests as other')
              .select('other.tag')
              .whereRef('other.user_id', '=', 'member_interests.user_id')
              .where('other.tag', '=', to),
          ),
        ),
      )
      .executeTakeFirst();
    changed += members.numUpdatedRows;
    if (members.numUpdatedRows > 0n) await addToVocabulary(sql, [to]);
    const events = await sql
      .updateTable('event_tags')
      .set({ tag: to })
      .where('tag', '=', from)
      .where((eb) =>
        eb.not(
          eb.exists(
            eb
              .selectFrom('event_tags as other')
              .select('other.tag')
              .whereRef('other.event_id', '=', 'event_tags.event_id')
              .where('other.tag', '=', to),
          ),
        ),
      )
      .executeTakeFirst();
    changed += events.numUpdatedRows;
    const jobs = await sql
      .updateTable('job_tags')
      .set({ tag: to })
      .where('tag', '=', from)
      .where((eb) =>
        eb.not(
          eb.exists(
            eb
              .selectFrom('job_tags as other')
              .select('other.tag')
              .whereRef('other.job_id', '=', 'job_tags.job_id')
              .where('other.tag', '=', to),
          ),
        ),
      )
      .executeTakeFirst();
    changed += jobs.numUpdatedRows;
    const asks = await sql
      .updateTable('ask_tags')
      .set({ tag: to })
      .where('tag', '=', from)
      .where((eb) =>
        eb.not(
          eb.exists(
            eb
              .selectFrom('ask_tags as other')
              .select('other.tag')
              .whereRef('other.ask_id', '=', 'ask_tags.ask_id')
              .where('other.tag', '=', to),
          ),
        ),
      )
      .executeTakeFirst();
    changed += asks.numUpdatedRows;
    for (const table of ['member_interests', 'event_tags', 'job_tags', 'ask_tags'] as const) {
      const dropped = await sql.deleteFrom(table).where('tag', '=', from).executeTakeFirst();
      changed += dropped.numDeletedRows;
    }
    await pruneVocabulary(sql, [from]);
    return Number(changed);
  }

  /** Tags members hold, most held first; members who hide their profile are not counted. */
  async holders(): Promise<TagHolders[]> {
    const rows = await this.store.sql
      .selectFrom('member_interests as i')
      .innerJoin('members as m', 'm.user_id', 'i.user_id')
      .where('m.visibility', '<>', 'nobody')
      .select((eb) => ['i.tag', eb.fn.countAll().as('members')])
      .groupBy('i.tag')
      .orderBy('members', 'desc')
      .orderBy('i.tag')
      .execute();
    return rows.map((row) => ({ tag: row.tag, members: Number(row.members) }));
  }
}
