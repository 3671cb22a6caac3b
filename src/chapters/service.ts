import type { AudienceService } from '../audience/service';
import type { Clock } from '../clock';
import type { Logger } from '../logger';
import type { RoleService } from '../roles/service';
import { shownMembers, type ChapterRepository } from '../storage/chapters';
import { closestChapter, isChapterName } from './rules';
import {
  ChapterTaken,
  UnknownChapter,
  chapterKey,
  type Chapter,
  type ChapterExport,
  type ChapterFigures,
  type ChapterListing,
} from './types';

export interface ChapterDeps {
  readonly repository: ChapterRepository;
  readonly roles: RoleService;
  /** A chapter in a private channel is counted in `stats` only for that channel's members. */
  readonly audience: Pick<AudienceService, 'filterFor'>;
  readonly clock: Clock;
  readonly logger: Logger;
}

export type MembershipChange = 'joined' | 'already_member' | 'left' | 'not_member';
export type LeadChange = 'added' | 'already_lead' | 'removed' | 'not_lead';

/**
 * Chapters (issue 14 §4). Admins create and archive them and name their leads; members join and
 * leave. Permissions are checked here; every admin decision goes to the chapter's audit trail with
 * its author. An event or announcement belongs to a chapter by being posted in its channel.
 */
export class ChapterService {
  constructor(private readonly deps: ChapterDeps) {}

  private get repo(): ChapterRepository {
    return this.deps.repository;
  }

  /** The active chapter by name, matched case-insensitively; UnknownChapter (with a near miss) otherwise. */
  async named(name: string): Promise<Chapter> {
    const chapter = await this.repo.byKey(chapterKey(name));
    if (chapter !== undefined) return chapter;
    throw new UnknownChapter(name, closestChapter(name, await this.repo.names()));
  }

  /** The active chapter by id (Home's buttons carry it); UnknownChapter when it was archived since. */
  async byId(id: number): Promise<Chapter> {
    const chapter = await this.repo.byId(id);
    if (chapter === undefined) throw new UnknownChapter(String(id), undefined, true);
    return chapter;
  }

  /** Every active chapter with its size (hidden members only in company) and where the reader stands. */
  async list(userId: string): Promise<ChapterListing[]> {
    const rows = await this.repo.active();
    const joined = await this.repo.joinedBy(userId);
    const leads = await this.repo.ledBy(userId);
    return rows.map((row) => ({
      id: row.id,
      name: row.name,
      channelId: row.channelId,
      members: shownMembers(row),
      joined: joined.has(row.id),
      leads: leads.has(row.id),
    }));
  }

  async create(actorId: string, name: string, channelId: string): Promise<Chapter> {
    await this.deps.roles.require(actorId, 'admin');
    if (!isChapterName(name)) throw new RangeError('not a chapter name');
    const now = this.deps.clock.now();
    const trimmed = name.trim().replace(/\s+/g, ' ');
    const id = await this.repo.transaction(async () => {
      const created = await this.repo.insert(trimmed, chapterKey(trimmed), channelId, now);
      if (created !== undefined) await this.repo.record(created, actorId, 'created', null, now);
      return created;
    });
    if (id === undefined) {
      const sameName = await this.repo.byKey(chapterKey(trimmed));
      if (sameName !== undefined) throw new ChapterTaken('name', sameName.name);
      const sameChannel = await this.repo.byChannel(channelId);
      throw new ChapterTaken('channel', sameChannel?.name ?? trimmed);
    }
    this.deps.logger.info(`chapter ${id} created in ${channelId} by ${actorId}`);
    return { id, name: trimmed, channelId };
  }

  /** Archives it: it leaves lists, digests and stats; its members and leads stay on record until erased. */
  async archive(actorId: string, name: string): Promise<Chapter> {
    await this.deps.roles.require(actorId, 'admin');
    const chapter = await this.named(name);
    const now = this.deps.clock.now();
    await this.repo.transaction(async () => {
      if (await this.repo.archive(chapter.id, now))
        await this.repo.record(chapter.id, actorId, 'archived', null, now);
    });
    this.deps.logger.info(`chapter ${chapter.id} archived by ${actorId}`);
    return chapter;
  }

  /** A lead is a member of their chapter too. */
  async addLead(
    actorId: string,
    name: string,
    userId: string,
  ): Promise<{ chapter: Chapter; change: LeadChange }> {
    const { chapter, changed } = await this.changeLead(
      actorId,
      name,
      userId,
      'lead_added',
      async (id, now) => {
        const isNew = await this.repo.addLead(id, userId, now);
        await this.repo.join(id, userId, now);
        return isNew;
      },
    );
    return { chapter, change: changed ? 'added' : 'already_lead' };
  }

  async removeLead(
    actorId: string,
    name: string,
    userId: string,
  ): Promise<{ chapter: Chapter; change: LeadChange }> {
    const { chapter, changed } = await this.changeLead(actorId, name, userId, 'lead_removed', (id) =>
      this.repo.removeLead(id, userId),
    );
    return { chapter, change: changed ? 'removed' : 'not_lead' };
  }

  /** An admin's change to a chapter's leads, with its audit row in the same transaction when it changed anything. */
  private async changeLead(
    actorId: string,
    name: string,
    userId: string,
    action: 'lead_added' | 'lead_removed',
    change: (chapterId: number, now: Date) => Promise<boolean>,
  ): Promise<{ chapter: Chapter; changed: boolean }> {
    await this.deps.roles.require(actorId, 'admin');
    const chapter = await this.named(name);
    const now = this.deps.clock.now();
    const changed = await this.repo.transaction(async () => {
      const done = await change(chapter.id, now);
      if (done) await this.repo.record(chapter.id, actorId, action, userId, now);
      return done;
    });
    this.deps.logger.info(`chapter ${chapter.id} ${action} ${userId} by ${actorId}: ${changed}`);
    return { chapter, changed };
  }

  async join(userId: string, chapter: Chapter): Promise<MembershipChange> {
    return (await this.repo.join(chapter.id, userId, this.deps.clock.now())) ? 'joined' : 'already_member';
  }

  async leave(userId: string, chapter: Chapter): Promise<MembershipChange> {
    return (await this.repo.leave(chapter.id, userId)) ? 'left' : 'not_member';
  }

  /** Whether the member leads the chapter whose channel this is: they may post its events and announcements. */
  leadsIn(userId: string, channelId: string): Promise<boolean> {
    return this.repo.leadsIn(userId, channelId);
  }

  /** The chapters this member leads (their events and announcements go to these channels). */
  async ledBy(userId: string): Promise<Chapter[]> {
    const led = await this.repo.ledBy(userId);
    return (await this.repo.active()).filter((row) => led.has(row.id));
  }

  /** The channels of the chapters each member joined: their events come first for them. */
  channelsOf(userIds: readonly string[]): Promise<Map<string, Set<string>>> {
    return this.repo.memberChannels(userIds);
  }

  /**
   * Members and events per active chapter, for `stats`: organizers, HR and admins. A chapter whose
   * channel is private is listed only to that channel's members, as stats lists events.
   */
  async figures(actorId: string): Promise<ChapterFigures[]> {
    await this.deps.roles.require(actorId, 'organizer', 'hr');
    const events = await this.repo.eventCounts(this.deps.clock.now());
    const rows = await this.deps.audience.filterFor(
      actorId,
      await this.repo.active(),
      (row) => row.channelId,
    );
    return rows.map((row) => ({
      name: row.name,
      channelId: row.channelId,
      members: shownMembers(row),
      upcomingEvents: events.get(row.channelId)?.upcoming ?? 0,
      pastEvents: events.get(row.channelId)?.past ?? 0,
    }));
  }

  exportMember(userId: string): Promise<ChapterExport> {
    return this.repo.exportMember(userId);
  }

  eraseMember(userId: string): Promise<void> {
    return this.repo.eraseMember(userId);
  }
}
