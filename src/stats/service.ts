import type { Clock } from '../clock';
import type { RoleService } from '../roles/service';
import type { StatsRepository } from '../storage/stats';
import { funnel, roleFunnel } from './funnel';
import {
  ACTIVE_WINDOW_DAYS,
  DEFAULT_DIGEST_FREQUENCY,
  MIN_INTEREST_HOLDERS,
  PAST_EVENTS_SHOWN,
  TOP_INTERESTS,
  TOP_ROLES,
  type StatsExport,
  type StatsReport,
} from './types';

const DAY_MS = 24 * 60 * 60 * 1000;

/** Community figures for organizers, HR and admins; the role is checked here, not only in Slack. */
export class StatsService {
  constructor(
    private readonly repository: StatsRepository,
    private readonly roles: RoleService,
    private readonly clock: Clock,
  ) {}

  report(actorId: string): StatsReport {
    this.roles.require(actorId, 'organizer', 'hr');
    const now = this.clock.now();
    const since = new Date(now.getTime() - ACTIVE_WINDOW_DAYS * DAY_MS);
    return this.repository.consistent(() => ({
      generatedAt: now,
      members: this.repository.members(since, now),
      interests: this.repository.topInterests(TOP_INTERESTS, MIN_INTEREST_HOLDERS),
      events: this.repository.events(now, PAST_EVENTS_SHOWN),
      funnel: funnel(this.repository.overallFunnel()),
      openRoles: this.repository.openRoleFunnels(TOP_ROLES).map(roleFunnel),
    }));
  }

  /**
   * HR and admins get every role's funnel and the job signals of members whose profile HR may see
   * (all alumni, or admins and HR). Organizers get the event engagement of members visible to all.
   */
  export(actorId: string): StatsExport {
    this.roles.require(actorId, 'organizer', 'hr');
    const now = this.clock.now();
    if (this.roles.has(actorId, 'hr')) {
      return this.repository.consistent(() => ({
        scope: 'hr',
        generatedAt: now,
        roles: this.repository.allRoleFunnels().map(roleFunnel),
        members: this.repository
          .engagement(DEFAULT_DIGEST_FREQUENCY)
          .filter((row) => row.visibility !== 'nobody')
          .map(({ visibility: _visibility, ...row }) => row),
      }));
    }
    const members = this.repository
      .engagement(DEFAULT_DIGEST_FREQUENCY)
      .filter((row) => row.visibility === 'all')
      .map(({ userId, agreedAt, agreedVersion, profileComplete, interests, lastActiveAt, rsvps, digestFrequency }) => ({
        userId,
        agreedAt,
        agreedVersion,
        profileComplete,
        interests,
        lastActiveAt,
        rsvps,
        digestFrequency,
      }));
    return { scope: 'events', generatedAt: now, members };
  }
}
