import { randomUUID } from 'node:crypto';
import { createPrivateChannelOnce, languagesOf, NotJoinable, whoTheBotAdds } from '../collab/channels';
import { numberedChannelName } from '../collab/names';
import { NotFound } from '../notFound';
import type { SourceErasure } from '../privacy/service';
import type { ScheduleRequest } from '../scheduler/types';
import type { StudyRepository } from '../storage/study';
import type { ViewSubmissionRepository } from '../storage/viewSubmissions';
import {
  NotStudyHost,
  ProposerStaysIn,
  STUDY_LIMITS,
  StudyNotOpen,
  type StudyGroup,
  type StudyInput,
  type StudyListing,
  type StudyMessages,
  type StudySlack,
} from './types';
import type { MemberFacingDeps } from '../members/memberFacing';
import { RepositoryBacked } from '../serviceBase';
import { DAY_MS } from '../time/durations';

/** Outbox keys: the proposer's "it formed" DM, and each backer's "it lapsed" DM. */
export const formedKey = (id: number): string => `study:${id}:formed`;
export const lapsedKey = (id: number, userId: string): string => `study:${id}:lapsed:${userId}`;
/** The "Join the channel" DM to a backer who hides their profile. */
export const joinKey = (id: number, userId: string): string => `study:${id}:join:${userId}`;
/** The group's first post in its channel (found again by this key after a crash). */
export const introKey = (id: number): string => `study:${id}:intro`;

export interface StudyDeps extends MemberFacingDeps {
  readonly repository: StudyRepository;
  readonly submissions: ViewSubmissionRepository;
  readonly interestsOf: (userId: string) => Promise<readonly string[]>;
  readonly slack: StudySlack;
  readonly messages: StudyMessages;
  readonly outbox: {
    schedule(request: ScheduleRequest): Promise<boolean>;
    cancel(keyOrPrefix: string): Promise<number>;
  };
}

/** What "Count me in" achieved; `formed` when this press completed the group. */
export interface Backing {
  readonly group: StudyGroup;
  readonly created: boolean;
  readonly formed: { readonly channelId: string } | 'failed' | undefined;
}

/**
 * Study groups (issue 13 §3): a member proposes a topic with a minimum of members and a rhythm;
 * members whose interests match hear of it once in their digest and count themselves in. When the
 * backers reach the minimum, the group's private channel is made (claimed in the database first, so
 * once only however many presses or replicas race), everyone is invited, and the proposer is asked
 * to schedule the first session (an ordinary event). A proposal short of its minimum after
 * STUDY_LIMITS.lapseDays lapses and its backers are told, once.
 */
export class StudyService extends RepositoryBacked<StudyDeps> {
  async get(id: number): Promise<StudyGroup> {
    const group = await this.repo.get(id);
    if (group === undefined) throw new NotFound('study', id);
    return group;
  }

  /** A new proposal; a second submission of the same form returns the first one's. */
  async propose(
    userId: string,
    input: StudyInput,
    viewId?: string,
  ): Promise<{ group: StudyGroup; created: boolean }> {
    const now = this.deps.clock.now();
    const lapsesAt = new Date(now.getTime() + STUDY_LIMITS.lapseDays * DAY_MS);
    const { id, first } = await this.deps.submissions.once(viewId, 'study', now, () =>
      this.deps.store.transaction(() => this.repo.insert(userId, input, now, lapsesAt)),
    );
    return { group: await this.get(id), created: first };
  }

  /** Open proposals for `study`: those sharing the viewer's interests first, then the newest. */
  async list(viewerId: string): Promise<StudyListing[]> {
    const interests = new Set(await this.deps.interestsOf(viewerId));
    const backed = (await this.repo.backedBy([viewerId])).get(viewerId) ?? new Set<number>();
    const ranked = (await this.repo.withStatus(['open']))
      .map((group) => ({ group, matchedTags: group.tags.filter((tag) => interests.has(tag)) }))
      .sort((a, b) => b.matchedTags.length - a.matchedTags.length || b.group.id - a.group.id)
      .slice(0, STUDY_LIMITS.listed);
    const named = new Map<string, boolean>();
    const isNamed = async (userId: string): Promise<boolean> => {
      if (!named.has(userId)) named.set(userId, (await this.deps.profileOf(userId))?.visibility === 'all');
      return named.get(userId) ?? false;
    };
    const listings: StudyListing[] = [];
    for (const { group, matchedTags } of ranked) {
      const namedBackers: string[] = [];
      for (const userId of await this.repo.backers(group.id))
        if (await isNamed(userId)) namedBackers.push(userId);
      listings.push({
        group,
        matchedTags,
        proposerNamed: await isNamed(group.proposer),
        namedBackers,
        backedByViewer: backed.has(group.id),
      });
    }
    return listings;
  }

  /**
   * "Count me in": idempotent. When this backer brings the proposal to its minimum, the group forms
   * now; a failure there is logged and left to the planner (the backing itself is kept).
   */
  async countIn(userId: string, id: number): Promise<Backing> {
    const before = await this.get(id);
    if (before.status !== 'open') throw new StudyNotOpen(id, before.status, before.channelId);
    const created = await this.repo.back(id, userId, this.deps.clock.now());
    const group = await this.get(id);
    // It began forming between the two reads: this press came too late to count.
    if (!created && group.status !== 'open' && !(await this.repo.backers(id)).includes(userId))
      throw new StudyNotOpen(id, group.status, group.channelId);
    if (group.status !== 'open' || group.backers < group.minMembers)
      return { group, created, formed: undefined };
    try {
      const channelId = await this.form(id);
      return {
        group: await this.get(id),
        created,
        formed: channelId === undefined ? undefined : { channelId },
      };
    } catch (error) {
      this.deps.logger.warn(`study ${id}: the group did not form yet: ${String(error)}`);
      return { group, created, formed: 'failed' };
    }
  }

  /** "Count me out", before the group forms; the proposer stays in. */
  async countOut(userId: string, id: number): Promise<{ group: StudyGroup; removed: boolean }> {
    const before = await this.get(id);
    if (before.status !== 'open') throw new StudyNotOpen(id, before.status, before.channelId);
    if (before.proposer === userId) throw new ProposerStaysIn(id);
    const removed = await this.repo.unback(id, userId);
    const group = await this.get(id);
    // It formed between the two reads: too late to leave.
    if (!removed && group.status !== 'open') throw new StudyNotOpen(id, group.status, group.channelId);
    return { group, removed };
  }

  /** "Schedule the first session": the proposer (or an admin) of a formed group. */
  async schedulable(userId: string, id: number): Promise<StudyGroup & { channelId: string }> {
    const group = await this.get(id);
    const host = group.proposer === userId || (await this.deps.roles.has(userId, 'admin'));
    if (!host || group.status !== 'formed' || group.channelId === null) throw new NotStudyHost(id);
    return { ...group, channelId: group.channelId };
  }

  /**
   * "Join the channel", pressed by a backer the bot did not add because their profile is hidden:
   * their own step, so now they are invited. Only a backer of a formed group; NotJoinable otherwise.
   */
  async join(userId: string, id: number): Promise<string> {
    const group = await this.get(id);
    if (group.status !== 'formed' || group.channelId === null) throw new NotJoinable(`study ${id}`);
    if (!(await this.repo.backers(id)).includes(userId)) throw new NotJoinable(`study ${id}`);
    await this.deps.slack.invite(group.channelId, [userId]);
    this.deps.logger.info(`study ${id}: ${userId} joined ${group.channelId} by their own press`);
    return group.channelId;
  }

  /** For the event service: a proposer may host sessions in their formed group's channel. */
  async hostsIn(userId: string, channelId: string): Promise<boolean> {
    return this.repo.proposedGroupIn(userId, channelId);
  }

  /**
   * For digests: per member, open proposals of others that share their interests, that they have
   * not backed and have never heard of in a digest; a few each. A few queries for everyone.
   */
  async picksFor(
    recipients: readonly { userId: string; interests: readonly string[] }[],
  ): Promise<Map<string, StudyGroup[]>> {
    const picks = new Map<string, StudyGroup[]>();
    const now = this.deps.clock.now().getTime();
    const open = (await this.repo.withStatus(['open'])).filter((group) => group.lapsesAt.getTime() > now);
    if (open.length === 0 || recipients.length === 0) return picks;
    const userIds = recipients.map((r) => r.userId);
    const backed = await this.repo.backedBy(userIds);
    const heard = await this.repo.mentionedTo(userIds);
    for (const { userId, interests } of recipients) {
      const mine = new Set(interests);
      const chosen = open
        .filter(
          (group) =>
            group.proposer !== userId &&
            !(backed.get(userId)?.has(group.id) ?? false) &&
            !(heard.get(userId)?.has(group.id) ?? false) &&
            group.tags.some((tag) => mine.has(tag)),
        )
        .slice(0, STUDY_LIMITS.perDigest);
      if (chosen.length > 0) picks.set(userId, chosen);
    }
    return picks;
  }

  /** Inside the digest's transaction, for the members whose digest was planned: heard of, once. */
  async recordMentions(
    sent: readonly { userId: string; groupIds: readonly number[] }[],
    now: Date,
  ): Promise<void> {
    await this.repo.recordMentions(
      sent.flatMap(({ userId, groupIds }) => groupIds.map((groupId) => ({ userId, groupId }))),
      now,
    );
  }

  /**
   * A planner: proposals past their 30 days lapse (each backer told once, by outbox rows with keys),
   * and groups whose forming was interrupted (a crash, a Slack error) are formed.
   */
  async plan(now: Date): Promise<void> {
    for (const group of await this.repo.dueLapse(now)) {
      const backers = await this.repo.backers(group.id);
      const locales = await Promise.all(backers.map((userId) => this.deps.knownLocaleOf(userId)));
      const lapsed = await this.deps.store.transaction(async () => {
        if (!(await this.repo.markLapsed(group.id, now))) return false;
        const told = { ...group, status: 'lapsed' as const };
        // Unsolicited: the planner's news, not an answer to a press. Each backer's day is claimed.
        for (const [index, userId] of backers.entries())
          await this.deps.outbox.schedule({
            kind: 'study_lapsed',
            key: lapsedKey(group.id, userId),
            channel: userId,
            message: this.deps.messages.lapsed(told, locales[index] ?? 'en'),
            dueAt: await this.deps.dmLimit.dueAt([userId], now, lapsedKey(group.id, userId)),
          });
        return true;
      });
      if (lapsed)
        this.deps.logger.info(`study ${group.id} lapsed with ${backers.length} of ${group.minMembers}`);
    }
    for (const group of await this.repo.withStatus(['open', 'forming'])) {
      if (group.status === 'open' && group.backers < group.minMembers) continue;
      await this.form(group.id).catch((error: unknown) => {
        this.deps.logger.warn(`study ${group.id}: the group did not form yet: ${String(error)}`);
      });
    }
  }

  async exportMember(userId: string): Promise<unknown> {
    return this.repo.exportMember(userId);
  }

  /** Erasure: the member's proposals (their channels stay), backings and mentions; planned DMs cancelled. */
  async eraseMember(userId: string): Promise<SourceErasure> {
    for (const id of await this.repo.eraseMember(userId)) await this.deps.outbox.cancel(`study:${id}:`);
    return { removedCards: [] };
  }

  /**
   * Makes the group's channel, once: the claim is one UPDATE that only one caller wins; the loser
   * (or a second replica) returns undefined. No Slack call happens inside a transaction.
   */
  private async form(id: number): Promise<string | undefined> {
    const token = randomUUID();
    const now = this.deps.clock.now();
    const staleBefore = new Date(now.getTime() - STUDY_LIMITS.staleClaimMs);
    if (!(await this.repo.claim(id, token, now, staleBefore))) return undefined;
    try {
      const group = await this.get(id);
      const channelId = await this.create(group, token);
      const backers = await this.repo.backers(id);
      // The one rule of src/collab/channels.ts: a backer who hides their profile gets a button.
      const { added, askedToJoin } = await whoTheBotAdds(backers, this.deps.profileOf);
      if (added.length > 0) await this.deps.slack.invite(channelId, added);
      const formed = { ...group, channelId, status: 'formed' as const };
      const languages = await languagesOf(backers, this.deps.knownLocaleOf);
      // Keyed: a holder that resumes after a crash finds the post instead of making a second one.
      await this.deps.slack.postOnce(
        channelId,
        this.deps.messages.intro(formed, languages, added.includes(group.proposer)),
        introKey(id),
      );
      const locale = await this.deps.knownLocaleOf(group.proposer);
      const joinLocales = await Promise.all(askedToJoin.map((userId) => this.deps.knownLocaleOf(userId)));
      await this.deps.store.transaction(async () => {
        const formedAt = this.deps.clock.now();
        if (!(await this.repo.finish(id, token, formedAt))) return;
        // Unsolicited: another member's press (or the planner) formed it. The proposer's day is claimed.
        await this.deps.outbox.schedule({
          kind: 'study_formed',
          key: formedKey(id),
          channel: group.proposer,
          message: this.deps.messages.formed(formed, locale),
          dueAt: await this.deps.dmLimit.dueAt([group.proposer], formedAt, formedKey(id)),
        });
        // Solicited: they counted themselves in. Not limited.
        for (const [index, userId] of askedToJoin.entries())
          await this.deps.outbox.schedule({
            kind: 'study_join',
            key: joinKey(id, userId),
            channel: userId,
            message: this.deps.messages.join(formed, joinLocales[index] ?? 'en'),
            dueAt: formedAt,
          });
      });
      this.deps.logger.info(`study ${id}: formed in ${channelId} with ${backers.length} members`);
      return channelId;
    } catch (error) {
      await this.repo.release(id, token).catch((released: unknown) => {
        this.deps.logger.warn(`study ${id}: claim not released: ${String(released)}`);
      });
      throw error;
    }
  }

  /** The group's channel, made once (src/collab/channels.ts): its name, then -2, -3, … after name_taken. */
  private async create(group: StudyGroup, token: string): Promise<string> {
    const names = Array.from({ length: STUDY_LIMITS.nameAttempts }, (_, i) =>
      numberedChannelName('study', group.id, group.topic, 'group', i + 1),
    );
    return createPrivateChannelOnce(
      {
        channelId: group.channelId,
        intend: (name) => this.repo.intendName(group.id, token, name),
        record: (made) => this.repo.recordChannel(group.id, token, made.id, made.name),
        recordedElsewhere: (channelId) => this.repo.channelTakenElsewhere(group.id, channelId),
      },
      this.deps.slack,
      names,
      `study ${group.id}`,
    );
  }
}
