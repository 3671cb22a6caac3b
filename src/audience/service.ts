import type { Clock } from '../clock';
import type { Logger } from '../logger';
import type { AudienceRepository } from '../storage/audience';
import {
  NotInAudience,
  type AudienceItem,
  type ChannelDirectory,
  type ChannelRecord,
  type PosterCheck,
} from './types';
import { RepositoryBacked } from '../serviceBase';

/** How long what Slack said about a channel (privacy, members) is trusted before it is read again. */
export const AUDIENCE_STALE_AFTER_MS = 6 * 3_600_000;
/** A private channel whose members could not be read is tried again this soon. */
const RETRY_AFTER_MS = 10 * 60_000;
/**
 * Channels re-read per scheduler tick. conversations.info is Tier 3 (about 50 a minute) and
 * conversations.members Tier 4 (about 100): a few a minute leaves room for people's requests.
 */
const REFRESHED_PER_TICK = 10;

export interface AudienceDeps {
  readonly repository: AudienceRepository;
  readonly directory: ChannelDirectory;
  readonly clock: Clock;
  readonly logger: Logger;
}

/**
 * Who may see an event or role: its card's channel decides. Items in a public channel are for
 * everyone; items in a private channel only for that channel's members. Answers come from the
 * database alone (every replica sees the same facts); Slack is read when a card is posted, when a
 * form names a channel, on membership events, and by the scheduler when a channel's facts are stale.
 * A channel the bot never managed to read counts as private with nobody in it.
 */
export class AudienceService extends RepositoryBacked<AudienceDeps> {
  /** May the member see, and answer, items whose card is in this channel? (null: an item with no channel.) */
  async mayView(userId: string, channelId: string | null): Promise<boolean> {
    if (channelId === null) return true;
    const channel = await this.repo.channel(channelId);
    if (channel === undefined) return false;
    return !channel.isPrivate || (await this.repo.isMember(channelId, userId));
  }

  /** NotInAudience unless the member may see the item. No role is exempt: not organizers, HR or admins. */
  async require(userId: string, channelId: string | null, item: AudienceItem): Promise<void> {
    if (!(await this.mayView(userId, channelId))) throw new NotInAudience(userId, channelId ?? '', item);
  }

  /**
   * For a planner or service that picks among many members at once (a waitlist, DMs about one item):
   * who may see items in this channel, from two queries.
   */
  async viewers(channelId: string | null): Promise<(userId: string) => boolean> {
    if (channelId === null) return () => true;
    const members = (await this.audiences([channelId])).get(channelId);
    return members === undefined ? () => true : (userId) => members.has(userId);
  }

  /** The items the member may see, in their order; two queries whatever the length of the list. */
  async filterFor<T>(
    userId: string,
    items: readonly T[],
    channelOf: (item: T) => string | null,
  ): Promise<T[]> {
    const ids = [...new Set(items.map(channelOf).filter((id): id is string => id !== null))];
    const known = await this.repo.channels(ids);
    const privateIds = [...known.values()]
      .filter((channel) => channel.isPrivate)
      .map((channel) => channel.channelId);
    const mine = await this.repo.memberChannels(userId, privateIds);
    return items.filter((item) => {
      const channelId = channelOf(item);
      if (channelId === null) return true;
      const channel = known.get(channelId);
      return channel !== undefined && (!channel.isPrivate || mine.has(channelId));
    });
  }

  /**
   * For planners that serve many members at once: per channel, the members who may see its items,
   * or undefined when everyone may. Two queries for the whole run, not one per member.
   */
  async audiences(channelIds: readonly string[]): Promise<Map<string, ReadonlySet<string> | undefined>> {
    const known = await this.repo.channels(channelIds);
    const privateIds = [...known.values()]
      .filter((channel) => channel.isPrivate)
      .map((channel) => channel.channelId);
    const members = await this.repo.membersOf(privateIds);
    const result = new Map<string, ReadonlySet<string> | undefined>();
    for (const id of channelIds) {
      const channel = known.get(id);
      result.set(
        id,
        channel === undefined
          ? new Set<string>()
          : channel.isPrivate
            ? (members.get(id) ?? new Set<string>())
            : undefined,
      );
    }
    return result;
  }

  /**
   * The forms' rule: a member may post a card only in a channel they are in. A private channel's
   * members come from the cache while fresh; a public channel is asked about each time, reading
   * conversations.members only until the member is found.
   */
  async checkPoster(userId: string, channelId: string): Promise<PosterCheck> {
    try {
      const channel = await this.learn(channelId);
      if (channel === undefined) return 'unreadable';
      if (channel.isPrivate) return (await this.repo.isMember(channelId, userId)) ? 'member' : 'not_member';
      const read = await this.deps.directory.members(channelId, userId);
      if (read === undefined) return 'unreadable';
      if (read.members.includes(userId)) return 'member';
      // A public channel too large to read within the form's 3 seconds: its card is public anyway.
      return read.complete ? 'not_member' : 'member';
    } catch (error) {
      this.deps.logger.warn(`channel ${channelId}: could not check whether ${userId} is a member:`, error);
      return 'unavailable';
    }
  }

  /** After a card is posted: make sure its channel is known; a failure is logged and healed by the scheduler. */
  async track(channelId: string): Promise<void> {
    try {
      await this.learn(channelId);
    } catch (error) {
      this.deps.logger.warn(`channel ${channelId}: not read after posting a card:`, error);
    }
  }

  /** member_joined_channel: the bot itself was invited, so a channel it could not read may be readable now. */
  async botJoined(channelId: string): Promise<void> {
    if ((await this.repo.channel(channelId)) === undefined) return;
    try {
      await this.learn(channelId, true);
    } catch (error) {
      this.deps.logger.warn(`channel ${channelId}: not read after the bot joined:`, error);
    }
  }

  /** member_joined_channel for someone else: recorded only for a private channel the bot tracks. */
  async memberJoined(channelId: string, userId: string): Promise<boolean> {
    return this.repo.addMember(channelId, userId);
  }

  /** member_left_channel: they lose access at once. (When the bot leaves, the last list it read is kept.) */
  async memberLeft(channelId: string, userId: string): Promise<boolean> {
    return this.repo.removeMember(channelId, userId);
  }

  /**
   * Planner: channels of live cards that were never read, or whose facts are stale, are read again
   * (a few per tick). This heals membership events Slack never delivered and privacy changes.
   */
  async refresh(now: Date): Promise<void> {
    const live = await this.repo.liveChannels(now);
    const known = await this.repo.channels(live);
    const due = live.filter((id) => this.isDue(known.get(id), now)).slice(0, REFRESHED_PER_TICK);
    for (const channelId of due) {
      try {
        const channel = await this.learn(channelId, true);
        if (channel === undefined)
          this.deps.logger.info(`channel ${channelId}: the bot cannot read it; its cards stay hidden`);
      } catch (error) {
        this.deps.logger.warn(`channel ${channelId}: could not be read again:`, error);
      }
    }
  }

  async exportMember(userId: string): Promise<string[]> {
    return this.repo.exportMember(userId);
  }

  async eraseMember(userId: string): Promise<void> {
    await this.repo.eraseMember(userId);
  }

  private isDue(channel: ChannelRecord | undefined, now: Date): boolean {
    if (channel === undefined) return true;
    const age = now.getTime() - channel.checkedAt.getTime();
    if (age >= AUDIENCE_STALE_AFTER_MS) return true;
    if (!channel.isPrivate) return false;
    if (channel.membersSyncedAt === null) return age >= RETRY_AFTER_MS;
    return now.getTime() - channel.membersSyncedAt.getTime() >= AUDIENCE_STALE_AFTER_MS;
  }

  /**
   * Reads what is stale (or everything, forced): conversations.info, then for a private channel
   * its whole member list. Undefined when the bot cannot read the channel; that is recorded, so
   * that it is tried again after a while rather than on every request.
   */
  private async learn(channelId: string, force = false): Promise<ChannelRecord | undefined> {
    const { directory, clock } = this.deps;
    const now = clock.now();
    const stale = (at: Date): boolean => now.getTime() - at.getTime() >= AUDIENCE_STALE_AFTER_MS;
    let channel = await this.repo.channel(channelId);
    // A private channel without a member list may be a guess (one the bot could not read): ask again.
    const needInfo =
      force ||
      channel === undefined ||
      stale(channel.checkedAt) ||
      (channel.isPrivate && channel.membersSyncedAt === null);
    if (needInfo) {
      const facts = await directory.describe(channelId);
      if (facts === undefined) {
        await this.repo.saveUnreadable(channelId, now);
        return undefined;
      }
      await this.repo.saveChannel(channelId, facts.isPrivate, now);
      channel = await this.repo.channel(channelId);
    }
    if (channel === undefined || !channel.isPrivate) return channel;
    if (force || channel.membersSyncedAt === null || stale(channel.membersSyncedAt)) {
      const read = await directory.members(channelId);
      if (read === undefined) {
        await this.repo.saveUnreadable(channelId, now);
        return undefined;
      }
      await this.repo.replaceMembers(channelId, read.members, now);
      channel = await this.repo.channel(channelId);
    }
    return channel;
  }
}
