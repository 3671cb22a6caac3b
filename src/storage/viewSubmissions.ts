import type { Store } from './store';

/** What a modal submission creates; one view creates at most one of them. */
export type SubmissionKind = 'event' | 'job' | 'announcement' | 'referral' | 'ask';

/** The outcome of `once`: the id created by the first submission, and whether this was it. */
export interface Once {
  readonly id: number;
  readonly first: boolean;
}

/**
 * Creations asked for by a modal submission, once per Slack view id. The check, the creation
 * and the record share one transaction, and the view id is the table's key, so two copies of
 * the bot on the same database cannot both create: on Postgres the second one's insert waits
 * for the first to commit, fails on the key, and its whole transaction (its creation too) rolls
 * back; the caller sees the unique violation and the replay is answered as a replay next time.
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
      const earlier = await this.store.sql
        .selectFrom('view_submissions')
        .select('created_id')
        .where('view_id', '=', viewId)
        .executeTakeFirst();
      if (earlier !== undefined) return { id: earlier.created_id, first: false };
      const id = await create();
      await this.store.sql
        .insertInto('view_submissions')
        .values({ view_id: viewId, kind, created_id: id, handled_at: now.toISOString() })
        .execute();
      return { id, first: true };
    });
  }
}
