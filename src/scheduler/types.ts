import type { KnownBlock } from '../slack/blockKit';
import type { PaceSettings } from './pacer';

/**
 * The outbox: every scheduled post is a row with a unique idempotency key before it is sent.
 * The scheduler knows nothing of events, announcements or digests: their modules "plan"
 * rows (idempotently, by key) and the delivery worker sends whatever is due.
 */

/**
 * A group DM with these members, as an outbox channel: `mpim:U1,U2,U3`. Slack only has an id for such a
 * conversation once conversations.open({ users }) made one, so delivery opens it at send time and
 * remembers the id in the row's slack_channel (for the history check after a crash, too).
 */
export const GROUP_DM_PREFIX = 'mpim:';

/** The outbox channel for a group DM with these members (2 to 8 user ids; order does not matter). */
export function groupDmTarget(userIds: readonly string[]): string {
  return `${GROUP_DM_PREFIX}${[...new Set(userIds)].sort().join(',')}`;
}

/** The members of a group-DM channel (`mpim:U1,U2`), or undefined for any other channel. */
export function groupDmMembers(channel: string): string[] | undefined {
  if (!channel.startsWith(GROUP_DM_PREFIX)) return undefined;
  return channel.slice(GROUP_DM_PREFIX.length).split(',');
}

const ERASED_KEY_PART = /^erased\.\d+$/;
const USER_ID = /^[UW][A-Z0-9]{2,}$/;

/**
 * What takes the place of an erased member's id inside a key that must live on (e.g. other members'
 * digests of a run that member started): `erased.<n>`, where n keeps the keys unique.
 */
export function erasedKeyPart(n: number): string {
  return `erased.${n}`;
}

/**
 * Whether a key found in a posted message's metadata is the stored key. A message already in Slack
 * still carries the key as it was before an erasure, so `erased.<n>` there stands for any user id:
 * a key rewritten by an erasure never causes a resend after a crash.
 */
export function outboxKeysMatch(stored: string, posted: string): boolean {
  if (stored === posted) return true;
  const storedParts = stored.split(':');
  const postedParts = posted.split(':');
  return (
    storedParts.length === postedParts.length &&
    storedParts.some((part) => ERASED_KEY_PART.test(part)) &&
    storedParts.every((part, i) => {
      const other = postedParts[i] ?? '';
      return part === other || (ERASED_KEY_PART.test(part) && USER_ID.test(other));
    })
  );
}

/**
 * What to post. `channel` is a channel id, a user id for a DM in the app's Messages tab, or a group DM
 * target (`mpim:U1,U2`, see groupDmTarget).
 */
export interface OutboxMessage {
  readonly text: string;
  readonly blocks?: KnownBlock[];
  /** Post in the thread of this message (ts) in the same channel. */
  readonly threadTs?: string;
  /**
   * Not a post: 'archive' archives the channel (conversations.archive) once, at its due time, and
   * `text` only records why. Archiving is idempotent (already_archived counts as done), so a row in
   * doubt after a crash is simply archived again instead of looked up in the history.
   */
  readonly action?: 'archive';
}

export interface ScheduleRequest {
  /** What kind of post this is ('event_reminder', 'announcement', …): for logs, stats and failure notices. */
  readonly kind: string;
  /** Unique forever: the same key is never sent twice. Scheduling an existing key does nothing. */
  readonly key: string;
  readonly channel: string;
  readonly message: OutboxMessage;
  readonly dueAt: Date;
  /** After this moment the post no longer makes sense: it is marked skipped instead of sent late. */
  readonly expiresAt?: Date;
  /** The member told by DM, once, if the post fails for good (channel gone, bot not in it, …). */
  readonly notifyOnFailure?: string;
}

export type OutboxStatus = 'pending' | 'sending' | 'sent' | 'failed' | 'skipped' | 'cancelled';

export interface OutboxRow {
  readonly id: number;
  readonly kind: string;
  readonly key: string;
  readonly channel: string;
  readonly message: OutboxMessage;
  readonly dueAt: Date;
  readonly expiresAt: Date | null;
  readonly status: OutboxStatus;
  readonly attempts: number;
  /** When a pending row may next be tried (due time, pushed back by retries). */
  readonly nextAttemptAt: Date;
  /** Why the row failed, was skipped or was last retried (a Slack error code, 'expired', …). */
  readonly lastError: string | null;
  readonly claimedBy: string | null;
  readonly claimedAt: Date | null;
  /** Set while an earlier attempt may have reached Slack: history is checked before a resend. */
  readonly unconfirmedSince: Date | null;
  readonly slackChannel: string | null;
  readonly slackTs: string | null;
  readonly sentAt: Date | null;
  readonly notifyOnFailure: string | null;
  readonly failureNotifiedAt: Date | null;
  readonly createdAt: Date;
}

/** The delivery worker's knobs (defaults in delivery.ts); tests and operators pass them via SchedulerOptions. */
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
  /** How the pace of bulk posts is found (see pacer.ts); BULK_POSTS_PER_SECOND is its ceiling. */
  readonly pace: Partial<PaceSettings>;
}

/** What one delivery pass did. `retried` rows went back to pending with a later next attempt. */
export interface DeliverySummary {
  readonly sent: number;
  readonly failed: number;
  readonly skipped: number;
  readonly retried: number;
}

/** What one scheduler tick did: stale claims recovered, planners run, then delivery. */
export interface TickSummary extends DeliverySummary {
  readonly recovered: number;
  readonly plannerFailures: readonly string[];
  /** Set when another replica holds the scheduler lease, so this one planned and sent nothing. */
  readonly standby?: true;
}

/** Waits `ms`; resolves early (never rejects) when `signal` aborts. Injected so tests never wait. */
export type Sleep = (ms: number, signal?: AbortSignal) => Promise<void>;

/** The part of a node-cron task the scheduler uses. */
export interface CronTask {
  stop(): void | Promise<void>;
  destroy(): void | Promise<void>;
}

export interface CronOptions {
  readonly timezone: string;
  readonly name: string;
  readonly noOverlap: boolean;
}

/** Registers `run` on a cron expression; node-cron's schedule() in production, a recorder in tests. */
export type CronFactory = (expression: string, run: () => Promise<void>, options: CronOptions) => CronTask;

/** Called on every tick (and once at start, for catch-up) before due rows are delivered. */
export type Planner = (now: Date) => void | Promise<void>;
