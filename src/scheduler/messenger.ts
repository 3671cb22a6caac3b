import { LogLevel, webApi } from '@slack/bolt';
import { z } from 'zod';
import type { Logger } from '../logger';
import { outboxKeysMatch, type OutboxMessage } from './types';

/** Every outbox post carries its key here, so that after a crash the history tells whether it went out. */
export const OUTBOX_EVENT_TYPE = 'homecoming_outbox';

export interface PostedMessage {
  readonly channel: string;
  readonly ts: string;
}

/** The Slack calls delivery needs. Errors are thrown as the Web API client throws them (see classifySlackError). */
export interface DeliveryMessenger {
  post(channel: string, message: OutboxMessage, key: string): Promise<PostedMessage>;
  /** The message carrying `key` in its metadata, posted since `since`, or undefined. */
  findByKey(
    channel: string,
    key: string,
    since: Date,
    threadTs: string | undefined,
  ): Promise<PostedMessage | undefined>;
  join(channel: string): Promise<void>;
  /** Opens (or finds) the group DM of these members with the bot; resolves with its conversation id. */
  openGroup(userIds: readonly string[]): Promise<string>;
  /** Archives the channel; one archived already counts as done. */
  archive(channel: string): Promise<void>;
}

/**
 * How a failed Slack call should be handled:
 * - rate_limited: HTTP 429 with Retry-After; nothing was posted.
 * - transient: worth retrying later. `ambiguous` when the post may have reached Slack anyway
 *   (5xx, network error, internal_error, …): the history is checked before a resend.
 * - permanent: retrying cannot help (channel gone, message invalid, …).
 */
export type SlackFailure =
  | { readonly kind: 'rate_limited'; readonly retryAfterSec: number }
  | { readonly kind: 'transient'; readonly reason: string; readonly ambiguous: boolean }
  | { readonly kind: 'permanent'; readonly reason: string };

/** A failure raised by our own code with its handling already decided. */
export class DeliveryProblem extends Error {
  constructor(readonly failure: SlackFailure) {
    super(failure.kind === 'rate_limited' ? 'rate_limited' : failure.reason);
  }
}

// Slack says these may have partly succeeded: treat the post as possibly sent.
const AMBIGUOUS_CODES = new Set([
  'internal_error',
  'fatal_error',
  'request_timeout',
  'service_unavailable',
  'timeout',
]);
// Problems of the bot as a whole, not of this message: an operator can fix them, so keep retrying
// (with backoff, up to the attempt limit) instead of failing every queued post at once.
const RETRYABLE_CODES = new Set([
  'ratelimited',
  'rate_limited',
  'not_authed',
  'invalid_auth',
  'account_inactive',
  'token_revoked',
  'token_expired',
  'missing_scope',
  'no_permission',
  'org_login_required',
  'ekm_access_denied',
  'accesslimited',
  'team_access_not_granted',
]);

const rateLimitedError = z.object({
  code: z.literal(webApi.ErrorCode.RateLimitedError),
  retryAfter: z.number(),
});
const platformError = z.object({
  code: z.literal(webApi.ErrorCode.PlatformError),
  data: z.object({ error: z.string() }),
});
const httpError = z.object({ code: z.literal(webApi.ErrorCode.HTTPError), statusCode: z.number() });
const requestError = z.object({
  code: z.literal(webApi.ErrorCode.RequestError),
  original: z
    .object({ name: z.string().optional(), cause: z.object({ code: z.string().optional() }).optional() })
    .optional(),
});

/** Maps whatever the Web API client threw to how delivery should react. */
export function classifySlackError(error: unknown): SlackFailure {
  if (error instanceof DeliveryProblem) return error.failure;
  const limited = rateLimitedError.safeParse(error);
  if (limited.success) return { kind: 'rate_limited', retryAfterSec: Math.max(0, limited.data.retryAfter) };
  const platform = platformError.safeParse(error);
  if (platform.success) {
    const code = platform.data.data.error;
    if (AMBIGUOUS_CODES.has(code)) return { kind: 'transient', reason: code, ambiguous: true };
    if (RETRYABLE_CODES.has(code)) return { kind: 'transient', reason: code, ambiguous: false };
    return { kind: 'permanent', reason: code };
  }
  const http = httpError.safeParse(error);
  if (http.success) return { kind: 'transient', reason: `http_${http.data.statusCode}`, ambiguous: true };
  const request = requestError.safeParse(error);
  if (request.success) {
    const detail = request.data.original?.cause?.code ?? request.data.original?.name;
    return {
      kind: 'transient',
      reason: detail === undefined ? 'network_error' : `network_error:${detail}`,
      ambiguous: true,
    };
  }
  // A 429 without a usable Retry-After arrives as a plain Error: Slack refused the call.
  if (error instanceof Error && error.message.startsWith('Retry header did not contain a valid timeout')) {
    return { kind: 'transient', reason: 'ratelimited', ambiguous: false };
  }
  // Anything else (a bug, an unexpected library error): retry, but assume the post may have happened.
  return {
    kind: 'transient',
    reason: error instanceof Error ? `unexpected:${error.name}` : 'unexpected',
    ambiguous: true,
  };
}

/**
 * The Web API client for bulk sends, separate from Bolt's app.client so that a 429 pause here never
 * stalls interactive replies. It hands 429s straight to us (rejectRateLimitedCalls) and never retries
 * by itself (retries: 0): the outbox owns waiting and retrying, so a row is never held "sending" for
 * the client's silent half-hour retry loop, and the wait is injectable in tests. The timeout bounds a
 * hung request well inside the claim lease.
 */
export function createBulkClient(options: {
  token: string;
  slackApiUrl: string;
  logger: Logger;
  timeoutMs?: number;
}): webApi.WebClient {
  return new webApi.WebClient(options.token, {
    slackApiUrl: options.slackApiUrl,
    logger: withoutDebug(options.logger),
    rejectRateLimitedCalls: true,
    retryConfig: { retries: 0 },
    timeout: options.timeoutMs ?? 30_000,
    maxRequestConcurrency: 8,
  });
}

/**
 * The client logs request bodies (message text) at debug level; outbox logs name keys, never text.
 * Its own level setting must not change the shared logger either.
 */
function withoutDebug(logger: Logger): Logger {
  return {
    debug: () => undefined,
    info: (...msg: unknown[]) => logger.info(...msg),
    warn: (...msg: unknown[]) => logger.warn(...msg),
    error: (...msg: unknown[]) => logger.error(...msg),
    setLevel: () => undefined,
    getLevel: () => (logger.getLevel() === LogLevel.DEBUG ? LogLevel.INFO : logger.getLevel()),
    setName: () => undefined,
  };
}

const postedSchema = z.object({ channel: z.string(), ts: z.string() });
const openedSchema = z.object({ channel: z.object({ id: z.string() }) });
const historySchema = z.object({
  messages: z
    .array(
      z.object({
        ts: z.string(),
        metadata: z
          .object({ event_type: z.string(), event_payload: z.record(z.string(), z.unknown()).optional() })
          .optional(),
      }),
    )
    .default([]),
  has_more: z.boolean().optional(),
  response_metadata: z.object({ next_cursor: z.string().optional() }).optional(),
});

const PAGE_SIZE = 200;
const MAX_PAGES = 10;

/** DeliveryMessenger over a WebClient; answers are validated, since they come from outside. */
export class SlackMessenger implements DeliveryMessenger {
  constructor(private readonly client: webApi.WebClient) {}

  async post(channel: string, message: OutboxMessage, key: string): Promise<PostedMessage> {
    const result = await this.client.chat.postMessage({
      channel,
      text: message.text,
      ...(message.blocks === undefined ? {} : { blocks: message.blocks }),
      ...(message.threadTs === undefined ? {} : { thread_ts: message.threadTs }),
      metadata: { event_type: OUTBOX_EVENT_TYPE, event_payload: { key } },
    });
    const parsed = postedSchema.safeParse(result);
    // ok: true without a ts: the message is in Slack, so this must not be retried.
    return parsed.success ? parsed.data : { channel, ts: '' };
  }

  async findByKey(
    channel: string,
    key: string,
    since: Date,
    threadTs: string | undefined,
  ): Promise<PostedMessage | undefined> {
    const conversation = await this.conversationId(channel);
    const oldest = `${Math.max(0, Math.floor(since.getTime() / 1000))}.000000`;
    let cursor: string | undefined;
    for (let page = 0; page < MAX_PAGES; page += 1) {
      const common = {
        channel: conversation,
        oldest,
        include_all_metadata: true,
        limit: PAGE_SIZE,
        ...(cursor === undefined ? {} : { cursor }),
      };
      const raw =
        threadTs === undefined
          ? await this.client.conversations.history(common)
          : await this.client.conversations.replies({ ...common, ts: threadTs });
      const parsed = historySchema.safeParse(raw);
      if (!parsed.success)
        throw new DeliveryProblem({ kind: 'transient', reason: 'unreadable_history', ambiguous: true });
      const found = parsed.data.messages.find((m) => {
        const posted =
          m.metadata?.event_type === OUTBOX_EVENT_TYPE ? m.metadata.event_payload?.key : undefined;
        return typeof posted === 'string' && outboxKeysMatch(key, posted);
      });
      if (found !== undefined) return { channel: conversation, ts: found.ts };
      cursor = parsed.data.response_metadata?.next_cursor;
      if (parsed.data.has_more !== true || cursor === undefined || cursor === '') return undefined;
    }
    // Thousands of messages in the window: we cannot tell, so we must not resend.
    throw new DeliveryProblem({ kind: 'permanent', reason: 'unverifiable:history_too_long' });
  }

  async join(channel: string): Promise<void> {
    await this.client.conversations.join({ channel });
  }

  async openGroup(userIds: readonly string[]): Promise<string> {
    // Needs mpim:write. Slack returns the same conversation for the same members every time.
    const opened = openedSchema.safeParse(await this.client.conversations.open({ users: userIds.join(',') }));
    if (!opened.success)
      throw new DeliveryProblem({
        kind: 'transient',
        reason: 'unreadable_conversations_open',
        ambiguous: false,
      });
    return opened.data.channel.id;
  }

  async archive(channel: string): Promise<void> {
    // Needs groups:write for a private channel (channels:manage for a public one).
    try {
      await this.client.conversations.archive({ channel });
    } catch (error) {
      const failure = classifySlackError(error);
      if (failure.kind === 'permanent' && failure.reason === 'already_archived') return;
      throw error;
    }
  }

  /** A user id means "the DM with that user"; history needs the D… id, which conversations.open gives. */
  private async conversationId(channel: string): Promise<string> {
    if (!/^[UW]/.test(channel)) return channel;
    const opened = openedSchema.safeParse(await this.client.conversations.open({ users: channel }));
    if (!opened.success)
      throw new DeliveryProblem({
        kind: 'transient',
        reason: 'unreadable_conversations_open',
        ambiguous: true,
      });
    return opened.data.channel.id;
  }
}
