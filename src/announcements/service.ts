import type { AudienceService } from '../audience/service';
import { ChannelRefused, NotInAudience } from '../audience/types';
import { NotFound } from '../notFound';
import type { Clock } from '../clock';
import type { OutboxPort } from '../events/service';
import { requireHost, type HostsIn } from '../events/hosting';
import type { RoleService } from '../roles/service';
import type { Logger } from '../logger';
import type { OutboxMessage } from '../scheduler/types';
import type { HostCredit } from '../supporters/types';
import type { AnnouncementRepository } from '../storage/announcements';
import type { ViewSubmissionRepository } from '../storage/viewSubmissions';
import { cronInZone, type CronSchedule } from '../time/cronSchedule';
import { isStorableTime } from '../time/storable';
import { localParts } from '../time/zoned';
import {
  ANNOUNCEMENT_LIMITS,
  type Announcement,
  type AnnouncementInput,
  type AnnouncementProblem,
  type Repeat,
  NotAnnouncementAuthor,
} from './types';

/** A minute of slack for "post now": the picker has minute precision and people take time to click. */
const PAST_TOLERANCE_MS = 60_000;
/** A one-off announcement is still worth posting this late (after downtime); later it is skipped. */
const ONE_OFF_GRACE_MS = 12 * 3_600_000;
/** A repeating one is skipped if this late, or if its next occurrence is already due. */
const REPEAT_GRACE_MS = 6 * 3_600_000;

/** The cron expression a named repeat follows, at the local time (and weekday or date) of the first post. */
export function cronForRepeat(
  repeat: Repeat,
  firstAt: Date,
  timeZone: string,
  custom: string | null,
): string | null {
  const p = localParts(firstAt, timeZone);
  switch (repeat) {
    case 'none':
      return null;
    case 'daily':
      return `${p.minute} ${p.hour} * * *`;
    case 'weekdays':
      return `${p.minute} ${p.hour} * * 1-5`;
    case 'weekly':
      return `${p.minute} ${p.hour} * * ${p.weekday}`;
    case 'monthly':
      return `${p.minute} ${p.hour} ${p.day} * *`;
    case 'cron':
      return custom;
  }
}

export function checkAnnouncement(
  input: Partial<AnnouncementInput>,
  now: Date,
  timeZone: string,
): AnnouncementProblem[] {
  const problems: AnnouncementProblem[] = [];
  // The form's picker offers public and private channels (C…/G…): any other value was not chosen there.
  if (input.channel === undefined || !/^[CG][A-Z0-9]{2,}$/.test(input.channel))
    problems.push({ field: 'channel', problem: 'missing' });
  const text = input.text?.trim() ?? '';
  if (text === '') problems.push({ field: 'text', problem: 'empty' });
  else if (text.length > ANNOUNCEMENT_LIMITS.text) problems.push({ field: 'text', problem: 'too_long' });
  const firstAt = input.firstAt !== undefined && isStorableTime(input.firstAt) ? input.firstAt : undefined;
  if (input.firstAt === undefined) problems.push({ field: 'first_at', problem: 'missing' });
  else if (firstAt === undefined) problems.push({ field: 'first_at', problem: 'invalid' });
  else if (firstAt.getTime() < now.getTime() - PAST_TOLERANCE_MS)
    problems.push({ field: 'first_at', problem: 'in_past' });
  if (input.repeat === 'cron') {
    const expression = input.cron?.trim() ?? '';
    if (expression === '') problems.push({ field: 'cron', problem: 'missing' });
    else {
      const schedule =
        expression.length > ANNOUNCEMENT_LIMITS.cron ? undefined : cronInZone(expression, timeZone);
      if (schedule === undefined) problems.push({ field: 'cron', problem: 'invalid' });
      else if (schedule.next(firstAt ?? now, 1).length === 0)
        problems.push({ field: 'cron', problem: 'never' });
    }
  }
  return problems;
}

export interface AnnouncementDeps {
  readonly repository: AnnouncementRepository;
  /** One announcement per modal submission, however often it arrives. */
  readonly submissions: ViewSubmissionRepository;
  readonly roles: RoleService;
  /** An announcement into a private channel is listed only to its author and that channel's members. */
  readonly audience: AudienceService;
  readonly outbox: OutboxPort;
  /**
   * Whether a member who is no organizer may announce in this channel: a chapter's lead in its
   * channel, a supporter posting directly (see events/hosting.ts, the one rule for hosts).
   */
  readonly hostsIn?: HostsIn;
  readonly clock: Clock;
  readonly logger: Logger;
  readonly timeZone: string;
  readonly render: (announcement: Announcement, credit: HostCredit | undefined) => OutboxMessage;
  /** The supporter an announcement is credited to ("hosted by"), read when each post is planned. */
  readonly creditOf?: (announcementId: number) => Promise<HostCredit | undefined>;
}

export class AnnouncementService {
  constructor(private readonly deps: AnnouncementDeps) {}

  private scheduleOf(announcement: Pick<Announcement, 'cron' | 'timeZone'>): CronSchedule | undefined {
    return announcement.cron === null ? undefined : cronInZone(announcement.cron, announcement.timeZone);
  }

  /** Occurrences from the first post: the first post itself, then the schedule's runs after it. */
  private occurrenceAfter(
    announcement: Pick<Announcement, 'cron' | 'timeZone' | 'firstAt' | 'repeat'>,
    after: Date,
  ): Date | null {
    const schedule = this.scheduleOf(announcement);
    if (schedule === undefined) return null;
    return schedule.next(after, 1)[0] ?? null;
  }

  /** The first `count` posting times, for the confirmation. */
  preview(input: AnnouncementInput, count = 3): Date[] {
    const cron = cronForRepeat(input.repeat, input.firstAt, this.deps.timeZone, input.cron);
    const shape = { cron, timeZone: this.deps.timeZone, firstAt: input.firstAt, repeat: input.repeat };
    const first = this.firstOccurrence(shape);
    if (first === null) return [];
    const runs = [first];
    while (runs.length < count) {
      const next = this.occurrenceAfter(shape, runs[runs.length - 1] ?? first);
      if (next === null) break;
      runs.push(next);
    }
    return runs;
  }

  private firstOccurrence(
    shape: Pick<Announcement, 'cron' | 'timeZone' | 'firstAt' | 'repeat'>,
  ): Date | null {
    // A custom cron starts at its first run from the chosen time; named repeats start at that time.
    if (shape.repeat !== 'cron') return shape.firstAt;
    return this.occurrenceAfter(shape, new Date(shape.firstAt.getTime() - 1000));
  }

  /**
   * Schedules an announcement; a second submission of the same form (`viewId`) returns the first one's with `created: false`.
   * As with events and roles, an organizer may post only in a channel they are a member of (ChannelRefused otherwise).
   */
  async create(
    actorId: string,
    input: AnnouncementInput,
    viewId?: string,
  ): Promise<{ announcement: Announcement; nextRuns: Date[]; created: boolean }> {
    await requireHost(this.deps.roles, this.deps.hostsIn, actorId, input.channel);
    const check = await this.deps.audience.checkPoster(actorId, input.channel);
    if (check !== 'member') throw new ChannelRefused(check);
    const now = this.deps.clock.now();
    const cron = cronForRepeat(input.repeat, input.firstAt, this.deps.timeZone, input.cron?.trim() ?? null);
    const nextRuns = this.preview(input);
    const first = nextRuns[0] ?? input.firstAt;
    const once = await this.deps.submissions.once(viewId, 'announcement', now, async () =>
      this.deps.repository.insert({ ...input, firstAt: first, cron }, this.deps.timeZone, actorId, now),
    );
    const announcement = await this.get(once.id);
    if (once.first)
      this.deps.logger.info(`announcement ${once.id} scheduled by ${actorId} (${input.repeat})`);
    // The check above read the channel: whether it is private, and who is in it, decides who sees the announcement listed.
    return { announcement, nextRuns, created: once.first };
  }

  /**
   * Saves an edit of an active announcement: the author, or an admin who may see it (as for
   * cancel); a new channel is checked as for a new one. The next post follows the new schedule.
   */
  async update(
    actorId: string,
    id: number,
    input: AnnouncementInput,
  ): Promise<{ announcement: Announcement; nextRuns: Date[] }> {
    const before = await this.cancellable(actorId, id);
    if (before.status !== 'active') throw new NotFound('announcement', id);
    if (input.channel !== before.channel) {
      // An author who is no organizer (a chapter's lead) may move it only to a channel they host in.
      if (before.author === actorId)
        await requireHost(this.deps.roles, this.deps.hostsIn, actorId, input.channel);
      const check = await this.deps.audience.checkPoster(actorId, input.channel);
      if (check !== 'member') throw new ChannelRefused(check);
    }
    const cron = cronForRepeat(input.repeat, input.firstAt, this.deps.timeZone, input.cron?.trim() ?? null);
    const nextRuns = this.preview(input);
    const first = nextRuns[0] ?? input.firstAt;
    await this.deps.repository.update(id, { ...input, firstAt: first, cron });
    this.deps.logger.info(`announcement ${id} edited by ${actorId} (${input.repeat})`);
    return { announcement: await this.get(id), nextRuns };
  }

  async get(id: number): Promise<Announcement> {
    const found = await this.deps.repository.get(id);
    if (found === undefined) throw new NotFound('announcement', id);
    return found;
  }

  /** Active announcements for an organizer: one into a private channel only to its author and that channel's members. */
  async list(actorId: string): Promise<Announcement[]> {
    await this.deps.roles.require(actorId, 'organizer');
    const active = await this.deps.repository.active();
    const visible = new Set(
      await this.deps.audience.filterFor(actorId, active, (announcement) => announcement.channel),
    );
    return active.filter((announcement) => announcement.author === actorId || visible.has(announcement));
  }

  /** The member's own active announcements (App Home); no role needed to see what one scheduled. */
  async activeBy(userId: string): Promise<Announcement[]> {
    return (await this.deps.repository.active()).filter((announcement) => announcement.author === userId);
  }

  /** The announcement, if the actor may cancel it (see cancel); asked before a confirmation. */
  async cancellable(actorId: string, id: number): Promise<Announcement> {
    const announcement = await this.get(id);
    if (announcement.author !== actorId) {
      if (!(await this.deps.roles.has(actorId, 'admin'))) throw new NotAnnouncementAuthor(id);
      if (!(await this.deps.audience.mayView(actorId, announcement.channel)))
        throw new NotInAudience(actorId, announcement.channel, 'announcement');
    }
    return announcement;
  }

  /**
   * Only the author or an admin may cancel (an admin only one they may see: for a private channel,
   * one in it); pending posts of it are cancelled in the outbox too.
   */
  async cancel(actorId: string, id: number): Promise<{ announcement: Announcement; changed: boolean }> {
    await this.cancellable(actorId, id);
    const now = this.deps.clock.now();
    const changed = await this.deps.repository.transaction(async () => {
      const done = await this.deps.repository.cancel(id, now);
      if (done) await this.deps.outbox.cancel(`announce:${id}:`);
      return done;
    });
    if (changed) this.deps.logger.info(`announcement ${id} cancelled by ${actorId}`);
    return { announcement: await this.get(id), changed };
  }

  /**
   * Planner: hands every occurrence that has come due to the outbox under the key
   * announcement id + occurrence time. Occurrences missed while the bot was down go out if
   * they are still timely, and are recorded as skipped if not.
   */
  async plan(now: Date): Promise<void> {
    for (const announcement of await this.deps.repository.due(now)) {
      // One broken announcement must not hold back every other one behind it, tick after tick.
      try {
        await this.planOne(announcement, now);
      } catch (error) {
        this.deps.logger.error(`announcement ${announcement.id} could not be planned:`, error);
      }
    }
  }

  private async planOne(announcement: Announcement, now: Date): Promise<void> {
    let current = announcement.nextAt;
    const credit = await this.deps.creditOf?.(announcement.id);
    // Bounded: a minutely cron down for a week must not plan ten thousand posts in one tick.
    for (let guard = 0; current !== null && current.getTime() <= now.getTime() && guard < 1000; guard += 1) {
      const occurrence: Date = current;
      const next = this.occurrenceAfter(announcement, occurrence);
      const grace =
        next === null ? ONE_OFF_GRACE_MS : Math.min(REPEAT_GRACE_MS, next.getTime() - occurrence.getTime());
      const expiresAt = new Date(occurrence.getTime() + grace);
      const request = {
        kind: 'announcement',
        key: `announce:${announcement.id}:${occurrence.toISOString()}`,
        channel: announcement.channel,
        message: this.deps.render(announcement, credit),
        dueAt: occurrence,
        expiresAt,
        ...(announcement.author === null ? {} : { notifyOnFailure: announcement.author }),
      };
      const advanced = await this.deps.repository.transaction(async () => {
        if (!(await this.deps.repository.advance(announcement.id, occurrence, next))) return false;
        if (expiresAt.getTime() <= now.getTime())
          await this.deps.outbox.scheduleSkipped(request, 'the bot was not running when it was due');
        else await this.deps.outbox.schedule(request);
        return true;
      });
      if (!advanced) break;
      current = next;
    }
  }
}
