import type { Sql } from './schema';

/** Slack retries an event for about five minutes; a day of ids is ample and stays small. */
const KEEP_MS = 24 * 60 * 60 * 1000;
const PRUNE_EVERY_MS = 60 * 60 * 1000;

/**
 * Event ids already handled. The unique key decides, so with several replicas on one Postgres a
 * retry that reaches another replica is still handled once.
 */
export class HandledEventRepository {
  /** Only spaces out the pruning; correctness never rests on it. */
  private lastPrune = 0;

  constructor(private readonly sql: Sql) {}

  /** True the first time an event id is seen; false for every retry of it. */
  async claim(eventId: string, now: Date): Promise<boolean> {
    if (now.getTime() - this.lastPrune > PRUNE_EVERY_MS) {
      this.lastPrune = now.getTime();
      await this.sql
        .deleteFrom('handled_events')
        .where('received_at', '<', new Date(now.getTime() - KEEP_MS).toISOString())
        .execute();
    }
    const result = await this.sql
      .insertInto('handled_events')
      .values({ event_id: eventId, received_at: now.toISOString() })
      .onConflict((conflict) => conflict.column('event_id').doNothing())
      .executeTakeFirst();
    return result.numInsertedOrUpdatedRows === 1n;
  }
}
