import { z } from 'zod';
import type { Db } from './database';
import type { Store } from './store';
import { visibilitySchema } from '../members/types';
import {
  DIGEST_FREQUENCIES,
  JOB_STATUSES,
  type EventFigures,
  type InterestCount,
  type EngagementRecord,
  type MemberFigures,
  type FunnelCounts,
  type PastEventAttendance,
  type RoleFunnelCounts,
  type DigestFrequency,
} from '../stats/types';

// The SQL form of members/types isProfileComplete: display name, years from, at least one interest.
// Kept as one fragment so the report and the CSV can never disagree about it.
const PROFILE_COMPLETE = `(m.display_name IS NOT NULL AND m.years_from IS NOT NULL
  AND EXISTS (SELECT 1 FROM member_interests pi WHERE pi.user_id = m.user_id))`;

// When a member erases their data their funnel rows keep the step with user_id NULL. Such a row
// can no longer be told apart from another, so each counts as one member: the totals HR saw
// before the erasure stay true (digests and the buttons record a step once per member and role).
const distinctMembers = (step: string): string =>
  `(count(DISTINCT CASE WHEN f.step = '${step}' THEN f.user_id END)
    + coalesce(sum(f.step = '${step}' AND f.user_id IS NULL), 0))`;

const FUNNEL_COLUMNS = `${distinctMembers('shown')} AS shown,
  ${distinctMembers('curious')} AS curious,
  ${distinctMembers('apply_click')} AS apply_click,
  ${distinctMembers('hired')} AS hired,
  coalesce(sum(f.step = 'referral'), 0) AS referrals`;

const ROLE_FUNNEL_SELECT = `SELECT j.id, j.title, j.status, j.created_at, j.card_channel, ${FUNNEL_COLUMNS},
  coalesce(sum(f.step <> 'posted'), 0) AS activity
  FROM jobs j LEFT JOIN funnel_events f ON f.job_id = j.id`;

interface FunnelRow {
  shown: number;
  curious: number;
  apply_click: number;
  hired: number;
  referrals: number;
}

interface RoleFunnelRow extends FunnelRow {
  id: number;
  title: string;
  status: string;
  created_at: string;
  card_channel: string | null;
  activity: number;
}

interface EngagementRow {
  user_id: string;
  agreed_at: string;
  agreed_version: string | null;
  profile_complete: number;
  interests: number;
  last_active_at: string | null;
  rsvps: number;
  curious: number;
  apply_clicks: number;
  digest_frequency: string;
  visibility: string;
}

const jobStatus = z.enum(JOB_STATUSES);
const digestFrequency = z.enum(DIGEST_FREQUENCIES);

function toFunnelCounts(row: FunnelRow | undefined): FunnelCounts {
  return {
    shown: row?.shown ?? 0,
    curious: row?.curious ?? 0,
    applyClick: row?.apply_click ?? 0,
    hired: row?.hired ?? 0,
    referrals: row?.referrals ?? 0,
  };
}

function toRoleFunnel(row: RoleFunnelRow): RoleFunnelCounts {
  return {
    ...toFunnelCounts(row),
    jobId: row.id,
    title: row.title,
    // The CHECK constraint allows nothing else; a surprise shows as closed rather than as open.
    status: jobStatus.catch('closed').parse(row.status),
    postedAt: row.created_at,
    channel: row.card_channel,
    activity: row.activity,
  };
}

/** Every figure of `/alumni stats` and `stats csv`, counted by SQLite. Times are ISO-8601 UTC text. */
export class StatsRepository {
  private readonly s;

  constructor(
    private readonly db: Db,
    private readonly store: Store,
  ) {
    this.s = {
      members: db.prepare<{ since: string; now: string }, MemberFigures>(
        `SELECT count(*) AS total,
           count(m.agreed_at) AS agreed,
           coalesce(sum(${PROFILE_COMPLETE}), 0) AS profileComplete,
           coalesce(sum(
             (m.last_active_at >= @since AND m.last_active_at <= @now)
             OR EXISTS (SELECT 1 FROM event_rsvps r WHERE r.user_id = m.user_id AND r.responded_at >= @since AND r.responded_at <= @now)
           ), 0) AS active
         FROM members m`,
      ),
      interests: db.prepare<[number, number], InterestCount>(
        'SELECT tag, count(*) AS members FROM member_interests GROUP BY tag HAVING count(*) >= ? ORDER BY members DESC, tag LIMIT ?',
      ),
      upcoming: db.prepare<[string], { n: number }>(
        "SELECT count(*) AS n FROM events WHERE status = 'scheduled' AND ends_at > ?",
      ),
      upcomingRsvps: db.prepare<[string], { going: number; maybe: number; waitlist: number }>(
        `SELECT coalesce(sum(r.status = 'going'), 0) AS going, coalesce(sum(r.status = 'maybe'), 0) AS maybe,
           coalesce(sum(r.status = 'waitlist'), 0) AS waitlist
         FROM event_rsvps r JOIN events e ON e.id = r.event_id
         WHERE e.status = 'scheduled' AND e.ends_at > ?`,
      ),
      past: db.prepare<[string, number, number], PastEventAttendance>(
        `SELECT e.id AS eventId, e.title, e.starts_at AS startsAt, coalesce(e.card_channel, e.channel) AS channel,
           (SELECT count(*) FROM event_rsvps r WHERE r.event_id = e.id AND r.status = 'going') AS going
         FROM events e WHERE e.status = 'scheduled' AND e.ends_at <= ?
         ORDER BY e.starts_at DESC, e.id DESC LIMIT ? OFFSET ?`,
      ),
      funnel: db.prepare<[], FunnelRow>(`SELECT ${FUNNEL_COLUMNS} FROM funnel_events f`),
      openRoles: db.prepare<[], RoleFunnelRow>(
        `${ROLE_FUNNEL_SELECT} WHERE j.status = 'open' GROUP BY j.id ORDER BY activity DESC, j.created_at DESC, j.id DESC`,
      ),
      allRoles: db.prepare<[], RoleFunnelRow>(`${ROLE_FUNNEL_SELECT} GROUP BY j.id ORDER BY j.id`),
      engagement: db.prepare<{ defaultFrequency: DigestFrequency }, EngagementRow>(
        `SELECT m.user_id, m.agreed_at, m.agreed_version,
           ${PROFILE_COMPLETE} AS profile_complete,
           (SELECT count(*) FROM member_interests i WHERE i.user_id = m.user_id) AS interests,
           nullif(max(coalesce(m.last_active_at, ''),
                      coalesce((SELECT max(r.responded_at) FROM event_rsvps r WHERE r.user_id = m.user_id), '')), '') AS last_active_at,
           (SELECT count(*) FROM event_rsvps r WHERE r.user_id = m.user_id AND r.status IN ('going', 'maybe', 'waitlist')) AS rsvps,
           (SELECT count(DISTINCT f.job_id) FROM funnel_events f WHERE f.user_id = m.user_id AND f.step = 'curious') AS curious,
           (SELECT count(DISTINCT f.job_id) FROM funnel_events f WHERE f.user_id = m.user_id AND f.step = 'apply_click') AS apply_clicks,
           coalesce(d.frequency, @defaultFrequency) AS digest_frequency, m.visibility
         FROM members m LEFT JOIN digest_prefs d ON d.user_id = m.user_id
         WHERE m.agreed_at IS NOT NULL
         ORDER BY m.user_id`,
      ),
    };
  }

  /** Runs the reads in one transaction, so a report is one consistent picture even while others write. */
  consistent<T>(work: () => Promise<T>): Promise<T> {
    return this.store.transaction(work);
  }

  /** Member counts; "active" looks at [since, now]. */
  members(since: Date, now: Date): MemberFigures {
    const row = this.s.members.get({ since: since.toISOString(), now: now.toISOString() });
    return row ?? { total: 0, agreed: 0, profileComplete: 0, active: 0 };
  }

  /** The most common interests held by at least `minHolders` members, with how many hold each; ties in tag order. */
  topInterests(limit: number, minHolders: number): InterestCount[] {
    return this.s.interests.all(minHolders, limit);
  }

  /** Totals over every upcoming event; the past events' rows are read with pastEvents. */
  events(now: Date): Omit<EventFigures, 'past'> {
    const at = now.toISOString();
    const rsvps = this.s.upcomingRsvps.get(at) ?? { going: 0, maybe: 0, waitlist: 0 };
    return { upcoming: this.s.upcoming.get(at)?.n ?? 0, rsvps };
  }

  /** Events that have ended, newest first, a page at a time. */
  pastEvents(now: Date, limit: number, offset: number): PastEventAttendance[] {
    return this.s.past.all(now.toISOString(), limit, offset);
  }

  /** The funnel over every role there ever was. */
  overallFunnel(): FunnelCounts {
    return toFunnelCounts(this.s.funnel.get());
  }

  /** Every open role, most funnel activity first, newest first among equals. */
  openRoleFunnels(): RoleFunnelCounts[] {
    return this.s.openRoles.all().map(toRoleFunnel);
  }

  /** Every role with its funnel, by id (for the CSV). */
  allRoleFunnels(): RoleFunnelCounts[] {
    return this.s.allRoles.all().map(toRoleFunnel);
  }

  /** One row per member who agreed to the code of conduct, by user id, with their visibility. */
  engagement(defaultFrequency: DigestFrequency): EngagementRecord[] {
    return this.s.engagement.all({ defaultFrequency }).map((row) => ({
      userId: row.user_id,
      agreedAt: row.agreed_at,
      agreedVersion: row.agreed_version,
      profileComplete: row.profile_complete === 1,
      interests: row.interests,
      lastActiveAt: row.last_active_at,
      rsvps: row.rsvps,
      curious: row.curious,
      applyClicks: row.apply_clicks,
      digestFrequency: digestFrequency.catch(defaultFrequency).parse(row.digest_frequency),
      // The CHECK constraint allows nothing else; a surprise is treated as hidden.
      visibility: visibilitySchema.catch('nobody').parse(row.visibility),
    }));
  }
}
