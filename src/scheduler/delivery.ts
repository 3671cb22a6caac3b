import { randomBytes } from 'node:crypto';
import os from 'node:os';
import type { Locale } from '../i18n';
import type { OutboxRecord } from '../storage/outbox';
import { queueFailureNotices } from './notice';
import { SendPacer } from './pacer';
import { OutboxSender, type Outcome, type SenderDeps } from './sender';
import { iso } from './stored';
import type { DeliverySettings, DeliverySummary, Sleep } from './types';

/*
 * The delivery worker that the scheduler tick runs after the planners: it recovers claims left by dead
 * processes, claims the outbox rows that are due and hands them to the sender (sender.ts) one channel
 * lane at a time, and queues failure notices (notice.ts). Services never use it; they schedule and
 * cancel posts through the queue API in outbox.ts.
 */

export const DEFAULT_DELIVERY_SETTINGS: DeliverySettings = {
  leaseMs: 2 * 60_000,
  batchSize: 50,
  // Posts to one channel go a second apart, so a fast pace needs many channels at once.
  concurrency: 16,
  maxAttempts: 8,
  backoffBaseMs: 30_000,
  backoffMaxMs: 30 * 60_000,
  maxRateLimitWaits: 3,
  maxInlineWaitSec: 60,
  historyMarginMs: 2 * 60_000,
  pace: {},
};

export interface DeliveryDeps extends SenderDeps {
  /** The language of the member told about a failure. */
  readonly localeOf: (userId: string) => Promise<Locale>;
  readonly sleep?: Sleep;
  /** The pacer's monotonic milliseconds (performance.now() unless a test passes virtual time). */
  readonly paceNow?: () => number;
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

const MAX_ROUNDS = 10_000;

/**
 * Sends what is due in the outbox.
 *
 * - Never twice: a key is inserted once (ON CONFLICT DO NOTHING); due rows are claimed atomically
 *   (see OutboxRepository.expireAndClaim: FOR UPDATE SKIP LOCKED on Postgres, BEGIN IMMEDIATE on SQLite,
 *   and the status re-checked by the claiming UPDATE); every later change is fenced on our claim; a send
 *   that may have reached Slack (crash, 5xx, network error) is looked up in the channel's history by the
 *   key in its metadata before anything is resent.
 * - Never lost: 429s are waited out, other transient errors retried with exponential backoff; a row that
 *   cannot be sent ends 'failed' with the reason and its author gets one DM (itself an outbox row).
 */
export class OutboxDelivery {
  readonly workerId: string;
  private readonly settings: DeliverySettings;
  private readonly sender: OutboxSender;
  private readonly inFlight = new Set<number>();

  constructor(private readonly deps: DeliveryDeps) {
    this.settings = { ...DEFAULT_DELIVERY_SETTINGS, ...deps.settings };
    const pacer = new SendPacer(deps.sleep ?? realSleep, this.settings.pace, deps.paceNow);
    // host/pid/random: unique per process (and per bot in one test process); host and pid only help
    // a reader of the logs, liveness never rests on them (see recoverStale).
    this.workerId = deps.workerId ?? `${os.hostname()}/${process.pid}/${randomBytes(4).toString('hex')}`;
    this.sender = new OutboxSender(deps, this.settings, pacer, this.workerId);
  }

  /**
   * Puts rows left 'sending' by a dead process back to pending, marked unconfirmed: before any resend,
   * delivery looks for their key in Slack. Dead means: claimed longer ago than the claim lease, or —
   * when this replica took the scheduler lease over at `leaseHeldSince` — claimed by another worker
   * before that: only the lease holder delivers, so that worker let its lease lapse. Returns how many
   * were recovered.
   */
  async recoverStale(now: Date, leaseHeldSince?: Date): Promise<number> {
    const cutoff = iso(new Date(now.getTime() - this.settings.leaseMs));
    const takenOver = leaseHeldSince === undefined ? undefined : iso(leaseHeldSince);
    let recovered = 0;
    for (const claim of await this.deps.repository.sending()) {
      if (this.inFlight.has(claim.id)) continue;
      const claimedAt = claim.claimed_at;
      const expired = claimedAt === null || claimedAt <= cutoff;
      const leftByFormerHolder =
        takenOver !== undefined &&
        claim.claimed_by !== this.workerId &&
        claimedAt !== null &&
        claimedAt < takenOver;
      if (!expired && !leftByFormerHolder) continue;
      if (await this.deps.repository.takeBack(claim, 'recovered_stale_claim', iso(now))) {
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
      await queueFailureNotices(this.deps, now);
      const { expired, claimed } = await this.deps.repository.expireAndClaim(
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
      return await this.sender.send(record, signal);
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
}
