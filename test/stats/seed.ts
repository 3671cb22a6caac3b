import type { TestBot } from '../support/testBot';
import { ADMIN } from '../support/testBot';

// Fixture data for the stats tests, written straight into the database (either engine): this is
// setup only; every assertion goes through `/alumni stats` at the front door.

export const DAY = 24 * 3_600_000;
export const HOUR = 3_600_000;
export const CHARTER_VERSION = '2026-11-24';

export const ORG = 'U9ORG01';
export const HR = 'U9HR001';
export const M1 = 'U9M0001';
export const M2 = 'U9M0002';
export const M3 = 'U9M0003';
export const M4 = 'U9M0004';
export const M5 = 'U9M0005';
export const M6 = 'U9M0006';
export const M7 = 'U9M0007';

export interface Seeded {
  readonly jobs: { backend: number; data: number; formula: number; designer: number; fillers: number[] };
}

interface MemberSeed {
  userId: string;
  displayName?: string | null;
  yearsFrom?: number | null;
  agreedVersion?: string | null;
  lastActiveAt?: string | null;
  interests?: string[];
}

export function at(tb: TestBot, offsetMs: number): string {
  return new Date(tb.clock.now().getTime() + offsetMs).toISOString();
}

export async function insertMember(tb: TestBot, m: MemberSeed): Promise<void> {
  const agreed = m.agreedVersion ?? null;
  await tb.run(
    `INSERT INTO members (user_id, display_name, years_from, agreed_version, agreed_at, welcomed_at, last_active_at, created_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
    m.userId,
    m.displayName ?? null,
    m.yearsFrom ?? null,
    agreed,
    agreed === null ? null : at(tb, -100 * DAY),
    at(tb, -100 * DAY),
    m.lastActiveAt ?? null,
    at(tb, -100 * DAY),
  );
  for (const tag of m.interests ?? []) {
    await tb.run(
      'INSERT INTO member_interests (user_id, tag, added_at) VALUES (?, ?, ?)',
      m.userId,
      tag,
      at(tb, -90 * DAY),
    );
  }
}

export async function grantRole(
  tb: TestBot,
  userId: string,
  role: 'organizer' | 'hr' | 'admin',
): Promise<void> {
  await tb.run(
    'INSERT INTO member_roles (user_id, role, granted_by, granted_at) VALUES (?, ?, ?, ?)',
    userId,
    role,
    ADMIN,
    at(tb, -99 * DAY),
  );
}

export async function insertEvent(
  tb: TestBot,
  title: string,
  startOffset: number,
  opts: { status?: 'scheduled' | 'cancelled'; hours?: number } = {},
): Promise<number> {
  const id = await tb.insert(
    `INSERT INTO events (title, starts_at, ends_at, channel, created_by, created_at, status)
       VALUES (?, ?, ?, 'C0EVENTS1', ?, ?, ?)`,
    title,
    at(tb, startOffset),
    at(tb, startOffset + (opts.hours ?? 2) * HOUR),
    ORG,
    at(tb, -100 * DAY),
    opts.status ?? 'scheduled',
  );
  // What the bot records when it posts a card there: a public channel (stats name only items the caller may see).
  await tb.run(
    "INSERT INTO audience_channels (channel_id, is_private, checked_at) VALUES ('C0EVENTS1', 0, ?) ON CONFLICT DO NOTHING",
    at(tb, -100 * DAY),
  );
  return id;
}

export async function rsvp(
  tb: TestBot,
  eventId: number,
  userId: string,
  status: 'going' | 'maybe' | 'not_going' | 'waitlist',
  respondedOffset: number,
): Promise<void> {
  await tb.run(
    'INSERT INTO event_rsvps (event_id, user_id, status, display_name, responded_at) VALUES (?, ?, ?, ?, ?)',
    eventId,
    userId,
    status,
    userId,
    at(tb, respondedOffset),
  );
}

export async function insertJob(
  tb: TestBot,
  title: string,
  status: 'open' | 'closed' | 'filled',
  createdAt: string,
): Promise<number> {
  const id = await tb.insert(
    `INSERT INTO jobs (title, work_style, employment_type, apply_url, recruiter, posted_by, status, created_at)
       VALUES (?, 'hybrid', 'full_time', 'https://jobs.example.com/apply', ?, ?, ?, ?)`,
    title,
    HR,
    HR,
    status,
    createdAt,
  );
  await step(tb, id, HR, 'posted');
  return id;
}

export async function step(
  tb: TestBot,
  jobId: number,
  userId: string | null,
  name: 'posted' | 'shown' | 'curious' | 'referral' | 'apply_click' | 'hired',
): Promise<void> {
  await tb.run(
    'INSERT INTO funnel_events (job_id, user_id, step, at) VALUES (?, ?, ?, ?)',
    jobId,
    userId,
    name,
    at(tb, -DAY),
  );
}

/** Only the callers: everyone agreed, active yesterday, so running commands moves no figure. */
export async function seedCallers(tb: TestBot): Promise<void> {
  await insertMember(tb, {
    userId: ADMIN,
    displayName: 'Admin',
    yearsFrom: 2010,
    agreedVersion: CHARTER_VERSION,
    lastActiveAt: at(tb, -DAY),
  });
  await insertMember(tb, {
    userId: ORG,
    displayName: 'Org',
    yearsFrom: 2012,
    agreedVersion: CHARTER_VERSION,
    lastActiveAt: at(tb, -DAY),
    interests: ['python'],
  });
  await insertMember(tb, {
    userId: HR,
    displayName: null,
    yearsFrom: 2014,
    agreedVersion: CHARTER_VERSION,
    lastActiveAt: at(tb, -2 * DAY),
  });
  await grantRole(tb, ORG, 'organizer');
  await grantRole(tb, HR, 'hr');
}

/**
 * The community the figures in stats.test.ts are worked out from. Each line says what it is for;
 * the test file spells out every expected number.
 */
export async function seedCommunity(tb: TestBot): Promise<Seeded> {
  await seedCallers(tb);
  const fillerTags = ['a01', 'a02', 'a03', 'a04', 'a05', 'a06', 'a07', 'a08', 'a09'];
  // Complete; active 29 days ago (inside the window).
  await insertMember(tb, {
    userId: M1,
    displayName: 'Aiko',
    yearsFrom: 2015,
    agreedVersion: CHARTER_VERSION,
    lastActiveAt: at(tb, -29 * DAY),
    interests: ['python', 'design', 'go', ...fillerTags],
  });
  // No years: incomplete. Last active 31 days ago, but an RSVP 3 days ago makes them active.
  await insertMember(tb, {
    userId: M2,
    displayName: 'Ben',
    agreedVersion: CHARTER_VERSION,
    lastActiveAt: at(tb, -31 * DAY),
    interests: ['python'],
  });
  // No interests: incomplete. Active exactly 30 days ago: the window's first instant counts.
  await insertMember(tb, {
    userId: M3,
    displayName: 'Chie',
    yearsFrom: 2001,
    agreedVersion: CHARTER_VERSION,
    lastActiveAt: at(tb, -30 * DAY),
  });
  // Complete; never touched a command, last RSVP 45 days ago: not active.
  await insertMember(tb, {
    userId: M4,
    displayName: 'Dan',
    yearsFrom: 2018,
    agreedVersion: CHARTER_VERSION,
    interests: ['design'],
  });
  // Welcomed, never agreed.
  await insertMember(tb, { userId: M5 });
  // Agreed to an older version of the charter: still counted as agreed. Complete, active.
  await insertMember(tb, {
    userId: M6,
    displayName: 'Eri',
    yearsFrom: 2005,
    agreedVersion: '2025-01-01',
    lastActiveAt: at(tb, -10 * DAY),
    interests: ['python', 'tennis'],
  });
  // Welcomed, never agreed, with an old activity.
  await insertMember(tb, { userId: M7, lastActiveAt: at(tb, -60 * DAY) });

  // Upcoming: one in two days, one in progress (ends in the future), one cancelled (ignored).
  const soon = await insertEvent(tb, 'Tokyo meetup', 2 * DAY);
  await rsvp(tb, soon, M1, 'going', -35 * DAY);
  await rsvp(tb, soon, ORG, 'going', -5 * DAY);
  await rsvp(tb, soon, M2, 'maybe', -3 * DAY);
  await rsvp(tb, soon, HR, 'waitlist', -5 * DAY);
  await rsvp(tb, soon, M6, 'not_going', -50 * DAY);
  const now = await insertEvent(tb, 'Happening now', -HOUR);
  await rsvp(tb, now, M3, 'going', -35 * DAY);
  const cancelled = await insertEvent(tb, 'Cancelled party', 5 * DAY, { status: 'cancelled' });
  await rsvp(tb, cancelled, M1, 'going', -36 * DAY);

  // Past: six, oldest first; only the newest five are shown. A cancelled past one is ignored.
  const going = async (eventId: number, count: number, prefix: string) => {
    for (let i = 0; i < count; i += 1) await rsvp(tb, eventId, `U9P${prefix}${i}`, 'going', -70 * DAY);
  };
  await going(await insertEvent(tb, 'Oldest gathering', -60 * DAY), 5, 'A');
  const p2 = await insertEvent(tb, 'Summer BBQ', -50 * DAY);
  await rsvp(tb, p2, M4, 'going', -45 * DAY);
  await going(await insertEvent(tb, 'Career talk', -40 * DAY), 1, 'C');
  await going(await insertEvent(tb, 'Hackathon', -30 * DAY), 2, 'D');
  await insertEvent(tb, 'Quiet evening', -20 * DAY);
  const p6 = await insertEvent(tb, 'Year-end party <b>', -10 * DAY);
  await going(p6, 3, 'F');
  await rsvp(tb, p6, 'U9PFMAYBE', 'maybe', -70 * DAY);
  await rsvp(tb, p6, 'U9PFNOT', 'not_going', -70 * DAY);
  await going(await insertEvent(tb, 'Cancelled picnic', -5 * DAY, { status: 'cancelled' }), 4, 'G');

  // Roles.
  const backend = await insertJob(tb, 'Backend engineer', 'open', at(tb, -20 * DAY));
  for (const user of [M1, M2, M4, M6, ORG]) await step(tb, backend, user, 'shown');
  await step(tb, backend, M1, 'shown'); // a second digest showing it to the same member
  await step(tb, backend, null, 'shown'); // a member who erased their data
  await step(tb, backend, M1, 'curious');
  await step(tb, backend, M2, 'curious');
  await step(tb, backend, null, 'curious');
  await step(tb, backend, M1, 'apply_click');
  await step(tb, backend, M6, 'referral');
  await step(tb, backend, M6, 'referral');

  // Filled; posted at 20:00 UTC, which is already the next day in Tokyo.
  const data = await insertJob(tb, 'Data scientist', 'filled', '2026-09-25T20:00:00.000Z');
  for (const user of [M1, M4, M6]) await step(tb, data, user, 'shown');
  for (const user of [M4, M6]) await step(tb, data, user, 'curious');
  for (const user of [M4, M6]) await step(tb, data, user, 'apply_click');
  await step(tb, data, M4, 'hired');
  await step(tb, data, M1, 'referral');

  // Open, nothing but the posting: every rate has a zero denominator. Its title is a formula.
  const formula = await insertJob(tb, '=HYPERLINK("http://evil.example","Click")', 'open', at(tb, -5 * DAY));

  // Open; a member was curious and clicked apply straight from the channel, never shown in a digest.
  const designer = await insertJob(tb, 'Designer', 'open', at(tb, -3 * DAY));
  await step(tb, designer, M3, 'curious');
  await step(tb, designer, M3, 'apply_click');

  // Nine quiet open roles, newer first by number, so the report's top ten cuts the last two.
  const fillers: number[] = [];
  for (let i = 1; i <= 9; i += 1)
    fillers.push(await insertJob(tb, `Filler role ${i}`, 'open', at(tb, -30 * DAY - i * HOUR)));

  await tb.run(
    'INSERT INTO digest_prefs (user_id, frequency, updated_at) VALUES (?, ?, ?)',
    M1,
    'daily',
    at(tb, -DAY),
  );
  await tb.run(
    'INSERT INTO digest_prefs (user_id, frequency, updated_at) VALUES (?, ?, ?)',
    M2,
    'off',
    at(tb, -DAY),
  );
  return { jobs: { backend, data, formula, designer, fillers } };
}
