import { z } from 'zod';
import type { NewOutboxRecord, OutboxRecord } from '../storage/outbox';
import { OutboxDelivery, type DeliveryDeps } from './delivery';
import { iso, outboxMessageSchema, parseMessage } from './stored';
import type { OutboxMessage, OutboxRow, ScheduleRequest } from './types';

/*
 * The outbox queue: what planners and services use to schedule, skip, cancel, move, look up and erase
 * posts (rows with unique keys). Sending is not done here: the delivery worker (delivery.ts) that the
 * scheduler tick drives claims due rows and sends them; the Outbox creates it and hands it out as
 * `delivery`, so one object is composed in services.ts.
 */

// Still importable from here, where it lived before delivery had a file of its own.
export { realSleep } from './delivery';

const scheduleSchema = z.object({
  kind: z
    .string()
    .regex(/^[a-z][a-z0-9_.-]{0,63}$/, 'must be a short lower-case name such as event_reminder'),
  key: z.string().min(1).max(200),
  channel: z
    .string()
    .regex(
      /^(?:[CGDUW][A-Z0-9]{2,}|mpim:[UW][A-Z0-9]{2,}(?:,[UW][A-Z0-9]{2,}){1,7})$/,
      'must be a channel id, a user id, or mpim: with 2 to 8 user ids',
    ),
  message: outboxMessageSchema,
  dueAt: z.date(),
  expiresAt: z.date().optional(),
  notifyOnFailure: z
    .string()
    .regex(/^[UW][A-Z0-9]{2,}$/, 'must be a user id')
    .optional(),
});

const statusSchema = z.enum(['pending', 'sending', 'sent', 'failed', 'skipped', 'cancelled']);

function dateOrNull(value: string | null): Date | null {
  return value === null ? null : new Date(value);
}

/** Same dependencies as the delivery worker: the queue uses the repository, the clock and the logger. */
export type OutboxDeps = DeliveryDeps;

/**
 * Scheduled posts as rows with unique keys. A key is inserted once (ON CONFLICT DO NOTHING), so a
 * planner may schedule the same key on every tick; cancel and reschedule touch pending rows only.
 */
export class Outbox {
  /** This process's claimant id (also the scheduler lease holder). */
  readonly workerId: string;
  /** The worker that sends what is due; the scheduler tick runs it. */
  readonly delivery: OutboxDelivery;

  constructor(private readonly deps: OutboxDeps) {
    this.delivery = new OutboxDelivery(deps);
    this.workerId = this.delivery.workerId;
  }

  // ------------------------------------------------------------------ public API for planners and services

  /**
   * Adds a post to the outbox; true if the key was new, false if it existed (whatever its status).
   * One statement: it joins the caller's open transaction (Store.transaction).
   * Throws on a malformed request (a programming error).
   */
  async schedule(request: ScheduleRequest): Promise<boolean> {
    return this.insert(request, 'pending', null);
  }

  /**
   * `schedule` (or, with `skippedReason`, `scheduleSkipped`) for many requests in a few statements:
   * a digest batch of 500 members. Returns the keys that were new.
   */
  async scheduleMany(requests: readonly ScheduleRequest[], skippedReason?: string): Promise<Set<string>> {
    const now = iso(this.deps.clock.now());
    const status = skippedReason === undefined ? 'pending' : 'skipped';
    const records = requests.map((request) => newRecord(request, status, skippedReason ?? null, now));
    const created = await this.deps.repository.insertMany(records);
    for (const record of records) if (created.has(record.key)) this.logCreated(record);
    return created;
  }

  /** Records the key as skipped without sending (catch-up of something no longer relevant). */
  async scheduleSkipped(request: ScheduleRequest, reason: string): Promise<boolean> {
    return this.insert(request, 'skipped', reason);
  }

  /** Cancels pending rows whose key equals `keyOrPrefix` or starts with it; returns how many. */
  async cancel(keyOrPrefix: string): Promise<number> {
    if (keyOrPrefix === '') throw new Error('outbox.cancel needs a key or a non-empty prefix');
    const keys = await this.deps.repository.cancelByPrefix(keyOrPrefix, iso(this.deps.clock.now()));
    for (const key of keys) this.deps.logger.info(`outbox ${key}: cancelled`);
    return keys.length;
  }

  async statusCounts(prefix: string): Promise<{ status: string; lastError: string | null; count: number }[]> {
    return this.deps.repository.statusCounts(prefix);
  }

  /** What is or was scheduled to a member's DM or to a group DM they are in: kind, time and status, without the text. */
  async addressedTo(userId: string): Promise<{ kind: string; dueAt: string; status: string }[]> {
    return (await this.deps.repository.toMember(userId)).map((row) => ({
      kind: row.kind,
      dueAt: row.due_at,
      status: row.status,
    }));
  }

  /**
   * Moves a pending row to a new due time, optionally with a new message and expiry
   * (undefined keeps the expiry, null removes it). False if the row is not pending.
   */
  async reschedule(
    key: string,
    dueAt: Date,
    message?: OutboxMessage,
    expiresAt?: Date | null,
  ): Promise<boolean> {
    const payload = message === undefined ? null : JSON.stringify(outboxMessageSchema.parse(message));
    if (Number.isNaN(dueAt.getTime())) throw new Error(`outbox.reschedule ${key}: dueAt is not a valid date`);
    const expiry =
      expiresAt === undefined ? undefined : { expiresAt: expiresAt === null ? null : iso(expiresAt) };
    const changed = await this.deps.repository.reschedule(
      key,
      iso(dueAt),
      payload,
      expiry,
      iso(this.deps.clock.now()),
    );
    if (changed) this.deps.logger.info(`outbox ${key}: rescheduled for ${iso(dueAt)}`);
    return changed;
  }

  async find(key: string): Promise<OutboxRow | undefined> {
    const record = await this.deps.repository.get(key);
    return record === undefined ? undefined : this.toRow(record);
  }

  /** Rows whose key starts with `prefix` (all rows for ''), by due time. */
  async list(prefix = ''): Promise<OutboxRow[]> {
    return (await this.deps.repository.byPrefix(prefix)).map((record) => this.toRow(record));
  }

  /**
   * Privacy erasure: deletes every row addressed to the member (their DMs, sent or not) and removes
   * them as the one told about failures. Returns how many rows changed.
   */
  async forgetMember(userId: string): Promise<number> {
    const changed = await this.deps.repository.forgetMember(userId, iso(this.deps.clock.now()));
    if (changed > 0) this.deps.logger.info(`outbox: forgot ${userId} (${changed} rows)`);
    return changed;
  }

  /**
   * Privacy erasure of rows another module knows name a member although they are addressed to someone
   * else (e.g. a DM that mentions them). Rows being sent right now are left to finish. Returns how many.
   */
  async forgetKeys(keys: readonly string[]): Promise<number> {
    const deleted = await this.deps.repository.deleteKeys(keys);
    if (deleted > 0) this.deps.logger.info(`outbox: forgot ${deleted} row(s) naming an erased member`);
    return deleted;
  }

  /**
   * Privacy erasure of what a member wrote inside messages to others that live on (a digest that
   * listed their ask): rows under `prefix` holding a needle get `rewrite`'s message instead, sent or
   * not, so that their key still guards against a second send. Returns how many changed.
   */
  async redact(
    prefix: string,
    needles: readonly string[],
    rewrite: (message: OutboxMessage) => OutboxMessage,
  ): Promise<number> {
    let changed = 0;
    for (const row of await this.deps.repository.holding(prefix, needles)) {
      const message = parseMessage(row.payload);
      if (message === undefined) continue;
      const payload = JSON.stringify(outboxMessageSchema.parse(rewrite(message)));
      if (await this.deps.repository.rewritePayload(row.id, payload, iso(this.deps.clock.now())))
        changed += 1;
    }
    if (changed > 0) this.deps.logger.info(`outbox: redacted ${changed} message(s) naming an erased member`);
    return changed;
  }

  /**
   * Privacy erasure of a member's id inside keys that must live on (see erasedKeyPart): every key
   * starting with `from` starts with `to` instead. Rows already sent stay sent, and a row in doubt is
   * still found in Slack's history under its old key (outboxKeysMatch), so nothing is sent twice.
   */
  async renameKeys(from: string, to: string): Promise<number> {
    const renamed = await this.deps.repository.renameKeys(from, to, iso(this.deps.clock.now()));
    if (renamed > 0) this.deps.logger.info(`outbox: renamed ${renamed} key(s) that named an erased member`);
    return renamed;
  }

  // ------------------------------------------------------------------ internals

  private async insert(
    request: ScheduleRequest,
    status: 'pending' | 'skipped',
    reason: string | null,
  ): Promise<boolean> {
    const record = newRecord(request, status, reason, iso(this.deps.clock.now()));
    const created = await this.deps.repository.insert(record);
    if (created) this.logCreated(record);
    return created;
  }

  private logCreated(record: NewOutboxRecord): void {
    const what =
      record.status === 'pending'
        ? `scheduled (${record.kind}) for ${record.dueAt}`
        : `recorded as skipped (${record.kind}): ${record.lastError ?? ''}`;
    this.deps.logger.info(`outbox ${record.key}: ${what}`);
  }

  private toRow(record: OutboxRecord): OutboxRow {
    return {
      id: record.id,
      kind: record.kind,
      key: record.key,
      channel: record.channel,
      message: parseMessage(record.payload) ?? { text: '' },
      dueAt: new Date(record.due_at),
      expiresAt: dateOrNull(record.expires_at),
      status: statusSchema.catch('failed').parse(record.status),
      attempts: record.attempts,
      nextAttemptAt: new Date(record.next_attempt_at),
      lastError: record.last_error,
      claimedBy: record.claimed_by,
      claimedAt: dateOrNull(record.claimed_at),
      unconfirmedSince: dateOrNull(record.unconfirmed_since),
      slackChannel: record.slack_channel,
      slackTs: record.slack_ts,
      sentAt: dateOrNull(record.sent_at),
      notifyOnFailure: record.notify_on_failure,
      failureNotifiedAt: dateOrNull(record.failure_notified_at),
      createdAt: new Date(record.created_at),
    };
  }
}

/** A checked request as the row to insert; throws on a malformed request (a programming error). */
function newRecord(
  request: ScheduleRequest,
  status: 'pending' | 'skipped',
  reason: string | null,
  now: string,
): NewOutboxRecord {
  const parsed = scheduleSchema.safeParse(request);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new Error(
      `outbox: invalid request for key ${request.key}: ${issue?.path.join('.') ?? '?'} ${issue?.message ?? ''}`,
    );
  }
  const r = parsed.data;
  return {
    kind: r.kind,
    key: r.key,
    channel: r.channel,
    payload: JSON.stringify(r.message),
    dueAt: iso(r.dueAt),
    expiresAt: r.expiresAt === undefined ? null : iso(r.expiresAt),
    notifyOnFailure: r.notifyOnFailure ?? null,
    status,
    lastError: reason,
    now,
  };
}
