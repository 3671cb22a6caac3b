import type { Db } from './database';

/** What a modal submission creates; one view creates at most one of them. */
export type SubmissionKind = 'event' | 'job' | 'announcement' | 'referral';

/** The outcome of `once`: the id created by the first submission, and whether this was it. */
export interface Once {
  readonly id: number;
  readonly first: boolean;
}

/**
 * Creations asked for by a modal submission, once per Slack view id. The check, the creation
 * and the record share one BEGIN IMMEDIATE transaction, so two copies of the bot on the same
 * database cannot both create.
 */
export class ViewSubmissionRepository {
  private readonly statements;
  constructor(private readonly db: Db) {
    this.statements = {
      get: db.prepare<[string], { created_id: number }>(
        'SELECT created_id FROM view_submissions WHERE view_id = ?',
      ),
      put: db.prepare(
        'INSERT INTO view_submissions (view_id, kind, created_id, handled_at) VALUES (?, ?, ?, ?)',
      ),
    };
  }

  /**
   * Runs `create` (which returns the new row's id) unless `viewId` already created something;
   * without a view id, simply runs it. `create` must be synchronous: no Slack call waits inside.
   */
  once(viewId: string | undefined, kind: SubmissionKind, now: Date, create: () => number): Once {
    if (viewId === undefined) return { id: create(), first: true };
    return this.db
      .transaction((): Once => {
        const earlier = this.statements.get.get(viewId);
        if (earlier !== undefined) return { id: earlier.created_id, first: false };
        const id = create();
        this.statements.put.run(viewId, kind, id, now.toISOString());
        return { id, first: true };
      })
      .immediate();
  }
}
