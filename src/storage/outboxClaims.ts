import type { Selectable, UpdateObject } from 'kysely';
import { attemptRefunded, type OutboxColumns } from './outboxConditions';
import type { Database } from './schema';
import { StoreBacked } from './storeBacked';

/** An outbox row as stored; src/scheduler/outbox.ts maps it to an OutboxRow (toRow, the one mapping). */
export type OutboxRecord = Selectable<Database['outbox']>;

export type ClaimRecord = Pick<OutboxRecord, 'id' | 'key' | 'claimed_by' | 'claimed_at'>;

type OutboxChanges =
  UpdateObject<Database, 'outbox'> | ((eb: OutboxColumns) => UpdateObject<Database, 'outbox'>);

/**
 * The delivery side of the outbox's SQL: claiming due rows, and every later change of a claimed
 * row, each conditional on status 'sending' and the claimant, so that two processes sharing the
 * database can never both act on one row. OutboxRepository (outbox.ts) adds the queue's statements.
 */
export class OutboxClaims extends StoreBacked {
  /**
   * Marks due rows whose expiry passed as skipped, then claims up to `limit` due rows. Each is one
   * UPDATE … RETURNING that re-checks status = 'pending' on the row it changes, so neither needs
   * the other, nor a transaction around them:
   * - On Postgres, the rows are picked FOR UPDATE SKIP LOCKED: a row another worker is claiming
   *   right now is passed over rather than waited for, and once that worker has committed, the
   *   re-check sees 'sending'. No row is claimed twice, whatever the timing.
   * - On SQLite, a writing statement takes the write lock before it reads (as BEGIN IMMEDIATE
   *   does), so claims from several connections run one after another. An explicit transaction
   *   would add nothing, and would hold the lock across awaits: better-sqlite3 waits for a lock
   *   synchronously, so a second connection on the same event loop (two bots in one test process)
   *   would then wait for a holder that can never run.
   */
  async expireAndClaim(
    now: string,
    worker: string,
    limit: number,
  ): Promise<{ expired: string[]; claimed: OutboxRecord[] }> {
    const lockRows = this.store.dialect === 'postgres';
    // Rows that may already be in Slack (unconfirmed) are not expired blindly: delivery checks
    // the history first, so that a sent row is recorded as sent.
    const expired = await this.sql
      .updateTable('outbox')
      .set({ status: 'skipped', last_error: 'expired', updated_at: now })
      .where('id', 'in', (eb) =>
        eb
          .selectFrom('outbox')
          .select('id')
          .where('status', '=', 'pending')
          .where('next_attempt_at', '<=', now)
          .where('expires_at', 'is not', null)
          .where('expires_at', '<=', now)
          .where('unconfirmed_since', 'is', null)
          .$if(lockRows, (select) => select.forUpdate().skipLocked()),
      )
      .where('status', '=', 'pending')
      .returning('key')
      .execute();
    const claimed = await this.sql
      .updateTable('outbox')
      .set((eb) => ({
        status: 'sending',
        claimed_by: worker,
        claimed_at: now,
        attempts: eb('attempts', '+', 1),
        updated_at: now,
      }))
      .where('id', 'in', (eb) =>
        eb
          .selectFrom('outbox')
          .select('id')
          .where('status', '=', 'pending')
          .where('next_attempt_at', '<=', now)
          .orderBy('next_attempt_at')
          .orderBy('id')
          .limit(limit)
          .$if(lockRows, (select) => select.forUpdate().skipLocked()),
      )
      .where('status', '=', 'pending')
      .returningAll()
      .execute();
    return { expired: expired.map((row) => row.key), claimed };
  }

  /** Every row some process is sending (or was, when it died). */
  async sending(): Promise<ClaimRecord[]> {
    return this.sql
      .selectFrom('outbox')
      .select(['id', 'key', 'claimed_by', 'claimed_at'])
      .where('status', '=', 'sending')
      .orderBy('claimed_at')
      .orderBy('id')
      .execute();
  }

  /** Puts a stale claim back to pending, marked unconfirmed; false if its claim changed meanwhile. */
  async takeBack(claim: ClaimRecord, reason: string, now: string): Promise<boolean> {
    const result = await this.sql
      .updateTable('outbox')
      .set((eb) => ({
        status: 'pending',
        unconfirmed_since: eb.fn.coalesce('unconfirmed_since', 'claimed_at', eb.val(now)),
        next_attempt_at: now,
        claimed_by: null,
        last_error: reason,
        updated_at: now,
      }))
      .where('id', '=', claim.id)
      .where('status', '=', 'sending')
      .where((eb) =>
        eb.and([
          claim.claimed_by === null ? eb('claimed_by', 'is', null) : eb('claimed_by', '=', claim.claimed_by),
          claim.claimed_at === null ? eb('claimed_at', 'is', null) : eb('claimed_at', '=', claim.claimed_at),
        ]),
      )
      .executeTakeFirst();
    return result.numUpdatedRows === 1n;
  }

  /** Renews our claim right before a send; false if we lost it (then we must not send). */
  async fence(id: number, worker: string, now: string): Promise<boolean> {
    return this.updateClaimed(id, worker, { claimed_at: now, unconfirmed_since: null, updated_at: now });
  }

  /**
   * Back to pending until `next`. `ambiguous`: the last send may have reached Slack (history is checked
   * first next time). `refund`: the attempt does not count (Slack refused it for rate limits).
   */
  async release(
    id: number,
    worker: string,
    next: string,
    error: string,
    flags: { ambiguous: boolean; refund: boolean },
    now: string,
  ): Promise<boolean> {
    return this.updateClaimed(id, worker, (eb) => ({
      status: 'pending',
      claimed_by: null,
      next_attempt_at: next,
      last_error: error,
      ...(flags.refund ? { attempts: attemptRefunded(eb) } : {}),
      ...(flags.ambiguous ? { unconfirmed_since: eb.fn.coalesce('unconfirmed_since', 'claimed_at') } : {}),
      updated_at: now,
    }));
  }

  /** Gives an unsent claim back (shutdown); the attempt does not count. */
  async unclaim(id: number, worker: string, now: string): Promise<boolean> {
    return this.updateClaimed(id, worker, (eb) => ({
      status: 'pending',
      claimed_by: null,
      attempts: attemptRefunded(eb),
      updated_at: now,
    }));
  }

  async markSent(
    id: number,
    worker: string,
    slack: { channel: string | null; ts: string | null },
    note: string | null,
    now: string,
  ): Promise<boolean> {
    return this.updateClaimed(id, worker, {
      status: 'sent',
      slack_channel: slack.channel,
      slack_ts: slack.ts,
      sent_at: now,
      last_error: note,
      unconfirmed_since: null,
      updated_at: now,
    });
  }

  async finish(
    id: number,
    worker: string,
    status: 'failed' | 'skipped',
    reason: string,
    now: string,
  ): Promise<boolean> {
    return this.updateClaimed(id, worker, { status, last_error: reason, updated_at: now });
  }

  /** Remembers the conversation a group-DM row goes to, while we hold its claim; false if we lost it. */
  async rememberConversation(
    id: number,
    worker: string,
    slackChannel: string,
    now: string,
  ): Promise<boolean> {
    return this.updateClaimed(id, worker, { slack_channel: slackChannel, updated_at: now });
  }

  /** One fenced change of a row we claimed: only while it is 'sending' and ours. */
  private async updateClaimed(id: number, worker: string, changes: OutboxChanges): Promise<boolean> {
    const result = await this.sql
      .updateTable('outbox')
      .set(changes)
      .where('id', '=', id)
      .where('status', '=', 'sending')
      .where('claimed_by', '=', worker)
      .executeTakeFirst();
    return result.numUpdatedRows === 1n;
  }
}
