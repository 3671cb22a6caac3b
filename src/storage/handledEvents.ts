import type { Db } from './database';

/** Slack retries an event for about five minutes; a day of ids is ample and stays small. */
const KEEP_MS = 24 * 60 * 60 * 1000;

export class HandledEventRepository {
  private readonly statements;
  private lastPrune = 0;
  constructor(db: Db) {
    this.statements = {
      claim: db.prepare('INSERT INTO handled_events (event_id, received_at) VALUES (?, ?) ON CONFLICT (event_id) DO NOTHING'),
      prune: db.prepare('DELETE FROM handled_events WHERE received_at < ?'),
    };
  }
  /** True the first time an event id is seen; false for every retry of it. */
  claim(eventId: string, now: Date): boolean {
    if (now.getTime() - this.lastPrune > 60 * 60 * 1000) {
      this.statements.prune.run(new Date(now.getTime() - KEEP_MS).toISOString());
      this.lastPrune = now.getTime();
    }
    return this.statements.claim.run(eventId, now.toISOString()).changes === 1;
  }
}
