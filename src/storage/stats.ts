import type { Expression, ExpressionBuilder, SqlBool } from 'kysely';
import { z } from 'zod';
import type { Database } from './schema';
import { toVisibility } from './memberRows';
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
import { StoreBacked } from './storeBacked';

// Every figure is written so that SQLite and Postgres count the same: no sum over a comparison
// (Postgres has no boolean arithmetic), CASE … THEN 1 ELSE 0 instead; counts and sums come back
// as numbers on SQLite and may come back as strings on Postgres (int8), so each goes through Number.

type Members = ExpressionBuilder<Database & { m: Database['members'] }, 'm'>;
type Funnel = ExpressionBuilder<Database & { f: Database['funnel_events'] }, 'f'>;

/** 1 where the condition holds, else 0: what SQLite's sum(condition) meant, on both engines. */
function oneIf<DB, TB extends keyof DB>(eb: ExpressionBuilder<DB, TB>, condition: Expression<SqlBool>) {
  return eb.case().when(condition).then(eb.lit(1)).else(eb.lit(0)).end();
}

/** How many rows hold the condition (0 over no rows, not NULL). */
function countWhere<DB, TB extends keyof DB>(eb: ExpressionBuilder<DB, TB>, condition: Expression<SqlBool>) {
  return eb.fn.coalesce(eb.fn.sum(oneIf(eb, condition)), eb.lit(0));
}

// The SQL form of members/types isProfileComplete: display name, years from, at least one interest.
// Kept as one expression so the report and the CSV can never disagree about it.
function profileComplete(eb: Members): Expression<SqlBool> {
  return eb.and([
    eb('m.display_name', 'is not', null),
    eb('m.years_from', 'is not', null),
    eb.exists(
      eb
        .selectFrom('member_interests as pi')
        .select(eb.lit(1).as('one'))
        .whereRef('pi.user_id', '=', 'm.user_id'),
    ),
  ]);
}

// When a member erases their data their funnel rows keep the step with user_id NULL. Such a row
// can no longer be told apart from another, so each counts as one member: the totals HR saw
// before the erasure stay true (digests and the buttons record a step once per member and role).
function distinctMembers(eb: Funnel, step: string) {
  return eb(
    eb.fn.count(eb.case().when('f.step', '=', step).then(eb.ref('f.user_id')).end()).distinct(),
    '+',
    countWhere(eb, eb.and([eb('f.step', '=', step), eb('f.user_id', 'is', null)])),
  );
}

function funnelColumns(eb: Funnel) {
  return [
    distinctMembers(eb, 'shown').as('shown'),
    distinctMembers(eb, 'curious').as('curious'),
    distinctMembers(eb, 'apply_click').as('apply_click'),
    distinctMembers(eb, 'hired').as('hired'),
    countWhere(eb, eb('f.step', '=', 'referral')).as('referrals'),
  ] as const;
}

/** Counts as the driver returns them: numbers on SQLite, possibly strings (int8, numeric) on Postgres. */
type Counted = number | string | bigint | null;

interface FunnelRow {
  readonly shown: Counted;
  readonly curious: Counted;
  readonly apply_click: Counted;
  readonly hired: Counted;
  readonly referrals: Counted;
}

interface RoleFunnelRow extends FunnelRow {
  readonly id: number;
  readonly title: string;
  readonly status: string;
  readonly created_at: string;
  readonly card_channel: string | null;
  readonly activity: Counted;
}

interface EngagementRow {
  readonly user_id: string;
  readonly agreed_at: string | null;
  readonly agreed_version: string | null;
  readonly profile_complete: Counted;
  readonly interests: Counted;
  readonly last_active_at: string | null;
  readonly last_rsvp_at: string | null;
  readonly rsvps: Counted;
  readonly curious: Counted;
  readonly apply_clicks: Counted;
  readonly frequency: string | null;
  readonly visibility: string;
}

const jobStatus = z.enum(JOB_STATUSES);
const digestFrequency = z.enum(DIGEST_FREQUENCIES);

const count = (value: Counted): number => Number(value ?? 0);

/** The later of two ISO-8601 UTC times (text order is time order), either possibly absent. */
function later(a: string | null, b: string | null): string | null {
  if (a === null) return b;
  if (b === null) return a;
  return a >= b ? a : b;
}

function toFunnelCounts(row: FunnelRow | undefined): FunnelCounts {
  return {
    shown: count(row?.shown ?? 0),
    curious: count(row?.curious ?? 0),
    applyClick: count(row?.apply_click ?? 0),
    hired: count(row?.hired ?? 0),
    referrals: count(row?.referrals ?? 0),
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
    activity: count(row.activity),
  };
}

function toEngagement(row: EngagementRow, defaultFrequency: DigestFrequency): EngagementRecord {
  return {
    userId: row.user_id,
    // Only members who agreed are read (agreed_at IS NOT NULL).
    agreedAt: row.agreed_at ?? '',
    agreedVersion: row.agreed_version,
    profileComplete: count(row.profile_complete) === 1,
    interests: count(row.interests),
    // The later of the member's last use of the bot and their latest RSVP, as "active" counts them.
    lastActiveAt: later(row.last_active_at, row.last_rsvp_at),
    rsvps: count(row.rsvps),
    curious: count(row.curious),
    applyClicks: count(row.apply_clicks),
    // No digest_prefs row: the default frequency.
    digestFrequency: digestFrequency.catch(defaultFrequency).parse(row.frequency ?? defaultFrequency),
    // The CHECK constraint allows nothing else; a surprise is treated as hidden.
    visibility: toVisibility(row.visibility),
  };
}

/** Every figure of `/alumni stats` and `stats csv`, counted by the database. Times are ISO-8601 UTC text. */
export class StatsRepository extends StoreBacked {
  /**
   * Runs the reads as one snapshot (Store.snapshot: REPEATABLE READ on Postgres), so a report is
   * one consistent picture even while others write. `work` only reads.
   */
  consistent<T>(work: () => Promise<T>): Promise<T> {
    return this.store.snapshot(work);
  }

  /** Member counts; "active" looks at [since, now]. */
  async members(since: Date, now: Date): Promise<MemberFigures> {
    const [from, to] = [since.toISOString(), now.toISOString()];
    const row = await this.sql
      .selectFrom('members as m')
      .select((eb) => [
        eb.fn.countAll().as('total'),
        eb.fn.count('m.agreed_at').as('agreed'),
        countWhere(eb, profileComplete(eb)).as('profile_complete'),
        countWhere(
          eb,
          eb.or([
            eb.and([eb('m.last_active_at', '>=', from), eb('m.last_active_at', '<=', to)]),
            eb.exists(
              eb
                .selectFrom('event_rsvps as r')
                .select(eb.lit(1).as('one'))
                .whereRef('r.user_id', '=', 'm.user_id')
                .where('r.responded_at', '>=', from)
                .where('r.responded_at', '<=', to),
            ),
          ]),
        ).as('active'),
      ])
      .executeTakeFirst();
    return {
      total: count(row?.total ?? 0),
      agreed: count(row?.agreed ?? 0),
      profileComplete: count(row?.profile_complete ?? 0),
      active: count(row?.active ?? 0),
    };
  }

  /** The most common interests held by at least `minHolders` members, with how many hold each; ties in tag order. */
  async topInterests(limit: number, minHolders: number): Promise<InterestCount[]> {
    const rows = await this.sql
      .selectFrom('member_interests')
      .select((eb) => ['tag', eb.fn.countAll().as('members')])
      .groupBy('tag')
      .having((eb) => eb.fn.countAll(), '>=', minHolders)
      .orderBy('members', 'desc')
      .orderBy('tag')
      .limit(limit)
      .execute();
    return rows.map((row) => ({ tag: row.tag, members: count(row.members) }));
  }

  /** Totals over every upcoming event; the past events' rows are read with pastEvents. */
  async events(now: Date): Promise<Omit<EventFigures, 'past' | 'hostedBySupporters'>> {
    const at = now.toISOString();
    const upcoming = await this.sql
      .selectFrom('events')
      .select((eb) => eb.fn.countAll().as('n'))
      .where('status', '=', 'scheduled')
      .where('ends_at', '>', at)
      .executeTakeFirst();
    const rsvps = await this.sql
      .selectFrom('event_rsvps as r')
      .innerJoin('events as e', 'e.id', 'r.event_id')
      .select((eb) => [
        countWhere(eb, eb('r.status', '=', 'going')).as('going'),
        countWhere(eb, eb('r.status', '=', 'maybe')).as('maybe'),
        countWhere(eb, eb('r.status', '=', 'waitlist')).as('waitlist'),
      ])
      .where('e.status', '=', 'scheduled')
      .where('e.ends_at', '>', at)
      .executeTakeFirst();
    return {
      upcoming: count(upcoming?.n ?? 0),
      rsvps: {
        going: count(rsvps?.going ?? 0),
        maybe: count(rsvps?.maybe ?? 0),
        waitlist: count(rsvps?.waitlist ?? 0),
      },
    };
  }

  /** Events that have ended, newest first, a page at a time. */
  async pastEvents(now: Date, limit: number, offset: number): Promise<PastEventAttendance[]> {
    const rows = await this.sql
      .selectFrom('events as e')
      .select((eb) => [
        'e.id',
        'e.title',
        'e.starts_at',
        eb.fn.coalesce('e.card_channel', 'e.channel').as('channel'),
        eb
          .selectFrom('event_rsvps as r')
          .select(eb.fn.countAll().as('n'))
          .whereRef('r.event_id', '=', 'e.id')
          .where('r.status', '=', 'going')
          .as('going'),
      ])
      .where('e.status', '=', 'scheduled')
      .where('e.ends_at', '<=', now.toISOString())
      .orderBy('e.starts_at', 'desc')
      .orderBy('e.id', 'desc')
      .limit(limit)
      .offset(offset)
      .execute();
    return rows.map((row) => ({
      eventId: row.id,
      title: row.title,
      startsAt: row.starts_at,
      channel: row.channel,
      going: count(row.going),
    }));
  }

  /** The funnel over every role there ever was. */
  async overallFunnel(): Promise<FunnelCounts> {
    const row = await this.sql
      .selectFrom('funnel_events as f')
      .select((eb) => funnelColumns(eb))
      .executeTakeFirst();
    return toFunnelCounts(row);
  }

  private roleFunnels() {
    return (
      this.sql
        .selectFrom('jobs as j')
        .leftJoin('funnel_events as f', 'f.job_id', 'j.id')
        .select((eb) => [
          'j.id',
          'j.title',
          'j.status',
          'j.created_at',
          'j.card_channel',
          ...funnelColumns(eb),
          countWhere(eb, eb('f.step', '<>', 'posted')).as('activity'),
        ])
        // j.id is the key, so the other columns of j follow from it (Postgres accepts them ungrouped).
        .groupBy('j.id')
    );
  }

  /** Every open role, most funnel activity first, newest first among equals. */
  async openRoleFunnels(): Promise<RoleFunnelCounts[]> {
    const rows = await this.roleFunnels()
      .where('j.status', '=', 'open')
      .orderBy('activity', 'desc')
      .orderBy('j.created_at', 'desc')
      .orderBy('j.id', 'desc')
      .execute();
    return rows.map(toRoleFunnel);
  }

  /** Every role with its funnel, by id (for the CSV). */
  async allRoleFunnels(): Promise<RoleFunnelCounts[]> {
    const rows = await this.roleFunnels().orderBy('j.id').execute();
    return rows.map(toRoleFunnel);
  }

  /** One row per member who agreed to the code of conduct, by user id, with their visibility. */
  async engagement(defaultFrequency: DigestFrequency): Promise<EngagementRecord[]> {
    const rows = await this.sql
      .selectFrom('members as m')
      .leftJoin('digest_prefs as d', 'd.user_id', 'm.user_id')
      .select((eb) => [
        'm.user_id',
        'm.agreed_at',
        'm.agreed_version',
        oneIf(eb, profileComplete(eb)).as('profile_complete'),
        eb
          .selectFrom('member_interests as i')
          .select(eb.fn.countAll().as('n'))
          .whereRef('i.user_id', '=', 'm.user_id')
          .as('interests'),
        'm.last_active_at',
        eb
          .selectFrom('event_rsvps as r')
          .select((rb) => rb.fn.max('r.responded_at').as('latest'))
          .whereRef('r.user_id', '=', 'm.user_id')
          .as('last_rsvp_at'),
        eb
          .selectFrom('event_rsvps as r')
          .select(eb.fn.countAll().as('n'))
          .whereRef('r.user_id', '=', 'm.user_id')
          .where('r.status', 'in', ['going', 'maybe', 'waitlist'])
          .as('rsvps'),
        eb
          .selectFrom('funnel_events as f')
          .select((fb) => fb.fn.count('f.job_id').distinct().as('n'))
          .whereRef('f.user_id', '=', 'm.user_id')
          .where('f.step', '=', 'curious')
          .as('curious'),
        eb
          .selectFrom('funnel_events as f')
          .select((fb) => fb.fn.count('f.job_id').distinct().as('n'))
          .whereRef('f.user_id', '=', 'm.user_id')
          .where('f.step', '=', 'apply_click')
          .as('apply_clicks'),
        'd.frequency',
        'm.visibility',
      ])
      .where('m.agreed_at', 'is not', null)
      .orderBy('m.user_id')
      .execute();
    return rows.map((row) => toEngagement(row, defaultFrequency));
  }
}
