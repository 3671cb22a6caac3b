import type { Clock } from '../clock';
import type { Logger } from '../logger';
import type { OutboxRecord, OutboxRepository } from '../storage/outbox';
import { classifySlackError, type DeliveryMessenger, type SlackFailure } from './messenger';
import type { SendPacer } from './pacer';
import { iso, parseMessage } from './stored';
import { groupDmMembers, type DeliverySettings } from './types';

/*
 * Sending one claimed outbox row: the Slack calls (fenced on our claim, 429s waited out at the shared
 * pace, one join after not_in_channel), the history check before resending a row that may already be in
 * Slack, and how the claim ends: sent, failed, skipped, or back to pending with backoff. The delivery
 * worker (delivery.ts) decides which rows to claim and calls send() for each.
 */

export interface SenderDeps {
  readonly repository: OutboxRepository;
  readonly messenger: DeliveryMessenger;
  readonly clock: Clock;
  readonly logger: Logger;
}

export type Outcome = 'sent' | 'failed' | 'skipped' | 'retried' | 'none';
type CallResult<T> =
  | { outcome: 'ok'; value: T }
  | { outcome: 'failed'; failure: SlackFailure }
  | { outcome: 'aborted' }
  | { outcome: 'lost' };

export class OutboxSender {
  constructor(
    private readonly deps: SenderDeps,
    private readonly settings: DeliverySettings,
    private readonly pacer: SendPacer,
    private readonly workerId: string,
  ) {}

  /** Sends a row this worker has claimed; a Slack error ends or releases the claim instead of throwing. */
  async send(record: OutboxRecord, signal: AbortSignal | undefined): Promise<Outcome> {
    const message = parseMessage(record.payload);
    if (message === undefined) return this.fail(record, 'invalid_payload');
    if (signal?.aborted === true) return this.unclaim(record);

    const target = await this.resolveTarget(record, signal);
    if (target.outcome !== 'ok') return target.outcome;
    const channel = target.value;

    if (message.action === 'archive') return this.archive(record, channel, signal);

    if (record.unconfirmed_since !== null) {
      const since = new Date(new Date(record.unconfirmed_since).getTime() - this.settings.historyMarginMs);
      const lookup = await this.call(record, false, signal, () =>
        this.deps.messenger.findByKey(channel, record.key, since, message.threadTs),
      );
      if (lookup.outcome === 'aborted') return this.unclaim(record);
      if (lookup.outcome === 'lost') return this.lost(record);
      if (lookup.outcome === 'failed') return this.handleFailure(record, lookup.failure);
      if (lookup.value !== undefined) {
        const marked = await this.deps.repository.markSent(
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
      await this.pacer.acquire(channel, signal);
      const result = await this.deps.messenger.post(channel, message, record.key);
      this.pacer.succeeded();
      return result;
    });
    if (posted.outcome === 'aborted') return this.unclaim(record);
    if (posted.outcome === 'lost') return this.lost(record);
    if (posted.outcome === 'failed') return this.handleFailure(record, posted.failure);
    const slack = { channel: posted.value.channel, ts: posted.value.ts === '' ? null : posted.value.ts };
    if (
      !(await this.deps.repository.markSent(
        record.id,
        this.workerId,
        slack,
        null,
        iso(this.deps.clock.now()),
      ))
    ) {
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

  /** An archive row: conversations.archive, fenced on our claim like a post; no history check is needed. */
  private async archive(
    record: OutboxRecord,
    channel: string,
    signal: AbortSignal | undefined,
  ): Promise<Outcome> {
    if (record.expires_at !== null && record.expires_at <= iso(this.deps.clock.now())) {
      return this.finish(record, 'skipped', 'expired');
    }
    const archived = await this.call(record, true, signal, () => this.deps.messenger.archive(channel));
    if (archived.outcome === 'aborted') return this.unclaim(record);
    if (archived.outcome === 'lost') return this.lost(record);
    if (archived.outcome === 'failed') return this.handleFailure(record, archived.failure);
    const marked = await this.deps.repository.markSent(
      record.id,
      this.workerId,
      { channel, ts: null },
      null,
      iso(this.deps.clock.now()),
    );
    if (!marked) return this.lost(record);
    this.deps.logger.info(`outbox ${record.key}: archived ${channel}`);
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
    if (opened.outcome === 'aborted') return { outcome: await this.unclaim(record) };
    if (opened.outcome === 'lost') return { outcome: this.lost(record) };
    if (opened.outcome === 'failed') return { outcome: await this.handleFailure(record, opened.failure) };
    if (
      !(await this.deps.repository.rememberConversation(
        record.id,
        this.workerId,
        opened.value,
        iso(this.deps.clock.now()),
      ))
    )
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
      if (fenced && !(await this.deps.repository.fence(record.id, this.workerId, iso(this.deps.clock.now()))))
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

  private async handleFailure(record: OutboxRecord, failure: SlackFailure): Promise<Outcome> {
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

  private async release(
    record: OutboxRecord,
    next: Date,
    reason: string,
    flags: { ambiguous: boolean; refund: boolean },
  ): Promise<Outcome> {
    if (
      !(await this.deps.repository.release(
        record.id,
        this.workerId,
        iso(next),
        reason,
        flags,
        iso(this.deps.clock.now()),
      ))
    ) {
      return this.lost(record);
    }
    const check = flags.ambiguous ? ' after checking Slack history' : '';
    this.deps.logger.warn(
      `outbox ${record.key}: attempt ${record.attempts} failed (${reason}); retry at ${iso(next)}${check}`,
    );
    return 'retried';
  }

  private async fail(record: OutboxRecord, reason: string): Promise<Outcome> {
    if (
      !(await this.deps.repository.finish(
        record.id,
        this.workerId,
        'failed',
        reason,
        iso(this.deps.clock.now()),
      ))
    )
      return this.lost(record);
    const told = record.notify_on_failure === null ? '' : `; ${record.notify_on_failure} will be told`;
    this.deps.logger.error(
      `outbox ${record.key}: failed (${reason}) after ${record.attempts} attempt(s)${told}`,
    );
    return 'failed';
  }

  private async finish(record: OutboxRecord, status: 'skipped', reason: string): Promise<Outcome> {
    if (
      !(await this.deps.repository.finish(
        record.id,
        this.workerId,
        status,
        reason,
        iso(this.deps.clock.now()),
      ))
    )
      return this.lost(record);
    this.deps.logger.info(`outbox ${record.key}: skipped (${reason})`);
    return 'skipped';
  }

  private async unclaim(record: OutboxRecord): Promise<Outcome> {
    if (await this.deps.repository.unclaim(record.id, this.workerId, iso(this.deps.clock.now()))) {
      this.deps.logger.info(`outbox ${record.key}: released unsent at shutdown`);
    }
    return 'none';
  }

  private lost(record: OutboxRecord): Outcome {
    this.deps.logger.warn(`outbox ${record.key}: claim lost to another process; leaving the row to it`);
    return 'none';
  }
}
