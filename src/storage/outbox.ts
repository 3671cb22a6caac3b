import type { Db } from './database';
import type { Store } from './store';

/** An outbox row as stored; src/scheduler/outbox.ts validates it into an OutboxRow. */
export interface OutboxRecord {
  readonly id: number;
  readonly kind: string;
  readonly key: string;
  readonly channel: string;
  readonly payload: string;
  readonly due_at: string;
  readonly expires_at: string | null;
  readonly status: string;
  readonly attempts: number;
  readonly next_attempt_at: string;
  readonly last_error: string | null;
  readonly claimed_by: string | null;
  readonly claimed_at: string | null;
  readonly unconfirmed_since: string | null;
  readonly slack_channel: string | null;
  readonly slack_ts: string | null;
  readonly sent_at: string | null;
  readonly notify_on_failure: string | null;
  readonly failure_notified_at: string | null;
  readonly created_at: string;
  readonly updated_at: string;
}

export interface NewOutboxRecord {
  readonly kind: string;
  readonly key: string;
  readonly channel: string;
  readonly payload: string;
  readonly dueAt: string;
  readonly expiresAt: string | null;
  readonly notifyOnFailure: string | null;
  readonly status: 'pending' | 'skipped';
  readonly lastError: string | null;
  readonly now: string;
}

export interface ClaimRecord {
  readonly id: number;
  readonly key: string;
  readonly claimed_by: string | null;
  readonly claimed_at: string | null;
}

/** True for a group-DM row (`mpim:U1,U2`) whose members include @user. */
const IN_GROUP_DM =
  "channel LIKE 'mpim:%' AND instr(',' || substr(channel, 6) || ',', ',' || @user || ',') > 0";

/** Fenced by (id, claimed_by): a process that lost its claim can change nothing. */
interface Fence {
  readonly id: number;
  readonly worker: string;
}

/**
 * SQL for the outbox. Every change of a claimed row is conditional on status 'sending' and the
 * claimant, so that two processes sharing the database can never both act on one row.
 */
export class OutboxRepository {
  private readonly statements;

  constructor(
    private readonly db: Db,
    private readonly store: Store,
  ) {
    this.statements = {
      insert: db.prepare<NewOutboxRecord>(
        `INSERT INTO outbox (kind, key, channel, payload, due_at, expires_at, status, next_attempt_at, last_error,
                             notify_on_failure, created_at, updated_at)
         VALUES (@kind, @key, @channel, @payload, @dueAt, @expiresAt, @status, @dueAt, @lastError,
                 @notifyOnFailure, @now, @now)
         ON CONFLICT (key) DO NOTHING`,
      ),
      get: db.prepare<[string], OutboxRecord>('SELECT * FROM outbox WHERE key = ?'),
      statusCounts: db.prepare<{ prefix: string }, { status: string; last_error: string | null; n: number }>(
        `SELECT status, last_error, count(*) AS n FROM outbox WHERE key >= @prefix AND key < @prefix || char(1114111)
         GROUP BY status, last_error`,
      ),
      toChannel: db.prepare<{ channel: string }, OutboxRecord>(
        'SELECT * FROM outbox WHERE channel = @channel ORDER BY due_at, id',
      ),
      toMember: db.prepare<{ user: string }, OutboxRecord>(
        `SELECT * FROM outbox WHERE channel = @user OR (${IN_GROUP_DM}) ORDER BY due_at, id`,
      ),
      rememberConversation: db.prepare<Fence & { slackChannel: string; now: string }>(
        `UPDATE outbox SET slack_channel = @slackChannel, updated_at = @now
         WHERE id = @id AND status = 'sending' AND claimed_by = @worker`,
      ),
      deleteKeys: db.prepare<{ keys: string }>(
        "DELETE FROM outbox WHERE key IN (SELECT value FROM json_each(@keys)) AND status <> 'sending'",
      ),
      byPrefix: db.prepare<{ prefix: string }, OutboxRecord>(
        `SELECT * FROM outbox WHERE key >= @prefix AND key < @prefix || char(1114111) ORDER BY due_at, id`,
      ),
      cancel: db.prepare<{ key: string; now: string }, { key: string }>(
        `UPDATE outbox SET status = 'cancelled', updated_at = @now
         WHERE key = @key AND status = 'pending' RETURNING key`,
      ),
      cancelByPrefix: db.prepare<{ prefix: string; now: string }, { key: string }>(
        `UPDATE outbox SET status = 'cancelled', updated_at = @now
         WHERE key >= @prefix AND key < @prefix || char(1114111) AND status = 'pending' RETURNING key`,
      ),
      reschedule: db.prepare<{
        key: string;
        dueAt: string;
        payload: string | null;
        setExpiry: number;
        expiresAt: string | null;
        now: string;
      }>(
        `UPDATE outbox SET due_at = @dueAt, next_attempt_at = @dueAt, payload = COALESCE(@payload, payload),
           expires_at = CASE WHEN @setExpiry = 1 THEN @expiresAt ELSE expires_at END, updated_at = @now
         WHERE key = @key AND status = 'pending'`,
      ),
      // Rows that may already be in Slack (unconfirmed) are not expired blindly: delivery checks
      // the history first, so that a sent row is recorded as sent.
      expireDue: db.prepare<{ now: string }, { key: string }>(
        `UPDATE outbox SET status = 'skipped', last_error = 'expired', updated_at = @now
         WHERE status = 'pending' AND next_attempt_at <= @now AND expires_at IS NOT NULL AND expires_at <= @now
           AND unconfirmed_since IS NULL
         RETURNING key`,
      ),
      claim: db.prepare<{ now: string; worker: string; limit: number }, OutboxRecord>(
        `UPDATE outbox SET status = 'sending', claimed_by = @worker, claimed_at = @now, attempts = attempts + 1,
           updated_at = @now
         WHERE id IN (SELECT id FROM outbox WHERE status = 'pending' AND next_attempt_at <= @now
                      ORDER BY next_attempt_at, id LIMIT @limit)
         RETURNING *`,
      ),
      sending: db.prepare<[], ClaimRecord>(
        "SELECT id, key, claimed_by, claimed_at FROM outbox WHERE status = 'sending' ORDER BY claimed_at, id",
      ),
      takeBack: db.prepare<{
        id: number;
        claimedBy: string | null;
        claimedAt: string | null;
        reason: string;
        now: string;
      }>(
        `UPDATE outbox SET status = 'pending', unconfirmed_since = COALESCE(unconfirmed_since, claimed_at, @now),
           next_attempt_at = @now, claimed_by = NULL, last_error = @reason, updated_at = @now
         WHERE id = @id AND status = 'sending' AND claimed_by IS @claimedBy AND claimed_at IS @claimedAt`,
      ),
      fence: db.prepare<Fence & { now: string }>(
        `UPDATE outbox SET claimed_at = @now, unconfirmed_since = NULL, updated_at = @now
         WHERE id = @id AND status = 'sending' AND claimed_by = @worker`,
      ),
      release: db.prepare<
        Fence & { next: string; error: string; ambiguous: number; refund: number; now: string }
      >(
        `UPDATE outbox SET status = 'pending', claimed_by = NULL, next_attempt_at = @next, last_error = @error,
           attempts = MAX(attempts - @refund, 0),
           unconfirmed_since = CASE WHEN @ambiguous = 1 THEN COALESCE(unconfirmed_since, claimed_at) ELSE unconfirmed_since END,
           updated_at = @now
         WHERE id = @id AND status = 'sending' AND claimed_by = @worker`,
      ),
      unclaim: db.prepare<Fence & { now: string }>(
        `UPDATE outbox SET status = 'pending', claimed_by = NULL, attempts = MAX(attempts - 1, 0), updated_at = @now
         WHERE id = @id AND status = 'sending' AND claimed_by = @worker`,
      ),
      markSent: db.prepare<
        Fence & { slackChannel: string | null; slackTs: string | null; note: string | null; now: string }
      >(
        `UPDATE outbox SET status = 'sent', slack_channel = @slackChannel, slack_ts = @slackTs, sent_at = @now,
           last_error = @note, unconfirmed_since = NULL, updated_at = @now
         WHERE id = @id AND status = 'sending' AND claimed_by = @worker`,
      ),
      finish: db.prepare<Fence & { status: 'failed' | 'skipped'; reason: string; now: string }>(
        `UPDATE outbox SET status = @status, last_error = @reason, updated_at = @now
         WHERE id = @id AND status = 'sending' AND claimed_by = @worker`,
      ),
      unnotified: db.prepare<{ limit: number }, OutboxRecord>(
        `SELECT * FROM outbox WHERE status = 'failed' AND failure_notified_at IS NULL AND notify_on_failure IS NOT NULL
         ORDER BY id LIMIT @limit`,
      ),
      markNotified: db.prepare<{ id: number; now: string }>(
        'UPDATE outbox SET failure_notified_at = @now, updated_at = @now WHERE id = @id AND failure_notified_at IS NULL',
      ),
      // A row being sent right now is left to finish; everything else addressed to the member goes.
      deleteDmsTo: db.prepare<{ user: string }>(
        "DELETE FROM outbox WHERE channel = @user AND status <> 'sending'",
      ),
      // A group DM's row names every member (channel, key, text): erasing one member removes it.
      deleteGroupDmsWith: db.prepare<{ user: string }>(
        `DELETE FROM outbox WHERE (${IN_GROUP_DM}) AND status <> 'sending'`,
      ),
      // A failure notice's key embeds the failed row's key, which may hold the member's id (as one ':' part).
      deleteNoticesNaming: db.prepare<{ user: string }>(
        `DELETE FROM outbox WHERE key >= 'outbox-failure:' AND key < 'outbox-failure;'
           AND instr(key || ':', ':' || @user || ':') > 0 AND status <> 'sending'`,
      ),
      renameKeys: db.prepare<{ from: string; to: string; now: string }>(
        `UPDATE outbox SET key = @to || substr(key, length(@from) + 1), updated_at = @now
         WHERE key >= @from AND key < @from || char(1114111)`,
      ),
      forgetNotifyee: db.prepare<{ user: string; now: string }>(
        'UPDATE outbox SET notify_on_failure = NULL, updated_at = @now WHERE notify_on_failure = @user',
      ),
    };
  }

  /** Runs `work` in a BEGIN IMMEDIATE transaction (a savepoint when already inside one). */
  immediate<T>(work: () => Promise<T>): Promise<T> {
    return this.store.transaction(work);
  }

  /** True if the key was new. A single statement, so it joins a caller's open transaction. */
  insert(record: NewOutboxRecord): boolean {
    return this.statements.insert.run(record).changes === 1;
  }

  get(key: string): OutboxRecord | undefined {
    return this.statements.get.get(key);
  }

  /** How many rows under a key prefix are in each status (with their last error), e.g. for a digest run's report. */
  statusCounts(prefix: string): { status: string; lastError: string | null; count: number }[] {
    return this.statements.statusCounts
      .all({ prefix })
      .map((row) => ({ status: row.status, lastError: row.last_error, count: row.n }));
  }

  /** Rows addressed to one channel or member (privacy export). */
  toChannel(channel: string): OutboxRecord[] {
    return this.statements.toChannel.all({ channel });
  }

  /** Rows addressed to a member: their DM, and group DMs they are in (privacy export). */
  toMember(user: string): OutboxRecord[] {
    return this.statements.toMember.all({ user });
  }

  /** Remembers the conversation a group-DM row goes to, while we hold its claim; false if we lost it. */
  rememberConversation(id: number, worker: string, slackChannel: string, now: string): boolean {
    return this.statements.rememberConversation.run({ id, worker, slackChannel, now }).changes === 1;
  }

  /** Deletes the rows with these keys, except one being sent; returns how many. */
  deleteKeys(keys: readonly string[]): number {
    if (keys.length === 0) return 0;
    return this.statements.deleteKeys.run({ keys: JSON.stringify(keys) }).changes;
  }

  byPrefix(prefix: string): OutboxRecord[] {
    return this.statements.byPrefix.all({ prefix });
  }

  cancel(key: string, now: string): string[] {
    return this.statements.cancel.all({ key, now }).map((row) => row.key);
  }

  cancelByPrefix(prefix: string, now: string): string[] {
    return this.statements.cancelByPrefix.all({ prefix, now }).map((row) => row.key);
  }

  reschedule(
    key: string,
    dueAt: string,
    payload: string | null,
    expiry: { expiresAt: string | null } | undefined,
    now: string,
  ): boolean {
    return (
      this.statements.reschedule.run({
        key,
        dueAt,
        payload,
        setExpiry: expiry === undefined ? 0 : 1,
        expiresAt: expiry?.expiresAt ?? null,
        now,
      }).changes === 1
    );
  }

  /** Marks due rows whose expiry passed as skipped, and claims up to `limit` due rows, atomically. */
  expireAndClaim(now: string, worker: string, limit: number): { expired: string[]; claimed: OutboxRecord[] } {
    return this.db
      .transaction(() => {
        const expired = this.statements.expireDue.all({ now }).map((row) => row.key);
        const claimed = this.statements.claim.all({ now, worker, limit });
        return { expired, claimed };
      })
      .immediate();
  }

  /** Every row some process is sending (or was, when it died). */
  sending(): ClaimRecord[] {
    return this.statements.sending.all();
  }

  /** Puts a stale claim back to pending, marked unconfirmed; false if its claim changed meanwhile. */
  takeBack(claim: ClaimRecord, reason: string, now: string): boolean {
    return (
      this.statements.takeBack.run({
        id: claim.id,
        claimedBy: claim.claimed_by,
        claimedAt: claim.claimed_at,
        reason,
        now,
      }).changes === 1
    );
  }

  /** Renews our claim right before a send; false if we lost it (then we must not send). */
  fence(id: number, worker: string, now: string): boolean {
    return this.statements.fence.run({ id, worker, now }).changes === 1;
  }

  /**
   * Back to pending until `next`. `ambiguous`: the last send may have reached Slack (history is checked
   * first next time). `refund`: the attempt does not count (Slack refused it for rate limits).
   */
  release(
    id: number,
    worker: string,
    next: string,
    error: string,
    flags: { ambiguous: boolean; refund: boolean },
    now: string,
  ): boolean {
    return (
      this.statements.release.run({
        id,
        worker,
        next,
        error,
        ambiguous: flags.ambiguous ? 1 : 0,
        refund: flags.refund ? 1 : 0,
        now,
      }).changes === 1
    );
  }

  unclaim(id: number, worker: string, now: string): boolean {
    return this.statements.unclaim.run({ id, worker, now }).changes === 1;
  }

  markSent(
    id: number,
    worker: string,
    slack: { channel: string | null; ts: string | null },
    note: string | null,
    now: string,
  ): boolean {
    return (
      this.statements.markSent.run({ id, worker, slackChannel: slack.channel, slackTs: slack.ts, note, now })
        .changes === 1
    );
  }

  finish(id: number, worker: string, status: 'failed' | 'skipped', reason: string, now: string): boolean {
    return this.statements.finish.run({ id, worker, status, reason, now }).changes === 1;
  }

  unnotifiedFailures(limit: number): OutboxRecord[] {
    return this.statements.unnotified.all({ limit });
  }

  /**
   * Deletes the member's DMs, the group DMs they are in and failure notices whose key names them, and
   * removes them as the one told about failures; returns rows changed.
   */
  forgetMember(user: string, now: string): number {
    return this.db
      .transaction(
        () =>
          this.statements.deleteDmsTo.run({ user }).changes +
          this.statements.deleteGroupDmsWith.run({ user }).changes +
          this.statements.deleteNoticesNaming.run({ user }).changes +
          this.statements.forgetNotifyee.run({ user, now }).changes,
      )
      .immediate();
  }

  /** Gives every key starting with `from` the prefix `to` instead, whatever its status; returns how many. */
  renameKeys(from: string, to: string, now: string): number {
    return this.statements.renameKeys.run({ from, to, now }).changes;
  }

  /** True only for the caller that marked the row notified. */
  markNotified(id: number, now: string): boolean {
    return this.statements.markNotified.run({ id, now }).changes === 1;
  }
}
