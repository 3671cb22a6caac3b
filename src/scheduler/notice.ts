import { messages, type Locale } from '../i18n';
import type { Logger } from '../logger';
import type { OutboxRecord, OutboxRepository } from '../storage/outbox';
import { iso, parseMessage } from './stored';
import type { OutboxMessage } from './types';

/*
 * Failure notices: when a post fails for good, the member who scheduled it gets one DM saying what,
 * where and why, in their language. The DM is itself an outbox row, so it is sent once and retried
 * like any post; delivery.ts queues these at the start of each delivery round.
 */

export interface FailedPost {
  readonly channel: string;
  readonly text: string;
  readonly dueAt: Date;
  /** A Slack error code, 'gave_up:<code>' or 'unverifiable:<code>'. */
  readonly reason: string;
  readonly attempts: number;
}

const EXCERPT_CHARS = 80;

/** The DM telling the member who scheduled a post that it failed for good, and why, in their language. */
export function failureNotice(locale: Locale, post: FailedPost): OutboxMessage {
  const m = messages(locale).delivery;
  const firstLine = post.text.split('\n')[0]?.trim() ?? '';
  const excerpt = firstLine.length > EXCERPT_CHARS ? `${firstLine.slice(0, EXCERPT_CHARS - 1)}…` : firstLine;
  const what = excerpt === '' ? m.aScheduledMessage : m.quoted(excerpt);
  const where = /^[UW]/.test(post.channel) ? m.toMember(post.channel) : `<#${post.channel}>`;
  const unix = Math.floor(post.dueAt.getTime() / 1000);
  // Rendered in the reader's own time zone by Slack; the fallback is for clients that cannot.
  const when = `<!date^${unix}^{date_short_pretty} {time}|${post.dueAt.toISOString().slice(0, 16).replace('T', ' ')} UTC>`;
  const text = `${m.failed(what, where, when)}\n${reasonText(locale, post)}\n${m.advice}`;
  return { text };
}

function reasonText(locale: Locale, post: FailedPost): string {
  const reasons = messages(locale).delivery.reasons;
  const colon = post.reason.indexOf(':');
  const head = colon === -1 ? post.reason : post.reason.slice(0, colon);
  const code = colon === -1 ? post.reason : post.reason.slice(colon + 1);
  if (head === 'gave_up') return reasons.gaveUp(post.attempts, code);
  if (head === 'unverifiable') return reasons.unverifiable;
  switch (post.reason) {
    case 'channel_not_found':
      return reasons.channelNotFound;
    case 'is_archived':
    case 'channel_is_archived':
      return reasons.archived;
    case 'not_in_channel':
      return reasons.notInChannel;
    case 'msg_too_long':
      return reasons.tooLong;
    case 'invalid_blocks':
    case 'invalid_blocks_format':
    case 'invalid_arguments':
    case 'invalid_attachments':
    case 'no_text':
    case 'too_many_attachments':
    case 'invalid_metadata_format':
    case 'invalid_metadata_schema':
    case 'metadata_too_large':
    case 'metadata_must_be_sent_from_app':
    case 'invalid_payload':
    case 'thread_not_found':
      return reasons.invalidMessage;
    case 'user_not_found':
    case 'user_disabled':
    case 'cannot_dm_bot':
    case 'messages_tab_disabled':
      return reasons.memberUnavailable;
    case 'restricted_action':
    case 'restricted_action_read_only_channel':
    case 'restricted_action_thread_only_channel':
    case 'restricted_action_non_threadable_channel':
    case 'team_not_allowed':
      return reasons.restricted;
    default:
      return reasons.other(post.reason);
  }
}

/** Keys of failure notices; no caller's prefix (event:…, announcement:…) can cancel them. */
const NOTICE_PREFIX = 'outbox-failure:';

export interface NoticeDeps {
  readonly repository: OutboxRepository;
  readonly logger: Logger;
  /** The language of the member told about a failure. */
  readonly localeOf: (userId: string) => Promise<Locale>;
}

/**
 * For each failed row whose author has not been told, queues one DM as an outbox row of its own
 * (so it is itself sent once, retried and recovered). Marking and queueing share a transaction.
 */
export async function queueFailureNotices(deps: NoticeDeps, now: Date): Promise<void> {
  for (const record of await deps.repository.unnotifiedFailures(50)) {
    try {
      await queueFailureNotice(deps, record, now);
    } catch (error) {
      // Delivery of everything else goes on; the notice is tried again on the next pass.
      deps.logger.error(`outbox ${record.key}: could not queue the failure notice:`, error);
    }
  }
}

async function queueFailureNotice(deps: NoticeDeps, record: OutboxRecord, now: Date): Promise<void> {
  const userId = record.notify_on_failure;
  if (userId === null) return;
  const locale = await deps.localeOf(userId);
  const notice = failureNotice(locale, {
    channel: record.channel,
    text: parseMessage(record.payload)?.text ?? '',
    dueAt: new Date(record.due_at),
    reason: record.last_error ?? 'unknown',
    attempts: record.attempts,
  });
  const at = iso(now);
  const queued = await deps.repository.transaction(async () => {
    if (!(await deps.repository.markNotified(record.id, at))) return false;
    await deps.repository.insert({
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
    deps.logger.info(
      `outbox ${record.key}: failure notice queued for ${userId} (${NOTICE_PREFIX}${record.key})`,
    );
}
