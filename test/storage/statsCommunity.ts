import type { Sql } from '../../src/storage/schema';

// One small community, written through Kysely so that SQLite and Postgres hold exactly the same
// rows (ids included: every table starts empty). It has every case a stats figure treats apart:
// boundaries of the active window, erased members' funnel rows (user_id NULL), tag ties, private
// channels the caller is in or not, cancelled and finished events, roles of every status.

export const NOW = new Date('2026-12-01T12:00:00.000Z');
const DAY = 24 * 3_600_000;
/** An ISO time `days` before NOW (negative: after). */
export const ago = (days: number): string => new Date(NOW.getTime() - days * DAY).toISOString();

/** Organizer and HR; a member of the private channel G1PRIV0001 only. */
export const ORG_HR = 'U7ORGHR01';
/** Organizer only: the export without job signals. */
export const ORG = 'U8ORG0001';
export const [ALICE, BOB, CAROL, DAVE, ERIN, FRANK] = [
  'U1ALICE01',
  'U2BOB0001',
  'U3CAROL01',
  'U4DAVE001',
  'U5ERIN001',
  'U6FRANK01',
];
export const PUBLIC = 'C0PUBLIC01';
/** Private; ORG_HR is in it. */
export const MINE = 'G1PRIV0001';
/** Private; ORG_HR is not. */
export const THEIRS = 'G2PRIV0001';

interface MemberSeed {
  readonly userId: string;
  readonly name?: string;
  readonly yearsFrom?: number;
  readonly agreed?: boolean;
  readonly lastActiveAt?: string;
  readonly visibility?: 'all' | 'staff' | 'nobody';
  readonly interests?: readonly string[];
  readonly digest?: 'weekly' | 'daily' | 'off';
}

const MEMBERS: readonly MemberSeed[] = [
  {
    userId: ALICE,
    name: 'Alice',
    yearsFrom: 2015,
    agreed: true,
    lastActiveAt: ago(1),
    interests: ['golf', 'tennis', 'ai', 'chess'],
    digest: 'daily',
  },
  // Last used the bot 40 days ago, but answered an RSVP 2 days ago: active. No years: incomplete.
  {
    userId: BOB,
    name: 'Bob',
    agreed: true,
    lastActiveAt: ago(40),
    visibility: 'staff',
    interests: ['golf', 'tennis', 'テニス'],
  },
  // No interests: incomplete. Hidden from everyone. Only an old RSVP.
  {
    userId: CAROL,
    name: 'Carol',
    yearsFrom: 2001,
    agreed: true,
    visibility: 'nobody',
    interests: [],
    digest: 'off',
  },
  // Never agreed: counted in total and active only.
  { userId: DAVE, name: 'Dave', yearsFrom: 2010, lastActiveAt: ago(3), interests: ['golf', 'ai', 'テニス'] },
  // Used the bot 10 days ago, answered an RSVP 5 days ago: that is the later activity.
  {
    userId: ERIN,
    name: 'Erin',
    yearsFrom: 2018,
    agreed: true,
    lastActiveAt: ago(10),
    interests: ['tennis', 'テニス'],
    digest: 'weekly',
  },
  // Active at exactly the start of the window (it counts); no name: incomplete.
  { userId: FRANK, yearsFrom: 2012, agreed: true, lastActiveAt: ago(30), interests: ['ai'] },
  {
    userId: ORG_HR,
    name: 'Olive',
    yearsFrom: 2005,
    agreed: true,
    lastActiveAt: ago(31),
    interests: ['golf'],
  },
  { userId: ORG, name: 'Oscar', yearsFrom: 2006, agreed: true, visibility: 'staff', interests: [] },
];

async function seedMembers(sql: Sql): Promise<void> {
  for (const m of MEMBERS) {
    await sql
      .insertInto('members')
      .values({
        user_id: m.userId,
        display_name: m.name ?? null,
        years_from: m.yearsFrom ?? null,
        visibility: m.visibility ?? 'all',
        agreed_version: m.agreed === true ? '2026-11-24' : null,
        agreed_at: m.agreed === true ? ago(100) : null,
        welcomed_at: ago(100),
        last_active_at: m.lastActiveAt ?? null,
        created_at: ago(100),
      })
      .execute();
    for (const tag of m.interests ?? [])
      await sql
        .insertInto('member_interests')
        .values({ user_id: m.userId, tag, added_at: ago(90) })
        .execute();
    if (m.digest !== undefined)
      await sql
        .insertInto('digest_prefs')
        .values({ user_id: m.userId, frequency: m.digest, updated_at: ago(50) })
        .execute();
  }
  await sql
    .insertInto('member_roles')
    .values([
      { user_id: ORG_HR, role: 'organizer', granted_by: null, granted_at: ago(99) },
      { user_id: ORG_HR, role: 'hr', granted_by: null, granted_at: ago(99) },
      { user_id: ORG, role: 'organizer', granted_by: null, granted_at: ago(99) },
    ])
    .execute();
  await sql
    .insertInto('audience_channels')
    .values([
      { channel_id: PUBLIC, is_private: 0, checked_at: ago(0) },
      { channel_id: MINE, is_private: 1, checked_at: ago(0), members_synced_at: ago(0) },
      { channel_id: THEIRS, is_private: 1, checked_at: ago(0), members_synced_at: ago(0) },
    ])
    .execute();
  await sql
    .insertInto('audience_members')
    .values([
      { channel_id: MINE, user_id: ORG_HR },
      { channel_id: THEIRS, user_id: ALICE },
    ])
    .execute();
}

async function event(
  sql: Sql,
  title: string,
  startsAt: string,
  opts: { channel?: string; card?: string; status?: 'scheduled' | 'cancelled' } = {},
): Promise<number> {
  const ends = new Date(new Date(startsAt).getTime() + 2 * 3_600_000).toISOString();
  const row = await sql
    .insertInto('events')
    .values({
      title,
      starts_at: startsAt,
      ends_at: ends,
      channel: opts.channel ?? PUBLIC,
      card_channel: opts.card ?? null,
      created_by: ORG,
      created_at: ago(60),
      status: opts.status ?? 'scheduled',
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

async function rsvp(sql: Sql, eventId: number, userId: string, status: string, at: string): Promise<void> {
  await sql
    .insertInto('event_rsvps')
    .values({ event_id: eventId, user_id: userId, status, display_name: userId, responded_at: at })
    .execute();
}

async function seedEvents(sql: Sql): Promise<void> {
  const soon = await event(sql, 'Meetup', ago(-1));
  await rsvp(sql, soon, ALICE, 'going', ago(20));
  await rsvp(sql, soon, BOB, 'maybe', ago(2));
  await rsvp(sql, soon, ERIN, 'waitlist', ago(5));
  await rsvp(sql, soon, CAROL, 'going', ago(50));
  await rsvp(sql, soon, FRANK, 'not_going', ago(45));
  // Ends two hours from now: still upcoming.
  const running = await event(sql, 'Running now', new Date(NOW.getTime()).toISOString(), { card: MINE });
  await rsvp(sql, running, ORG_HR, 'going', ago(40));
  const called = await event(sql, 'Called off', ago(-3), { status: 'cancelled' });
  await rsvp(sql, called, DAVE, 'going', ago(1));

  // Past, newest first: ended exactly now (counts as past), then two at the same start (id decides).
  const endedNow = await event(sql, 'Ended just now', new Date(NOW.getTime() - 2 * 3_600_000).toISOString());
  await rsvp(sql, endedNow, ALICE, 'going', ago(60));
  const twinA = await event(sql, 'Twin A', ago(7));
  const twinB = await event(sql, 'Twin B', ago(7), { card: MINE });
  await rsvp(sql, twinA, BOB, 'going', ago(60));
  await rsvp(sql, twinB, BOB, 'going', ago(60));
  await rsvp(sql, twinB, ERIN, 'going', ago(60));
  await rsvp(sql, twinB, ALICE, 'maybe', ago(60));
  await event(sql, 'Hidden', ago(8), { card: THEIRS });
  await event(sql, 'Cancelled past', ago(9), { status: 'cancelled' });
  const older = await event(sql, 'Older', ago(12), { channel: THEIRS, card: PUBLIC });
  await rsvp(sql, older, CAROL, 'going', ago(60));
  await event(sql, 'Oldest', ago(30));
  // The sixth visible past event: beyond PAST_EVENTS_SHOWN.
  await event(sql, 'Too old to show', ago(40));
}

async function job(
  sql: Sql,
  title: string,
  createdAt: string,
  status: 'open' | 'closed' | 'filled',
  card: string | null,
): Promise<number> {
  const row = await sql
    .insertInto('jobs')
    .values({
      title,
      work_style: 'hybrid',
      employment_type: 'full_time',
      apply_url: 'https://example.com/apply',
      recruiter: ORG_HR,
      posted_by: ORG_HR,
      status,
      created_at: createdAt,
      card_channel: card,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

async function steps(sql: Sql, jobId: number, rows: readonly [string | null, string][]): Promise<void> {
  for (const [userId, step] of rows)
    await sql
      .insertInto('funnel_events')
      .values({ job_id: jobId, user_id: userId, step, at: ago(4) })
      .execute();
}

async function seedJobs(sql: Sql): Promise<void> {
  const backend = await job(sql, 'Backend engineer', ago(20), 'open', PUBLIC);
  await steps(sql, backend, [
    [null, 'posted'],
    [ALICE, 'shown'],
    [ALICE, 'shown'],
    [BOB, 'shown'],
    // An erased member's step: counts as one more member.
    [null, 'shown'],
    [null, 'shown'],
    [ALICE, 'curious'],
    [ALICE, 'apply_click'],
    [BOB, 'referral'],
    [BOB, 'referral'],
  ]);
  const secret = await job(sql, 'Secret role', ago(5), 'open', THEIRS);
  await steps(sql, secret, [
    [ALICE, 'shown'],
    [BOB, 'curious'],
  ]);
  const filled = await job(sql, 'Designer', ago(40), 'filled', PUBLIC);
  await steps(sql, filled, [
    [ERIN, 'shown'],
    [ERIN, 'curious'],
    [ERIN, 'apply_click'],
    [ERIN, 'hired'],
    [null, 'curious'],
  ]);
  const quiet = await job(sql, 'Quiet role', ago(15), 'open', MINE);
  await steps(sql, quiet, [[null, 'posted']]);
  // Same activity and same posting time: the higher id comes first.
  const sameA = await job(sql, 'Same A', ago(1), 'open', null);
  const sameB = await job(sql, 'Same B', ago(1), 'open', PUBLIC);
  await steps(sql, sameA, [[FRANK, 'shown']]);
  await steps(sql, sameB, [[ERIN, 'shown']]);
  await job(sql, 'Closed role', ago(70), 'closed', PUBLIC);
}

/** Writes the whole community; the database must be empty. */
export async function seedCommunity(sql: Sql): Promise<void> {
  await seedMembers(sql);
  await seedEvents(sql);
  await seedJobs(sql);
}
