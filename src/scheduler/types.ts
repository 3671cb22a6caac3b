import type { KnownBlock } from '../slack/blockKit';

/**
 * The outbox: every scheduled post is a row with a unique idempotency key before it is sent.
 * The scheduler knows nothing of events, announcements or digests: their modules "plan"
 * rows (idempotently, by key) and the delivery worker sends whatever is due.
 */

/** What to post. `channel` is a channel id, or a user id for a DM in the app's Messages tab. */
export interface OutboxMessage {
  readonly text: string;
  readonly blocks?: KnownBlock[];
  /** Post in the thread of this message (ts) in the same channel. */
  readonly threadTs?: string;
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
  readonly lastError: string | null;
  readonly slackChannel: string | null;
  readonly slackTs: string | null;
  readonly notifyOnFailure: string | null;
}

/** Called on every tick (and once at start, for catch-up) before due rows are delivered. */
export type Planner = (now: Date) => void | Promise<void>;
