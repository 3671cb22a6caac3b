import type { AudienceService } from '../audience/service';
import type { Clock } from '../clock';
import type { RoleService } from '../roles/service';
import type { StatsRepository } from '../storage/stats';
import type { StudyReadRepository } from '../storage/studyReads';
import { funnel, roleFunnel } from './funnel';
import {
  ACTIVE_WINDOW_DAYS,
  DEFAULT_DIGEST_FREQUENCY,
  MIN_INTEREST_HOLDERS,
  PAST_EVENTS_SHOWN,
  TOP_INTERESTS,
  TOP_ROLES,
  type PastEventAttendance,
  type StatsExport,
  type StatsReport,
  type StudyGroupRow,
} from './types';
import { DAY_MS } from '../time/durations';

/** Past events read per query while looking for the ones the caller may see. */
const PAST_PAGE = 50;

/**
 * Community figures for organizers, HR and admins; the role is checked here, not only in Slack.
 * A row that names an event or role (its title, its own figures) is shown only to someone who may
 * see that item: one in a private channel only to that channel's members, whatever their role.
 * Totals name no item, so they count every item.
 */
export class StatsService {
  constructor(
    private readonly repository: StatsRepository,
    private readonly roles: RoleService,
    private readonly audience: AudienceService,
    private readonly clock: Clock,
    private readonly study: StudyReadRepository,
    /** Events hosted by supporters (supporters/service.ts decides how hidden hosts count). */
    private readonly hostedBySupporters: () => Promise<number> = () => Promise.resolve(0),
  ) {}

  /** The caller's PAST_EVENTS_SHOWN most recent past events, read a page at a time until enough are found. */
  private async pastEventsFor(actorId: string, now: Date): Promise<PastEventAttendance[]> {
    const shown: PastEventAttendance[] = [];
    for (let offset = 0; shown.length < PAST_EVENTS_SHOWN; offset += PAST_PAGE) {
      const page = await this.repository.pastEvents(now, PAST_PAGE, offset);
      shown.push(...(await this.audience.filterFor(actorId, page, (event) => event.channel)));
      if (page.length < PAST_PAGE) break;
    }
    return shown.slice(0, PAST_EVENTS_SHOWN);
  }

  async report(actorId: string): Promise<StatsReport> {
    await this.roles.require(actorId, 'organizer', 'hr');
    const now = this.clock.now();
    const since = new Date(now.getTime() - ACTIVE_WINDOW_DAYS * DAY_MS);
    // One query after another inside the snapshot: a transaction runs on one connection.
    return this.repository.consistent(async () => ({
      generatedAt: now,
      members: await this.repository.members(since, now),
      interests: await this.repository.topInterests(TOP_INTERESTS, MIN_INTEREST_HOLDERS),
      events: {
        ...(await this.repository.events(now)),
        past: await this.pastEventsFor(actorId, now),
        hostedBySupporters: await this.hostedBySupporters(),
      },
      funnel: funnel(await this.repository.overallFunnel()),
      openRoles: (
        await this.audience.filterFor(
          actorId,
          await this.repository.openRoleFunnels(),
          (role) => role.channel,
        )
      )
        .slice(0, TOP_ROLES)
        .map(roleFunnel),
      study: await this.study.figures(),
    }));
  }

  /**
   * HR and admins get the funnel of every role they may see and the job signals of members whose profile HR may see
   * (all alumni, or admins and HR). Organizers get the event engagement of members visible to all.
   */
  async export(actorId: string): Promise<StatsExport> {
    await this.roles.require(actorId, 'organizer', 'hr');
    const now = this.clock.now();
    if (await this.roles.has(actorId, 'hr')) {
      return this.repository.consistent(async () => {
        const allRoles = await this.repository.allRoleFunnels();
        return {
          scope: 'hr' as const,
          generatedAt: now,
          roles: (await this.audience.filterFor(actorId, allRoles, (role) => role.channel)).map(roleFunnel),
          // The same figures as the report's funnel, so the file's total row and `/alumni stats` agree.
          total: funnel(await this.repository.overallFunnel()),
          allRoles: allRoles.length,
          members: (await this.repository.engagement(DEFAULT_DIGEST_FREQUENCY))
            .filter((row) => row.visibility !== 'nobody')
            .map(({ visibility: _visibility, ...row }) => row),
        };
      });
    }
    // Organizers: members visible to all, without the job signals only HR sees.
    const members = (await this.repository.engagement(DEFAULT_DIGEST_FREQUENCY))
      .filter((row) => row.visibility === 'all')
      .map(({ visibility: _visibility, curious: _curious, applyClicks: _applyClicks, ...row }) => row);
    return { scope: 'events', generatedAt: now, members };
  }

  /** `stats csv`: every study group, one row each, for organizers, HR and admins. */
  async studyGroups(actorId: string): Promise<StudyGroupRow[]> {
    await this.roles.require(actorId, 'organizer', 'hr');
    return this.study.rows();
  }
}
