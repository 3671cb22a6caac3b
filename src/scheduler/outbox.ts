import { randomBytes } from 'node:crypto';
import os from 'node:os';
import { z } from 'zod';
import type { Clock } from '../clock';
import type { Locale } from '../i18n';
import type { Logger } from '../logger';
import type { KnownBlock } from '../slack/blockKit';
import type { OutboxRecord, OutboxRepository } from '../storage/outbox';
import { classifySlackError, type DeliveryMessenger, type SlackFailure } from './messenger';
import { failureNotice } from './notice';
import { SendPacer } from './pacer';
import { groupDmMembers, type DeliverySummary, type OutboxMessage, type OutboxRow, type ScheduleRequest, type Sleep } from './types';

export interface DeliverySettings {
  /** A 'sending' claim older than this is presumed dead (its process crashed) and is recovered. */
  readonly leaseMs: number;
  /** Rows claimed per round; small enough that a batch is sent well within the lease. */
  readonly batchSize: number;
  /** Channels sent to at once; each channel's rows go one after another (~1 post/s/channel). */
  readonly concurrency: number;
  /** Claims before a transiently failing row is given up (failed, author told). */
  readonly maxAttempts: number;
  readonly backoffBaseMs: number;
  readonly backoffMaxMs: number;
  /** 429s waited out in place per row before it is put back with next_attempt_at instead. */
  readonly maxRateLimitWaits: number;
  /** Longer Retry-After values are not waited out in place (they would hold the tick). */
  readonly maxInlineWaitSec: number;
  /** History is searched from this long before the uncertain attempt (clock skew with Slack). */
  readonly historyMarginMs: number;
  /** The pace of bulk posts (BULK_POSTS_PER_SECOND); lowered on a 429, never raised above it. */
  readonly postsPerSecond: number;
}

export const DEFAULT_DELIVERY_SETTINGS: DeliverySettings = {
  leaseMs: 2 * 60_000,
  batchSize: 25,
  concurrency: 4,
  maxAttempts: 8,
  backoffBaseMs: 30_000,
  backoffMaxMs: 30 * 60_000,
  maxRateLimitWaits: 3,
  maxInlineWaitSec: 60,
  historyMarginMs: 2 * 60_000,
  postsPerSecond: 10,
};

export interface OutboxDeps {
  readonly repository: OutboxRepository;
  readonly messenger: DeliveryMessenger;
  readonly clock: Clock;
  readonly logger: Logger;
  /** The language of the member told about a failure. */
  readonly localeOf: (userId: string) => Promise<Locale>;
  readonly sleep?: Sleep;
  readonly workerId?: string;
  readonly settings?: Partial<DeliverySettings>;
}

/** Waits with setTimeout; an abort ends the wait early (shutdown must not hang on a 429 pause). */
export const realSleep: Sleep = (ms, signal) =>
  new Promise<void>((resolve) => {
    if (signal?.aborted === true) {
      resolve();
      return;
    }
    const done = (): void => {
      clearTimeout(timer);
      signal?.removeEventListener('abort', done);
      resolve();
    };
    const timer = setTimeout(done, ms);
    signal?.addEventListener('abort', done, { once: true });
  });

const blockSchema = z.custom<KnownBlock>(
  (value) =>
    typeof value === 'object' &&
    value !== null &&
    !Array.isArray(value) &&
    'type' in value &&
    typeof value.type === 'string',
  { message: 'each block must be an object with a type' },
);

/** The stored payload. It is read back from the database, so it is validated like any input. */
export const outboxMessageSchema = z.object({
  text: z.string().min(1).max(40_000),
  blocks: z.array(blockSchema).max(50).optional(),
  threadTs: z
    .string()
    .regex(/^\d+\.\d+$/)
    .optional(),
});

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

/** Keys of failure notices; no caller's prefix (event:…, announcement:…) can cancel them. */
const NOTICE_PREFIX = 'outbox-failure:';
const MAX_ROUNDS = 10_000;

type Outcome = 'sent' | 'failed' | 'skipped' | 'retried' | 'none';
type CallResult<T> =
  | { outcome: 'ok'; value: T }
  | { outcome: 'failed'; failure: SlackFailure }
  | { outcome: 'aborted' }
  | { outcome: 'lost' };

function iso(date: Date): string {
  return date.toISOString();
}

function parseMessage(payload: string): OutboxMessage | undefined {
  let json: unknown;
  try {
    json = JSON.parse(payload);
  } catch {
    return undefined;
  }
  const parsed = outboxMessageSchema.safeParse(json);
  return parsed.success ? parsed.data : undefined;
}

function dateOrNull(value: string | null): Date | null {
  return value === null ? null : new Date(value);
}

/**
 * The outbox: scheduled posts as rows with unique keys, and the delivery worker that sends what is due.
 *
 * - Never twice: a key is inserted once (ON CONFLICT DO NOTHING); due rows are claimed atomically
 *   (one UPDATE … RETURNING inside BEGIN IMMEDIATE); every later change is fenced on our claim; a send
 *   that may have reached Slack (crash, 5xx, network error) is looked up in the channel's history by the
 *   key in its metadata before anything is resent.
 * - Never lost: 429s are waited out, other transient errors retried with exponential backoff; a row that
 *   cannot be sent ends 'failed' with the reason and its author gets one DM (itself an outbox row).
 */
export class Outbox {
  readonly workerId: string;
  private readonly settings: DeliverySettings;
  private readonly sleep: Sleep;
  private readonly pacer: SendPacer;
  private readonly inFlight = new Set<number>();

  constructor(private readonly deps: OutboxDeps) {
    this.settings = { ...DEFAULT_DELIVERY_SETTINGS, ...deps.settings };
    this.sleep = deps.sleep ?? realSleep;
    this.pacer = new SendPacer(this.sleep, this.settings.postsPerSecond);
    // host/pid/random: unique per process (and per bot in one test process), and it tells a
    // later process on the same host whether the claimant is still alive.
    this.workerId = deps.workerId ?? `${os.hostname()}/${process.pid}/${randomBytes(4).toString('hex')}`;
  }

  // ------------------------------------------------------------------ public API for planners and services

  /**
   * Adds a post to the outbox; true if the key was new, false if it existed (whatever its status).
   * Synchronous, one statement: it may run inside the caller's better-sqlite3 transaction.
   * Throws on a malformed request (a programming error).
   */
  schedule(request: ScheduleRequest): boolean {
    return this.insert(request, 'pending', null);
  }

  /** Records the key as skipped without sending (catch-up of something no longer relevant). */
  scheduleSkipped(request: ScheduleRequest, reason: string): boolean {
    return this.insert(request, 'skipped', reason);
  }

  /** Cancels pending rows whose key equals `keyOrPrefix` or starts with it; returns how many. */
  cancel(keyOrPrefix: string): number {
    if (keyOrPrefix === '') throw new Error('outbox.cancel needs a key or a non-empty prefix');
    const keys = this.deps.repository.cancelByPrefix(keyOrPrefix, iso(this.deps.clock.now()));
    for (const key of keys) this.deps.logger.info(`outbox ${key}: cancelled`);
    return keys.length;
  }

  statusCounts(prefix: string): { status: string; lastError: string | null; count: number }[] {
    return this.deps.repository.statusCounts(prefix);
  }

  /** What is or was scheduled to a member's DM or to a group DM they are in: kind, time and status, without the text. */
  addressedTo(userId: string): { kind: string; dueAt: string; status: string }[] {
    return this.deps.repository.toMember(userId).map((row) => ({ kind: row.kind, dueAt: row.due_at, status: row.status }));
  }

  /** Same as cancel(); the name says what it does. */
  cancelByPrefix(prefix: string): number {
    return this.cancel(prefix);
  }

  /**
   * Moves a pending row to a new due time, optionally with a new message and expiry
   * (undefined keeps the expiry, null removes it). False if the row is not pending.
   */
  reschedule(key: string, dueAt: Date, message?: OutboxMessage, expiresAt?: Date | null): boolean {
    const payload = message === undefined ? null : JSON.stringify(outboxMessageSchema.parse(message));
    if (Number.isNaN(dueAt.getTime())) throw new Error(`outbox.reschedule ${key}: dueAt is not a valid date`);
    const expiry =
      expiresAt === undefined ? undefined : { expiresAt: expiresAt === null ? null : iso(expiresAt) };
    const changed = this.deps.repository.reschedule(
      key,
      iso(dueAt),
      payload,
      expiry,
      iso(this.deps.clock.now()),
    );
    if (changed) this.deps.logger.info(`outbox ${key}: rescheduled for ${iso(dueAt)}`);
    return changed;
  }

  find(key: string): OutboxRow | undefined {
    const record = this.deps.repository.get(key);
    return record === undefined ? undefined : this.toRow(record);
  }

  /** Rows whose key starts with `prefix` (all rows for ''), by due time. */
  list(prefix = ''): OutboxRow[] {
    return this.deps.repository.byPrefix(prefix).map((record) => this.toRow(record));
  }

  /**
   * Privacy erasure: deletes every row addressed to the member (their DMs, sent or not) and removes
   * them as the one told about failures. Returns how many rows changed.
   */
  forgetMember(userId: string): number {
    const changed = this.deps.repository.forgetMember(userId, iso(this.deps.clock.now()));
    if (changed > 0) this.deps.logger.info(`outbox: forgot ${userId} (${changed} rows)`);
    return changed;
  }

  /**
   * Privacy erasure of rows another module knows name a member although they are addressed to someone
   * else (e.g. a DM that mentions them). Rows being sent right now are left to finish. Returns how many.
   */
  forgetKeys(keys: readonly string[]): number {
    const deleted = this.deps.repository.deleteKeys(keys);
    if (deleted > 0) this.deps.logger.info(`outbox: forgot ${deleted} row(s) naming an erased member`);
    return deleted;
  }

  /**
   * Privacy erasure of a member's id inside keys that must live on (see erasedKeyPart): every key
   * starting with `from` starts with `to` instead. Rows already sent stay sent, and a row in doubt is
   * still found in Slack's history under its old key (outboxKeysMatch), so nothing is sent twice.
   */
  renameKeys(from: string, to: string): number {
    const renamed = this.deps.repository.renameKeys(from, to, iso(this.deps.clock.now()));
    if (renamed > 0) this.deps.logger.info(`outbox: renamed ${renamed} key(s) that named an erased member`);
    return renamed;
  }

  // ------------------------------------------------------------------ delivery (called by the scheduler tick)

  /**
   * Puts rows left 'sending' by a dead process back to pending, marked unconfirmed: before any resend,
   * delivery looks for their key in Slack. Dead means: claimed longer ago than the lease, or claimed by
   * a process on this host that no longer exists. Returns how many were recovered.
   */
  recoverStale(now: Date): number {
    const cutoff = iso(new Date(now.getTime() - this.settings.leaseMs));
    let recovered = 0;
    for (const claim of this.deps.repository.sending()) {
      if (this.inFlight.has(claim.id)) continue;
      const expired = claim.claimed_at === null || claim.claimed_at <= cutoff;
      if (!expired && !claimantIsDead(claim.claimed_by)) continue;
      if (this.deps.repository.takeBack(claim, 'recovered_stale_claim', iso(now))) {
        recovered += 1;
        this.deps.logger.warn(
          `outbox ${claim.key}: claim by ${claim.claimed_by ?? '?'} at ${claim.claimed_at ?? '?'} is stale; back to pending, Slack history is checked before any resend`,
        );
      }
    }
    return recovered;
  }

  /** Claims the rows due at `now` and sends them; rows whose expiry passed are skipped. */
  async deliverDue(now: Date, signal?: AbortSignal): Promise<DeliverySummary> {
    const tally = { sent: 0, failed: 0, skipped: 0, retried: 0 };
    for (let round = 0; round < MAX_ROUNDS && signal?.aborted !== true; round += 1) {
      // Failure notices first, so that one queued by the previous round goes out in this pass.
      await this.queueFailureNotices(now);
      const { expired, claimed } = this.deps.repository.expireAndClaim(
        iso(now),
        this.workerId,
        this.settings.batchSize,
      );
      for (const key of expired)
        this.deps.logger.info(`outbox ${key}: skipped (expired before it could be sent)`);
      tally.skipped += expired.length;
      if (claimed.length === 0) break;
      for (const record of claimed) {
        this.deps.logger.debug(
          `outbox ${record.key}: claimed by ${this.workerId} (attempt ${record.attempts})`,
        );
      }
      await this.deliverBatch(claimed, tally, signal);
    }
    return tally;
  }

  // ------------------------------------------------------------------ internals

  private insert(request: ScheduleRequest, status: 'pending' | 'skipped', reason: string | null): boolean {
    const parsed = scheduleSchema.safeParse(request);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      throw new Error(
        `outbox: invalid request for key ${request.key}: ${issue?.path.join('.') ?? '?'} ${issue?.message ?? ''}`,
      );
    }
    const r = parsed.data;
    const now = iso(this.deps.clock.now());
    const created = this.deps.repository.insert({
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
    });
    if (created) {
      const what =
        status === 'pending'
          ? `scheduled (${r.kind}) for ${iso(r.dueAt)}`
          : `recorded as skipped (${r.kind}): ${reason ?? ''}`;
      this.deps.logger.info(`outbox ${r.key}: ${what}`);
    }
    return created;
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

  /** One lane per channel, run `concurrency` at a time; each lane posts in due order. */
  private async deliverBatch(
    records: OutboxRecord[],
    tally: Record<Exclude<Outcome, 'none'>, number>,
    signal: AbortSignal | undefined,
  ): Promise<void> {
    const ordered = [...records].sort((a, b) =>
      a.due_at === b.due_at ? a.id - b.id : a.due_at < b.due_at ? -1 : 1,
    );
    const lanes = new Map<string, OutboxRecord[]>();
    for (const record of ordered) {
      const lane = lanes.get(record.channel);
      if (lane === undefined) lanes.set(record.channel, [record]);
      else lane.push(record);
    }
    const queue = [...lanes.values()];
    const work = async (): Promise<void> => {
      for (let lane = queue.shift(); lane !== undefined; lane = queue.shift()) {
        for (const record of lane) {
          const outcome = await this.deliverOne(record, signal);
          if (outcome !== 'none') tally[outcome] += 1;
        }
      }
    };
    await Promise.all(Array.from({ length: Math.min(this.settings.concurrency, queue.length) }, work));
  }

  private async deliverOne(record: OutboxRecord, signal: AbortSignal | undefined): Promise<Outcome> {
    this.inFlight.add(record.id);
    try {
      return await this.process(record, signal);
    } catch (error) {
      // A bug or a closed database: the row stays 'sending' and the lease recovers it safely.
      this.deps.logger.error(
        `outbox ${record.key}: delivery crashed; the claim will be recovered after the lease:`,
        error,
      );
      return 'none';
    } finally {
      this.inFlight.delete(record.id);
    }
  }

  private async process(record: OutboxRecord, signal: AbortSignal | undefined): Promise<Outcome> {
    const message = parseMessage(record.payload);
    if (message === undefined) return this.fail(record, 'invalid_payload');
    if (signal?.aborted === true) return this.unclaim(record);

    const target = await this.resolveTarget(record, signal);
    if (target.outcome !== 'ok') return target.outcome;
    const channel = target.value;

    if (record.unconfirmed_since !== null) {
      const since = new Date(new Date(record.unconfirmed_since).getTime() - this.settings.historyMarginMs);
      const lookup = await this.call(record, false, signal, () =>
        this.deps.messenger.findByKey(channel, record.key, since, message.threadTs),
      );
      if (lookup.outcome === 'aborted') return this.unclaim(record);
      if (lookup.outcome === 'lost') return this.lost(record);
      if (lookup.outcome === 'failed') return this.handleFailure(record, lookup.failure);
      if (lookup.value !== undefined) {
        const marked = this.deps.repository.markSent(
          record.id,
          this.workerId,
          lookup.value,
          'found_in_history',
          iso(this.deps.clock.now()),
        );
        if (!marked) return this.lost(record);
        this.deps.logger.info(
          `outbox ${record.key}: already in Slack (ts ${lookup.value.ts}); marked sent without resending`,
        );
        return 'sent';
      }
      this.deps.logger.info(`outbox ${record.key}: not found in Slack history; sending`);
    }

    if (record.expires_at !== null && record.expires_at <= iso(this.deps.clock.now())) {
      return this.finish(record, 'skipped', 'expired');
    }

    const posted = await this.call(record, true, signal, async () => {
      await this.pacer.acquire(signal);
      const result = await this.deps.messenger.post(channel, message, record.key);
      this.pacer.succeeded();
      return result;
    });
    if (posted.outcome === 'aborted') return this.unclaim(record);
    if (posted.outcome === 'lost') return this.lost(record);
    if (posted.outcome === 'failed') return this.handleFailure(record, posted.failure);
    const slack = { channel: posted.value.channel, ts: posted.value.ts === '' ? null : posted.value.ts };
    if (!this.deps.repository.markSent(record.id, this.workerId, slack, null, iso(this.deps.clock.now()))) {
      // Sent, but our claim was taken over meanwhile: the new claimant finds the key in history.
      this.deps.logger.warn(
        `outbox ${record.key}: sent (ts ${slack.ts ?? '?'}) after losing the claim; history check will record it`,
      );
      return 'none';
    }
    this.deps.logger.info(
      `outbox ${record.key}: sent to ${slack.channel} (ts ${slack.ts ?? '?'}, attempt ${record.attempts})`,
    );
    return 'sent';
  }

  /**
   * Where the row is posted: its channel, or for a group DM (`mpim:…`) the conversation Slack gives
   * for those members. That id is remembered on the row (fenced on our claim) before anything is
   * posted, so a retry or a recovery after a crash looks in, and posts to, the same conversation.
   * conversations.open is idempotent, so opening again after a crash is harmless.
   */
  private async resolveTarget(
    record: OutboxRecord,
    signal: AbortSignal | undefined,
  ): Promise<{ outcome: 'ok'; value: string } | { outcome: Outcome }> {
    const members = groupDmMembers(record.channel);
    if (members === undefined) return { outcome: 'ok', value: record.channel };
    if (record.slack_channel !== null) return { outcome: 'ok', value: record.slack_channel };
    // Not fenced: a fence clears unconfirmed_since, and the history check has not happened yet.
    const opened = await this.call(record, false, signal, () => this.deps.messenger.openGroup(members));
    if (opened.outcome === 'aborted') return { outcome: this.unclaim(record) };
    if (opened.outcome === 'lost') return { outcome: this.lost(record) };
    if (opened.outcome === 'failed') return { outcome: this.handleFailure(record, opened.failure) };
    if (!this.deps.repository.rememberConversation(record.id, this.workerId, opened.value, iso(this.deps.clock.now())))
      return { outcome: this.lost(record) };
    this.deps.logger.debug(`outbox ${record.key}: group DM is ${opened.value}`);
    return { outcome: 'ok', value: opened.value };
  }

  /**
   * Runs one Slack call for a claimed row. 429s are waited out in place (up to a budget); a
   * not_in_channel in a public channel gets one conversations.join. With `fenced`, the claim is
   * renewed (and checked) right before each try, so a process that lost its claim never posts.
   */
  private async call<T>(
    record: OutboxRecord,
    fenced: boolean,
    signal: AbortSignal | undefined,
    op: () => Promise<T>,
  ): Promise<CallResult<T>> {
    let rateLimitWaits = 0;
    let joined = false;
    for (;;) {
      if (signal?.aborted === true) return { outcome: 'aborted' };
      if (fenced && !this.deps.repository.fence(record.id, this.workerId, iso(this.deps.clock.now())))
        return { outcome: 'lost' };
      try {
        return { outcome: 'ok', value: await op() };
      } catch (error) {
        const failure = classifySlackError(error);
        if (
          failure.kind === 'rate_limited' &&
          rateLimitWaits < this.settings.maxRateLimitWaits &&
          failure.retryAfterSec <= this.settings.maxInlineWaitSec
        ) {
          rateLimitWaits += 1;
          this.deps.logger.warn(
            `outbox ${record.key}: rate limited by Slack; waiting ${failure.retryAfterSec}s (Retry-After)`,
          );
          await this.pacer.rateLimited(failure.retryAfterSec, signal);
          continue;
        }
        if (
          failure.kind === 'permanent' &&
          failure.reason === 'not_in_channel' &&
          !joined &&
          /^C/.test(record.channel)
        ) {
          joined = true;
          const join = await this.tryJoin(record);
          if (join === 'joined') continue;
          return {
            outcome: 'failed',
            failure:
              join === 'retry' ? { kind: 'transient', reason: 'not_in_channel', ambiguous: false } : failure,
          };
        }
        return { outcome: 'failed', failure };
      }
    }
  }

  private async tryJoin(record: OutboxRecord): Promise<'joined' | 'retry' | 'refused'> {
    try {
      await this.deps.messenger.join(record.channel);
      this.deps.logger.info(
        `outbox ${record.key}: joined ${record.channel} after not_in_channel; trying again`,
      );
      return 'joined';
    } catch (error) {
      const failure = classifySlackError(error);
      const reason = failure.kind === 'rate_limited' ? 'ratelimited' : failure.reason;
      this.deps.logger.warn(`outbox ${record.key}: could not join ${record.channel} (${reason})`);
      return failure.kind === 'permanent' ? 'refused' : 'retry';
    }
  }

  private handleFailure(record: OutboxRecord, failure: SlackFailure): Outcome {
    const now = this.deps.clock.now();
    if (failure.kind === 'permanent') return this.fail(record, failure.reason);
    if (failure.kind === 'rate_limited') {
      // Slack refused the call, so nothing was posted; a rate limit is not the message's fault and
      // does not count towards giving up.
      const next = new Date(now.getTime() + Math.max(1, failure.retryAfterSec) * 1000);
      return this.release(record, next, 'ratelimited', { ambiguous: false, refund: true });
    }
    if (record.attempts >= this.settings.maxAttempts) return this.fail(record, `gave_up:${failure.reason}`);
    const delay = Math.min(
      this.settings.backoffBaseMs * 2 ** (record.attempts - 1),
      this.settings.backoffMaxMs,
    );
    return this.release(record, new Date(now.getTime() + delay), failure.reason, {
      ambiguous: failure.ambiguous,
      refund: false,
    });
  }

  private release(
    record: OutboxRecord,
    next: Date,
    reason: string,
    flags: { ambiguous: boolean; refund: boolean },
  ): Outcome {
    if (
      !this.deps.repository.release(
        record.id,
        this.workerId,
        iso(next),
        reason,
        flags,
        iso(this.deps.clock.now()),
      )
    ) {
      return this.lost(record);
    }
    const check = flags.ambiguous ? ' after checking Slack history' : '';
    this.deps.logger.warn(
      `outbox ${record.key}: attempt ${record.attempts} failed (${reason}); retry at ${iso(next)}${check}`,
    );
    return 'retried';
  }

  private fail(record: OutboxRecord, reason: string): Outcome {
    if (!this.deps.repository.finish(record.id, this.workerId, 'failed', reason, iso(this.deps.clock.now())))
      return this.lost(record);
    const told = record.notify_on_failure === null ? '' : `; ${record.notify_on_failure} will be told`;
    this.deps.logger.error(
      `outbox ${record.key}: failed (${reason}) after ${record.attempts} attempt(s)${told}`,
    );
    return 'failed';
  }

  private finish(record: OutboxRecord, status: 'skipped', reason: string): Outcome {
    if (!this.deps.repository.finish(record.id, this.workerId, status, reason, iso(this.deps.clock.now())))
      return this.lost(record);
    this.deps.logger.info(`outbox ${record.key}: skipped (${reason})`);
    return 'skipped';
  }

  private unclaim(record: OutboxRecord): Outcome {
    if (this.deps.repository.unclaim(record.id, this.workerId, iso(this.deps.clock.now()))) {
      this.deps.logger.info(`outbox ${record.key}: released unsent at shutdown`);
    }
    return 'none';
  }

  private lost(record: OutboxRecord): Outcome {
    this.deps.logger.warn(`outbox ${record.key}: claim lost to another process; leaving the row to it`);
    return 'none';
  }

  /**
   * For each failed row whose author has not been told, queues one DM as an outbox row of its own
   * (so it is itself sent once, retried and recovered). Marking and queueing share a transaction.
   */
  private async queueFailureNotices(now: Date): Promise<void> {
    for (const record of this.deps.repository.unnotifiedFailures(50)) {
      try {
        await this.queueFailureNotice(record, now);
      } catch (error) {
        // Delivery of everything else goes on; the notice is tried again on the next pass.
        this.deps.logger.error(`outbox ${record.key}: could not queue the failure notice:`, error);
      }
    }
  }

  private async queueFailureNotice(record: OutboxRecord, now: Date): Promise<void> {
    const userId = record.notify_on_failure;
    if (userId === null) return;
    const locale = await this.deps.localeOf(userId);
    const notice = failureNotice(locale, {
      channel: record.channel,
      text: parseMessage(record.payload)?.text ?? '',
      dueAt: new Date(record.due_at),
      reason: record.last_error ?? 'unknown',
      attempts: record.attempts,
    });
    const at = iso(now);
    const queued = this.deps.repository.immediate(() => {
      if (!this.deps.repository.markNotified(record.id, at)) return false;
      this.deps.repository.insert({
        kind: 'delivery_failure',
        key: `${NOTICE_PREFIX}${record.key}`,
        channel: userId,
        payload: JSON.stringify(notice),
        dueAt: at,
        expiresAt: null,
        notifyOnFailure: null,
        status: 'pending',
        lastError: null,
        now: at,
      });
      return true;
    });
    if (queued)
      this.deps.logger.info(
        `outbox ${record.key}: failure notice queued for ${userId} (${NOTICE_PREFIX}${record.key})`,
      );
  }
}

/** True when the claimant was a process on this host that no longer exists. */
function claimantIsDead(claimedBy: string | null): boolean {
  if (claimedBy === null) return true;
  const [host, pidText] = claimedBy.split('/');
  const pid = Number(pidText);
  if (host !== os.hostname() || !Number.isInteger(pid) || pid <= 0 || pid === process.pid) return false;
  try {
    process.kill(pid, 0);
    return false;
  } catch (error) {
    // EPERM: the process exists but belongs to someone else; only ESRCH means it is gone.
    return z.object({ code: z.literal('ESRCH') }).safeParse(error).success;
  }
}
