import type { Store } from './store';

/** What a modal submission creates; one view creates at most one of them. */
export type SubmissionKind = 'event' | 'job' | 'announcement' | 'referral' | 'ask' | 'study';

/** The outcome of `once`: the id created by the first submission, and whether this was it. */
export interface Once {
  readonly id: number;
  readonly first: boolean;
}

/**
 * Creations asked for by a modal submission, once per Slack view id. The view id is claimed first
 * (its row, the table's key, inserted with ON CONFLICT DO NOTHING), then the creation runs and the
 * row records its id, all in one transaction. Two copies of the bot on one database cannot both
 * create: on Postgres the second claim waits for the first transaction and, once it commits, finds
 * the key taken and reads the id it created; on SQLite the transactions run one after the other.
 * So a copy arriving at the same moment is answered as a replay, not with an error.
 */
export class ViewSubmissionRepository {
  constructor(private readonly store: Store) {}

  /**
   * Runs `create` (which returns the new row's id) unless `viewId` already created something;
   * without a view id, simply runs it. `create` may await the database only: no Slack call.
   */
  async once(
    viewId: string | undefined,
    kind: SubmissionKind,
    now: Date,
    create: () => Promise<number>,
  ): Promise<Once> {
    if (viewId === undefined) return { id: await create(), first: true };
    return this.store.transaction(async (): Promise<Once> => {
      const claimed = await this.store.sql
        .insertInto('view_submissions')
        // created_id is set below, in this transaction: nobody else sees the placeholder.
        .values({ view_id: viewId, kind, created_id: 0, handled_at: now.toISOString() })
        .onConflict((conflict) => conflict.column('view_id').doNothing())
        .returning('view_id')
        .executeTakeFirst();
      if (claimed === undefined) {
        const earlier = await this.store.sql
          .selectFrom('view_submissions')
          .select('created_id')
          .where('view_id', '=', viewId)
          .executeTakeFirstOrThrow();
        return { id: earlier.created_id, first: false };
      }
      const id = await create();
      await this.store.sql
        .updateTable('view_submissions')
        .set({ created_id: id })
        .where('view_id', '=', viewId)
        .execute();
      return { id, first: true };
    });
  }
}
