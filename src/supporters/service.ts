import type { AnnouncementService } from '../announcements/service';
import type { Announcement } from '../announcements/types';
import type { AudienceService } from '../audience/service';
import { ChannelRefused } from '../audience/types';
import type { Clock } from '../clock';
import type { EventService } from '../events/service';
import type { CommunityEvent } from '../events/types';
import type { Logger } from '../logger';
import type { Visibility } from '../members/types';
import { NotFound } from '../notFound';
import type { RoleService } from '../roles/service';
import { countedWithHidden } from '../stats/hidden';
import type { SupporterErasure, SupporterRepository } from '../storage/supporters';
import { mayPostDirectly } from './permissions';
import type { HostCredit, PostingRoute, Proposal, ProposalInput, ProposalKind } from './types';

export interface SupporterDeps {
  readonly repository: SupporterRepository;
  readonly roles: RoleService;
  readonly audience: AudienceService;
  readonly events: EventService;
  readonly announcements: AnnouncementService;
  /** The member's profile visibility ('nobody' without a profile): decides whether a card names them. */
  readonly visibilityOf: (userId: string) => Promise<Visibility>;
  /** SUPPORTERS_POST_DIRECTLY=on: supporters post without an organizer's approval, still credited. */
  readonly postDirectly: boolean;
  readonly clock: Clock;
  readonly logger: Logger;
}

/** What posting a proposal's content made: the event or the announcement. */
export type Posted =
  | { readonly kind: 'event'; readonly event: CommunityEvent }
  | { readonly kind: 'announcement'; readonly announcement: Announcement; readonly nextRuns: Date[] };

export type Decision =
  | { readonly outcome: 'approved'; readonly proposal: Proposal; readonly posted: Posted }
  | { readonly outcome: 'declined'; readonly proposal: Proposal }
  /** Someone decided first: the proposal as they left it (who, and how). */
  | { readonly outcome: 'already'; readonly proposal: Proposal };

/** How many proposals App Home shows a supporter, newest first (Home's 100 blocks are shared). */
export const HOME_PROPOSALS = 5;

/**
 * Supporters (issue 14 §3): between member and organizer. A supporter's event or announcement form
 * becomes a proposal an organizer approves (it is then posted through the same service path as an
 * organizer's own) or declines; with postDirectly, it is posted at once. Either way the item is
 * credited to the supporter ("hosted by"). Permissions are checked here, whatever the surface.
 */
export class SupporterService {
  constructor(private readonly deps: SupporterDeps) {}

  private get repo(): SupporterRepository {
    return this.deps.repository;
  }

  get postsDirectly(): boolean {
    return this.deps.postDirectly;
  }

  /** Whether the member may post themselves (events and announcements ask this one rule). */
  mayPost(userId: string): Promise<boolean> {
    return mayPostDirectly(this.deps.roles, userId, this.deps.postDirectly);
  }

  /** What the member's new-event or announcement form does: post, post credited to them, or propose. */
  async route(userId: string): Promise<PostingRoute> {
    if (await this.deps.roles.has(userId, 'organizer')) return 'post';
    if (!(await this.deps.roles.has(userId, 'supporter'))) return 'post';
    return this.deps.postDirectly ? 'post_credited' : 'propose';
  }

  async get(id: number): Promise<Proposal> {
    const proposal = await this.repo.get(id);
    if (proposal === undefined) throw new NotFound('proposal', id);
    return proposal;
  }

  /** The proposal, for an organizer about to decide it (the decline form asks first). */
  async forDecider(actorId: string, id: number): Promise<Proposal> {
    await this.deps.roles.require(actorId, 'organizer');
    return this.get(id);
  }

  /**
   * Stores a supporter's form as a pending proposal. As for an organizer's own post, they must be
   * in the channel it is for (ChannelRefused). A replayed submission (`viewId`) returns the first.
   */
  async propose(
    actorId: string,
    content: ProposalInput,
    viewId?: string,
  ): Promise<{ proposal: Proposal; created: boolean }> {
    await this.deps.roles.require(actorId, 'organizer', 'supporter');
    const check = await this.deps.audience.checkPoster(actorId, content.input.channel);
    if (check !== 'member') throw new ChannelRefused(check);
    const now = this.deps.clock.now();
    const id = await this.repo.insertPending(actorId, content, viewId ?? null, now);
    if (id === undefined) {
      const earlier = viewId === undefined ? undefined : await this.repo.byView(viewId);
      if (earlier === undefined) throw new NotFound('proposal', 0);
      return { proposal: earlier, created: false };
    }
    this.deps.logger.info(`proposal ${id} (${content.kind}) made by ${actorId}`);
    return { proposal: await this.get(id), created: true };
  }

  /** A supporter's own post when they post directly: made as an organizer's is, then credited to them. */
  async postCredited(
    actorId: string,
    content: ProposalInput,
    viewId?: string,
  ): Promise<{ posted: Posted; created: boolean }> {
    await this.deps.roles.require(actorId, 'organizer', 'supporter');
    const made = await this.post(actorId, content, viewId);
    const itemId = made.posted.kind === 'event' ? made.posted.event.id : made.posted.announcement.id;
    if (made.created) {
      await this.repo.insertPosted(actorId, content, itemId, this.deps.clock.now());
      this.deps.logger.info(`${content.kind} ${itemId} posted directly by supporter ${actorId}`);
    }
    return made;
  }

  private async post(
    actorId: string,
    content: ProposalInput,
    viewId: string | undefined,
  ): Promise<{ posted: Posted; created: boolean }> {
    if (content.kind === 'event') {
      const { event, created } = await this.deps.events.create(actorId, content.input, viewId);
      return { posted: { kind: 'event', event }, created };
    }
    const made = await this.deps.announcements.create(actorId, content.input, viewId);
    return {
      posted: { kind: 'announcement', announcement: made.announcement, nextRuns: made.nextRuns },
      created: made.created,
    };
  }

  /**
   * Approves and posts, as if the organizer had made it (their channel membership is checked by
   * the same path). Of two organizers pressing at once one decides; the other gets 'already'. If
   * posting is refused, the proposal is pending again and the refusal is thrown.
   */
  async approve(actorId: string, id: number): Promise<Decision> {
    await this.deps.roles.require(actorId, 'organizer');
    const before = await this.get(id);
    const now = this.deps.clock.now();
    if (!(await this.repo.decide(id, 'approved', actorId, null, now)))
      return { outcome: 'already', proposal: await this.get(id) };
    let made: { posted: Posted };
    try {
      // The proposal's own key: a retried approval never posts twice.
      made = await this.post(actorId, before.content, `proposal:${id}`);
    } catch (error) {
      await this.repo.reopen(id, actorId);
      throw error;
    }
    const itemId = made.posted.kind === 'event' ? made.posted.event.id : made.posted.announcement.id;
    await this.repo.setItem(id, itemId);
    this.deps.logger.info(`proposal ${id} approved by ${actorId}: ${before.content.kind} ${itemId}`);
    return { outcome: 'approved', proposal: await this.get(id), posted: made.posted };
  }

  async decline(actorId: string, id: number, reason: string | null): Promise<Decision> {
    await this.deps.roles.require(actorId, 'organizer');
    await this.get(id);
    const decided = await this.repo.decide(id, 'declined', actorId, reason, this.deps.clock.now());
    if (!decided) return { outcome: 'already', proposal: await this.get(id) };
    this.deps.logger.info(`proposal ${id} declined by ${actorId}`);
    return { outcome: 'declined', proposal: await this.get(id) };
  }

  async attachCard(id: number, channel: string, ts: string): Promise<void> {
    await this.repo.attachCard(id, channel, ts);
  }

  /** How a card credits the item's supporter host; undefined when no supporter hosts it. */
  async creditFor(kind: ProposalKind, itemId: number): Promise<HostCredit | undefined> {
    const host = await this.repo.hostOf(kind, itemId);
    if (host === undefined) return undefined;
    return (await this.deps.visibilityOf(host)) === 'all'
      ? { kind: 'named', userId: host }
      : { kind: 'hidden' };
  }

  /**
   * How a proposal card shows its supporter to the organizers: named only when their profile is
   * visible to all alumni, as anywhere else; undefined once they erased their data.
   */
  async proposerShown(proposal: Proposal): Promise<HostCredit | undefined> {
    const userId = proposal.proposerId;
    if (userId === null) return undefined;
    return (await this.deps.visibilityOf(userId)) === 'all' ? { kind: 'named', userId } : { kind: 'hidden' };
  }

  /** The member's own proposals, newest first, for their App Home. */
  mine(userId: string): Promise<Proposal[]> {
    return this.repo.byProposer(userId, HOME_PROPOSALS);
  }

  /**
   * Events hosted by supporters, for stats: an event whose host is hidden counts only when the
   * figure is at least MIN_WITH_HIDDEN, so that it cannot point at them.
   */
  async eventsHostedBySupporters(): Promise<number> {
    const hosts = await this.repo.eventHosts();
    let visible = 0;
    let hidden = 0;
    for (const { hostId } of hosts) {
      if ((await this.deps.visibilityOf(hostId)) === 'all') visible += 1;
      else hidden += 1;
    }
    return countedWithHidden({ visible, hidden });
  }

  exportMember(userId: string): Promise<unknown[]> {
    return this.repo.exportMember(userId);
  }

  /** Inside the erasure's transaction: see SupporterRepository.eraseMember. */
  eraseMember(userId: string): Promise<SupporterErasure> {
    return this.repo.eraseMember(userId);
  }
}
