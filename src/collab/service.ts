import { randomUUID } from 'node:crypto';
import type { AskService } from '../asks/service';
import type { AskItem, AskSummary } from '../asks/types';
import type { Clock } from '../clock';
import type { Locale } from '../i18n';
import type { Logger } from '../logger';
import type { Profile } from '../members/types';
import type { SourceErasure } from '../privacy/service';
import type { RoleService } from '../roles/service';
import type { ScheduleRequest } from '../scheduler/types';
import type { CollabRepository } from '../storage/collab';
import type { Store } from '../storage/store';
import {
  ChannelClaimLost,
  createPrivateChannelOnce,
  languagesOf,
  NotJoinable,
  whoTheBotAdds,
  type ChannelClaim,
} from './channels';
import { channelName } from './names';
import {
  COLLAB_LIMITS,
  ChannelInProgress,
  CollabChannelGone,
  NotChannelStarter,
  TooFewForChannel,
  type CollabChannel,
  type CollabMessages,
  type CollabSlack,
  type StartedChannel,
} from './types';
import { RepositoryBacked } from '../serviceBase';
import { DAY_MS } from '../time/durations';

/** The outbox keys of a channel's heads-up (one per quiet spell) and of its archive. */
export const headsUpKey = (askId: number, quietSince: Date): string =>
  `collab:${askId}:quiet:${quietSince.getTime()}`;
export const archiveKey = (askId: number): string => `collab:${askId}:archive`;
/** The "Join the channel" DM to a responder who hides their profile. */
export const joinKey = (askId: number, userId: string): string => `collab:${askId}:join:${userId}`;
/** The item's post at the top of its channel (found again by this key after a crash). */
export const introKey = (askId: number): string => `collab:${askId}:intro`;
const keysOf = (askId: number): string => `collab:${askId}:`;

export interface CollabDeps {
  readonly repository: CollabRepository;
  readonly store: Store;
  readonly asks: AskService;
  readonly roles: RoleService;
  readonly profileOf: (userId: string) => Promise<Profile | undefined>;
  readonly slack: CollabSlack;
  readonly messages: CollabMessages;
  readonly outbox: {
    schedule(request: ScheduleRequest): Promise<boolean>;
    cancel(keyOrPrefix: string): Promise<number>;
  };
  /** Without a Web API call, for posts planned inside a transaction. */
  readonly knownLocaleOf: (userId: string) => Promise<Locale>;
  /** COLLAB_IDLE_DAYS: a channel quiet this long gets its heads-up. */
  readonly idleDays: number;
  readonly clock: Clock;
  readonly logger: Logger;
}

/** What `asks mine` shows about an item's channel. */
export type ChannelView =
  | { readonly kind: 'none' }
  | { readonly kind: 'startable' }
  | { readonly kind: 'exists'; readonly channelId: string; readonly archived: boolean };

/**
 * Collaboration channels (issue 13 §2): the author of an ask or offer (or an admin) starts a private
 * channel for the people on it; a channel quiet for COLLAB_IDLE_DAYS gets one heads-up, and is
 * archived COLLAB_LIMITS.graceDays later if it stays quiet. Nothing is deleted.
 *
 * How "quiet" is known: message events (message.groups) move last_message_at whenever a member
 * writes, which costs nothing per channel and keeps the database current. Events can be lost (Slack
 * retries one for about five minutes; a bot down for an hour misses them), so before anything
 * visible happens (the heads-up, the archive) the channel's history is read once
 * (conversations.history): an active channel is never archived on the word of a missed event, and
 * history is read only for the few channels the database already thinks quiet, never on every tick.
 */
export class CollabService extends RepositoryBacked<CollabDeps> {
  /**
   * "Start a channel", by the item's author or an admin: claims the item's channel in the database
   * first (one row per item), then creates it in Slack, invites the people on it and posts the item
   * at the top. A second press, or one on another replica, gets the same channel; one while the
   * first is still at work gets ChannelInProgress. No Slack call happens inside a transaction.
   */
  async start(actorId: string, askId: number): Promise<StartedChannel> {
    const item = await this.startable(actorId, askId);
    const existing = await this.repo.get(askId);
    if (existing !== undefined && existing.status !== 'creating') return this.already(existing);
    const { invited, leftOut } = await this.people(await this.deps.asks.summary(askId));
    if (invited.length < 2) throw new TooFewForChannel(askId);
    const token = randomUUID();
    const now = this.deps.clock.now();
    const staleBefore = new Date(now.getTime() - COLLAB_LIMITS.staleClaimMs);
    const { claimed, channel } = await this.repo.claim(askId, actorId, token, now, staleBefore);
    if (!claimed) {
      if (channel.status !== 'creating') return this.already(channel);
      throw new ChannelInProgress(askId);
    }
    try {
      const channelId = await this.create(item, token, channel);
      await this.deps.slack.invite(channelId, invited);
      await this.repo.addMembers(askId, invited, now);
      const languages = await languagesOf(invited, this.deps.knownLocaleOf);
      // Keyed: a holder that resumes after a crash finds the post instead of making a second one.
      const introTs = await this.deps.slack.postOnce(
        channelId,
        this.deps.messages.intro(item, languages, this.deps.idleDays),
        introKey(askId),
      );
      // A pin is a convenience: the channel is made and the item posted whether or not it sticks.
      await this.deps.slack.pin(channelId, introTs).catch((error: unknown) => {
        this.deps.logger.warn(`ask ${askId}: item not pinned in ${channelId}: ${String(error)}`);
      });
      const locales = await Promise.all(leftOut.map((userId) => this.deps.knownLocaleOf(userId)));
      const finished = await this.deps.store.transaction(async () => {
        if (!(await this.repo.finish(askId, token, introTs, this.deps.clock.now()))) return false;
        await this.askToJoin(item, channelId, leftOut, locales);
        return true;
      });
      if (!finished)
        this.deps.logger.warn(`ask ${askId}: channel ${channelId} finished after its claim was taken over`);
      this.deps.logger.info(
        `ask ${askId}: channel ${channelId} started by ${actorId}; ${invited.length} invited, ${leftOut.length} left out`,
      );
      return { channelId, created: true, invited, leftOut };
    } catch (error) {
      // Let go at once: the next press resumes from what was recorded (the channel, if made).
      await this.repo.release(askId, token).catch((released: unknown) => {
        this.deps.logger.warn(`ask ${askId}: claim not released: ${String(released)}`);
      });
      throw error;
    }
  }

  /**
   * "Join the channel", pressed by a responder the bot did not add because their profile is
   * hidden: their own step, so now they are invited. Only someone on the item (its author or a
   * responder) may join it, and only while the channel is open; NotJoinable otherwise.
   */
  async join(userId: string, askId: number): Promise<string> {
    const channel = await this.repo.get(askId);
    if (channel === undefined || channel.status !== 'ready' || channel.channelId === null)
      throw new NotJoinable(`ask ${askId}`);
    const summary = await this.deps.asks.summary(askId);
    const onIt =
      summary.item.author === userId || summary.responses.some((response) => response.userId === userId);
    if (!onIt) throw new NotJoinable(`ask ${askId}`);
    await this.deps.slack.invite(channel.channelId, [userId]);
    await this.repo.addMembers(askId, [userId], this.deps.clock.now());
    this.deps.logger.info(`ask ${askId}: ${userId} joined ${channel.channelId} by their own press`);
    return channel.channelId;
  }

  /** What `asks mine` shows for each of the author's items: its channel, a button, or nothing. */
  async views(summaries: readonly AskSummary[]): Promise<Map<number, ChannelView>> {
    const channels = await this.repo.ofItems(summaries.map((summary) => summary.item.id));
    const views = new Map<number, ChannelView>();
    for (const summary of summaries) {
      const channel = channels.get(summary.item.id);
      if (channel !== undefined && channel.channelId !== null && channel.status !== 'creating')
        views.set(summary.item.id, {
          kind: 'exists',
          channelId: channel.channelId,
          archived: channel.status === 'archived',
        });
      else if ((await this.people(summary)).invited.length >= 2)
        views.set(summary.item.id, { kind: 'startable' });
      else views.set(summary.item.id, { kind: 'none' });
    }
    return views;
  }

  /**
   * A member wrote in a channel (a message event): its quiet spell starts again. A channel whose
   * archive is planned but not yet sent is watched again. False when it is not one of ours.
   */
  async noteMessage(channelId: string): Promise<boolean> {
    const channel = await this.repo.byChannel(channelId);
    if (channel === undefined) return false;
    const now = this.deps.clock.now();
    if (channel.status === 'ready') return this.repo.touch(channel.askId, now);
    if (channel.status !== 'archived') return false;
    const reopened = await this.deps.store.transaction(async () => {
      if ((await this.deps.outbox.cancel(archiveKey(channel.askId))) === 0) return false;
      return this.repo.reopen(channel.askId, now);
    });
    if (reopened)
      this.deps.logger.info(`ask ${channel.askId}: a message came in; ${channelId} is not archived`);
    return reopened;
  }

  /**
   * A planner: a heads-up in each channel quiet for COLLAB_IDLE_DAYS (once per quiet spell), and the
   * archive of each still quiet COLLAB_LIMITS.graceDays after it. Both are outbox rows with keys,
   * so each happens once whatever the number of replicas or ticks.
   */
  async plan(now: Date): Promise<void> {
    const quietSince = new Date(now.getTime() - this.deps.idleDays * DAY_MS);
    for (const channel of await this.repo.quietSince(quietSince)) {
      const { channelId, lastMessageAt } = channel;
      if (channelId === null || lastMessageAt === null || (await this.spokeSince(channel))) continue;
      const languages = await languagesOf(
        await this.membersAuthorFirst(channel.askId),
        this.deps.knownLocaleOf,
      );
      await this.deps.store.transaction(async () => {
        if (!(await this.repo.markHeadsUp(channel.askId, lastMessageAt, now))) return;
        await this.deps.outbox.schedule({
          kind: 'collab_heads_up',
          key: headsUpKey(channel.askId, lastMessageAt),
          channel: channelId,
          message: this.deps.messages.headsUp(languages, this.deps.idleDays),
          dueAt: now,
        });
      });
    }
    const warnedBefore = new Date(now.getTime() - COLLAB_LIMITS.graceDays * DAY_MS);
    for (const channel of await this.repo.dueArchive(warnedBefore)) {
      const { channelId, lastMessageAt } = channel;
      if (channelId === null || lastMessageAt === null || (await this.spokeSince(channel))) continue;
      const archived = await this.deps.store.transaction(async () => {
        if (!(await this.repo.markArchived(channel.askId, lastMessageAt, now))) return false;
        return this.deps.outbox.schedule({
          kind: 'collab_archive',
          key: archiveKey(channel.askId),
          channel: channelId,
          message: this.deps.messages.archive(this.deps.idleDays),
          dueAt: now,
        });
      });
      if (archived) this.deps.logger.info(`ask ${channel.askId}: ${channelId} is quiet; archiving it`);
    }
  }

  async exportMember(userId: string): Promise<unknown> {
    return this.repo.exportMember(userId);
  }

  /**
   * Erasure (inside the privacy transaction, before the member's items go): the rows of their
   * items' channels and their own invitations; what those channels had planned is cancelled, and
   * the post of each item at the top of its channel is deleted like its card. The channels stay.
   */
  async eraseMember(userId: string): Promise<SourceErasure> {
    const erased = await this.repo.eraseMember(userId);
    for (const askId of erased.items) await this.deps.outbox.cancel(keysOf(askId));
    return { removedCards: erased.removedPosts };
  }

  /** The item, for its author or an admin; NotChannelStarter otherwise (not found if they may not see it). */
  private async startable(actorId: string, askId: number): Promise<AskItem> {
    const item = await this.deps.asks.get(askId);
    if (item.author === actorId || (await this.deps.roles.has(actorId, 'admin'))) return item;
    await this.deps.asks.viewable(actorId, askId);
    throw new NotChannelStarter(askId);
  }

  private async already(channel: CollabChannel): Promise<StartedChannel> {
    if (channel.channelId === null) throw new ChannelInProgress(channel.askId);
    return {
      channelId: channel.channelId,
      created: false,
      invited: await this.repo.members(channel.askId),
      leftOut: [],
    };
  }

  /**
   * Who goes in (src/collab/channels.ts holds the rule): the author, whom every responder knows from
   * their group DM, and each responder whose profile all alumni may see. A responder who hides it
   * is left out and sent a "Join the channel" button.
   */
  private async people(summary: AskSummary): Promise<{ invited: string[]; leftOut: string[] }> {
    const responders = summary.responses
      .map((response) => response.userId)
      .filter((userId) => userId !== summary.item.author);
    const { added, askedToJoin } = await whoTheBotAdds(responders, this.deps.profileOf);
    return { invited: [summary.item.author, ...added], leftOut: askedToJoin };
  }

  /**
   * The "Join the channel" DMs, once each (outbox keys), in the transaction that finishes the
   * channel. Solicited: they responded to the item, so the daily limit does not hold them back.
   */
  private async askToJoin(
    item: AskItem,
    channelId: string,
    userIds: readonly string[],
    locales: readonly Locale[],
  ): Promise<void> {
    const now = this.deps.clock.now();
    for (const [index, userId] of userIds.entries())
      await this.deps.outbox.schedule({
        kind: 'collab_join',
        key: joinKey(item.id, userId),
        channel: userId,
        message: this.deps.messages.join(item, channelId, locales[index] ?? 'en'),
        dueAt: now,
      });
  }

  /** The item's channel, made once (src/collab/channels.ts): its name, then -2, -3, … after name_taken. */
  private async create(item: AskItem, token: string, channel: CollabChannel): Promise<string> {
    const names = Array.from({ length: COLLAB_LIMITS.nameAttempts }, (_, i) => channelName(item, i + 1));
    const claim: ChannelClaim = {
      channelId: channel.channelId,
      intend: (name) => this.repo.intendName(item.id, token, name),
      record: (made) => this.repo.recordChannel(item.id, token, made.id, made.name),
      recordedElsewhere: async (channelId) => {
        const owner = await this.repo.byChannel(channelId);
        return owner !== undefined && owner.askId !== item.id;
      },
    };
    try {
      return await createPrivateChannelOnce(claim, this.deps.slack, names, `ask ${item.id}`);
    } catch (error) {
      if (error instanceof ChannelClaimLost) throw new ChannelInProgress(item.id);
      throw error;
    }
  }

  /**
   * Whether a member wrote since the database's last message (a missed event): then the quiet
   * spell starts again from that message. A channel the bot cannot read any more is no longer
   * watched; a failed read skips the channel until the next tick. True means: do nothing now.
   */
  private async spokeSince(channel: CollabChannel): Promise<boolean> {
    const { askId, channelId, lastMessageAt } = channel;
    if (channelId === null || lastMessageAt === null) return true;
    let latest: Date | undefined;
    try {
      latest = await this.deps.slack.latestActivity(channelId, lastMessageAt);
    } catch (error) {
      if (error instanceof CollabChannelGone) {
        await this.repo.markGone(askId);
        this.deps.logger.warn(`ask ${askId}: ${channelId} is no longer watched (${error.reason})`);
      } else this.deps.logger.warn(`ask ${askId}: history of ${channelId} not read: ${String(error)}`);
      return true;
    }
    if (latest === undefined) return false;
    await this.repo.touch(askId, latest);
    this.deps.logger.info(`ask ${askId}: ${channelId} had a message the bot had not heard of`);
    return true;
  }

  private async membersAuthorFirst(askId: number): Promise<string[]> {
    const [members, item] = [await this.repo.members(askId), await this.deps.asks.get(askId)];
    return [item.author, ...members.filter((userId) => userId !== item.author)];
  }
}
