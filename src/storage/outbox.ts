import { sql as rawSql } from 'kysely';
import { OutboxClaims, type OutboxRecord } from './outboxClaims';
import {
  isGroupDmWith,
  isNoticeNaming,
  keyStartsWith,
  mayBeGroupDmWith,
  mayBeNoticeNaming,
} from './outboxConditions';

export type { ClaimRecord, OutboxRecord } from './outboxClaims';

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

const INSERT_MANY_CHUNK = 200;

function outboxRow(record: NewOutboxRecord) {
  return {
    kind: record.kind,
    key: record.key,
    channel: record.channel,
    payload: record.payload,
    due_at: record.dueAt,
    expires_at: record.expiresAt,
    status: record.status,
    next_attempt_at: record.dueAt,
    last_error: record.lastError,
    notify_on_failure: record.notifyOnFailure,
    created_at: record.now,
    updated_at: record.now,
  };
}

/**
 * SQL for the outbox: the queue's statements here, the claims' in outboxClaims.ts (every change of
 * a claimed row is conditional on status 'sending' and the claimant, so that two processes sharing
 * the database can never both act on one row).
 */
export class OutboxRepository extends OutboxClaims {
  /** True if the key was new. A single statement, so it joins a caller's open transaction. */
  async insert(record: NewOutboxRecord): Promise<boolean> {
    const result = await this.sql
      .insertInto('outbox')
      .values(outboxRow(record))
      .onConflict((conflict) => conflict.column('key').doNothing())
      .executeTakeFirst();
    return result.numInsertedOrUpdatedRows === 1n;
  }

  /**
   * Many new rows at once (a digest batch): a few multi-row statements instead of one per row, so
   * a planner on Postgres does not pay a round trip per member. Returns the keys that were new; a
   * key already present (whatever its status) is left as it is. Joins the caller's transaction.
   */
  async insertMany(records: readonly NewOutboxRecord[]): Promise<Set<string>> {
    const created = new Set<string>();
    // 12 parameters a row: well under SQLite's and Postgres's bound-parameter limits.
    for (let offset = 0; offset < records.length; offset += INSERT_MANY_CHUNK) {
      const chunk = records.slice(offset, offset + INSERT_MANY_CHUNK);
      const rows = await this.sql
        .insertInto('outbox')
        .values(chunk.map(outboxRow))
        .onConflict((conflict) => conflict.column('key').doNothing())
        .returning('key')
        .execute();
      for (const row of rows) created.add(row.key);
    }
    return created;
  }

  async get(key: string): Promise<OutboxRecord | undefined> {
    return this.sql.selectFrom('outbox').selectAll().where('key', '=', key).executeTakeFirst();
  }

  /** How many rows under a key prefix are in each status (with their last error), e.g. for a digest run's report. */
  async statusCounts(prefix: string): Promise<{ status: string; lastError: string | null; count: number }[]> {
    const rows = await this.sql
      .selectFrom('outbox')
      .select((eb) => ['status', 'last_error', eb.fn.countAll<number>().as('n')])
      .where((eb) => keyStartsWith(eb, prefix))
      .groupBy(['status', 'last_error'])
      .execute();
    return rows.map((row) => ({ status: row.status, lastError: row.last_error, count: Number(row.n) }));
  }

  /** Rows addressed to a member: their DM, and group DMs they are in (privacy export). */
  async toMember(user: string): Promise<OutboxRecord[]> {
    const rows = await this.sql
      .selectFrom('outbox')
      .selectAll()
      .where((eb) => eb.or([eb('channel', '=', user), mayBeGroupDmWith(user)]))
      .orderBy('due_at')
      .orderBy('id')
      .execute();
    return rows.filter((row) => row.channel === user || isGroupDmWith(row.channel, user));
  }

  /** Deletes the rows with these keys, except one being sent; returns how many. */
  async deleteKeys(keys: readonly string[]): Promise<number> {
    return this.store.transaction(() =>
      inChunks(keys, async (chunk) => {
        const result = await this.sql
          .deleteFrom('outbox')
          .where('key', 'in', chunk)
          .where('status', '<>', 'sending')
          .executeTakeFirst();
        return result.numDeletedRows;
      }),
    );
  }

  async byPrefix(prefix: string): Promise<OutboxRecord[]> {
    return this.sql
      .selectFrom('outbox')
      .selectAll()
      .where((eb) => keyStartsWith(eb, prefix))
      .orderBy('due_at')
      .orderBy('id')
      .execute();
  }

  /**
   * Rows whose key starts with `prefix` and whose payload holds one of `needles` (which must hold
   * no LIKE wildcard), but not one being sent: for an erasure that rewrites what they say.
   */
  async holding(prefix: string, needles: readonly string[]): Promise<{ id: number; payload: string }[]> {
    if (needles.length === 0) return [];
    return this.sql
      .selectFrom('outbox')
      .select(['id', 'payload'])
      .where((eb) => keyStartsWith(eb, prefix))
      .where((eb) => eb.or(needles.map((needle) => eb('payload', 'like', `%${needle}%`))))
      .where('status', '<>', 'sending')
      .orderBy('id')
      .execute();
  }

  /** A new message for a row, whatever its status except being sent; its key and status stay. */
  async rewritePayload(id: number, payload: string, now: string): Promise<boolean> {
    const result = await this.sql
      .updateTable('outbox')
      .set({ payload, updated_at: now })
      .where('id', '=', id)
      .where('status', '<>', 'sending')
      .executeTakeFirst();
    return result.numUpdatedRows === 1n;
  }

  /** Cancels the pending rows whose key starts with `prefix` (a whole key included); returns their keys. */
  async cancelByPrefix(prefix: string, now: string): Promise<string[]> {
    const rows = await this.sql
      .updateTable('outbox')
      .set({ status: 'cancelled', updated_at: now })
      .where((eb) => keyStartsWith(eb, prefix))
      .where('status', '=', 'pending')
      .returning('key')
      .execute();
    return rows.map((row) => row.key);
  }

  /** `payload` null keeps the message; `expiry` undefined keeps the expiry. False if the row is not pending. */
  async reschedule(
    key: string,
    dueAt: string,
    payload: string | null,
    expiry: { expiresAt: string | null } | undefined,
    now: string,
  ): Promise<boolean> {
    const result = await this.sql
      .updateTable('outbox')
      .set({
        due_at: dueAt,
        next_attempt_at: dueAt,
        ...(payload === null ? {} : { payload }),
        ...(expiry === undefined ? {} : { expires_at: expiry.expiresAt }),
        updated_at: now,
      })
      .where('key', '=', key)
      .where('status', '=', 'pending')
      .executeTakeFirst();
    return result.numUpdatedRows === 1n;
  }

  async unnotifiedFailures(limit: number): Promise<OutboxRecord[]> {
    return this.sql
      .selectFrom('outbox')
      .selectAll()
      .where('status', '=', 'failed')
      .where('failure_notified_at', 'is', null)
      .where('notify_on_failure', 'is not', null)
      .orderBy('id')
      .limit(limit)
      .execute();
  }

  /** True only for the caller that marked the row notified. */
  async markNotified(id: number, now: string): Promise<boolean> {
    const result = await this.sql
      .updateTable('outbox')
      .set({ failure_notified_at: now, updated_at: now })
      .where('id', '=', id)
      .where('failure_notified_at', 'is', null)
      .executeTakeFirst();
    return result.numUpdatedRows === 1n;
  }

  /**
   * Deletes the member's DMs, the group DMs they are in (such a row names every member) and failure
   * notices whose key names them, and removes them as the one told about failures; returns rows
   * changed. A row being sent right now is left to finish.
   */
  async forgetMember(user: string, now: string): Promise<number> {
    return this.store.transaction(async () => {
      const candidates = await this.sql
        .selectFrom('outbox')
        .select(['id', 'channel', 'key'])
        .where((eb) => eb.or([eb('channel', '=', user), mayBeGroupDmWith(user), mayBeNoticeNaming(eb, user)]))
        .where('status', '<>', 'sending')
        .execute();
      const ids = candidates
        .filter(
          (row) => row.channel === user || isGroupDmWith(row.channel, user) || isNoticeNaming(row.key, user),
        )
        .map((row) => row.id);
      const deleted = await inChunks(ids, async (chunk) => {
        const result = await this.sql
          .deleteFrom('outbox')
          .where('id', 'in', chunk)
          .where('status', '<>', 'sending')
          .executeTakeFirst();
        return result.numDeletedRows;
      });
      const unnotified = await this.sql
        .updateTable('outbox')
        .set({ notify_on_failure: null, updated_at: now })
        .where('notify_on_failure', '=', user)
        .executeTakeFirst();
      return deleted + Number(unnotified.numUpdatedRows);
    });
  }

  /** Gives every key starting with `from` the prefix `to` instead, whatever its status; returns how many. */
  async renameKeys(from: string, to: string, now: string): Promise<number> {
    if (from === '') throw new Error('outbox.renameKeys needs a non-empty prefix');
    // substr counts characters (code points) on both engines, as the spread does here.
    const rest = [...from].length + 1;
    const result = await this.sql
      .updateTable('outbox')
      .set({ key: rawSql<string>`CAST(${to} AS TEXT) || substr(key, ${rest})`, updated_at: now })
      .where((eb) => keyStartsWith(eb, from))
      .executeTakeFirst();
    return Number(result.numUpdatedRows);
  }
}

/** `IN (…)` lists stay below every engine's limit on bound parameters: runs `work` per 500 values, one after another. */
async function inChunks<T>(values: readonly T[], work: (chunk: T[]) => Promise<bigint>): Promise<number> {
  let changed = 0;
  for (let start = 0; start < values.length; start += 500) {
    changed += Number(await work(values.slice(start, start + 500)));
  }
  return changed;
}
