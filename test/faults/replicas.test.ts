/**
 * Several replicas, one Postgres (issue 10 §3): three bot processes, spawned as an operator runs them,
 * share one database and one (fake) Slack, with requests spread across them. While a digest goes to
 * 1,000 members, their availability re-asks are planned, an intro round is paired (an admin's
 * `intros run` on another replica, while the planners run theirs if this is a round week) and 300
 * announcements go to 20 channels, the same event is delivered to every replica, 30 members press
 * Going at once on a capacity-10 event, and (with the scheduler lease on) the lease holder is killed
 * with SIGKILL in the middle of delivery. Every post is counted by the outbox key in its metadata.
 * Real time throughout; every wait is bounded.
 */
import { Kysely, PostgresDialect } from 'kysely';
import { CommunityCharter } from '../../src/onboarding/community';
import { openPostgresPool } from '../../src/storage/postgres/connect';
import { migratePostgres } from '../../src/storage/postgres/migrate';
import type { Database } from '../../src/storage/schema';
import { FakeSlack } from '../support/fakeSlack';
import { createScratchDatabase, describeOnPostgres, type ScratchDatabase } from '../support/postgres';
import { postSigned } from '../support/signing';
import { keyOf } from '../scheduler/helpers';
import { freePort, healthy, slowProxy, startMain, until, type Running } from './processes';
import {
  accepted,
  acceptedByKey,
  actionBody,
  dmEvent,
  duplicatesAndLost,
  eventEnvelope,
  recordFigures,
  slashBody,
  type Json,
} from './support';

jest.setTimeout(240_000);

const SECRET = 'replica-test-signing-secret';
const ADMIN = 'UREPADMIN';
const MEMBERS = 1000;
const CHANNELS = 20;
const ANNOUNCEMENTS = 300;
const CAPACITY = 10;
const PRESSERS = 30;
const LEASE_SECONDS = 10;
const members = Array.from({ length: MEMBERS }, (_, i) => `UREP${String(i).padStart(4, '0')}`);
const channels = Array.from({ length: CHANNELS }, (_, i) => `C0REP${String(i).padStart(4, '0')}`);

interface Seeded {
  readonly eventId: number;
  /** Announcement id → [channel, due time], in order of due time. */
  readonly announcements: Map<number, [string, string]>;
}

/** A community as an operator's would be, written straight into the shared database. */
async function seed(sql: Kysely<Database>, now: Date): Promise<Seeded> {
  const version = CommunityCharter.load(CommunityCharter.defaultFile()).version;
  const at = new Date(now.getTime() - 86_400_000).toISOString();
  const iso = (ms: number): string => new Date(now.getTime() + ms).toISOString();
  const everyone = [ADMIN, ...members];
  for (let offset = 0; offset < everyone.length; offset += 500) {
    const batch = everyone.slice(offset, offset + 500);
    await sql
      .insertInto('members')
      .values(
        batch.map((user) => ({
          user_id: user,
          welcomed_at: at,
          agreed_version: version,
          agreed_at: at,
          last_active_at: at,
          created_at: at,
        })),
      )
      .execute();
    await sql
      .insertInto('member_interests')
      .values(batch.map((user) => ({ user_id: user, tag: 'go', added_at: at })))
      .execute();
    // The admin runs things; the members are the ones introduced and re-asked.
    const alumni = batch.filter((user) => user !== ADMIN);
    await sql
      .insertInto('intro_prefs')
      .values(alumni.map((user) => ({ user_id: user, status: 'on', updated_at: at })))
      .execute();
    // A flag that lapses in three days: each member is due one re-ask.
    await sql
      .insertInto('member_availability')
      .values(
        alumni.map((user) => ({
          user_id: user,
          flag: 'mentoring',
          since: at,
          expires_at: iso(3 * 86_400_000),
        })),
      )
      .execute();
  }
  const job = await sql
    .insertInto('jobs')
    .values({
      title: 'Go engineer',
      team: 'Platform',
      location: 'Tokyo',
      work_style: 'hybrid',
      employment_type: 'full_time',
      apply_url: 'https://jobs.example.com/go',
      recruiter: ADMIN,
      posted_by: ADMIN,
      status: 'open',
      created_at: at,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await sql.insertInto('job_tags').values({ job_id: job.id, tag: 'go' }).execute();
  const event = await sql
    .insertInto('events')
    .values({
      title: 'Capacity ten',
      starts_at: iso(7 * 86_400_000),
      ends_at: iso(7 * 86_400_000 + 7_200_000),
      channel: channels[0] ?? '',
      capacity: CAPACITY,
      reminders: '[]',
      created_by: ADMIN,
      created_at: at,
      status: 'scheduled',
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await sql
    .insertInto('audience_channels')
    .values(channels.map((channel) => ({ channel_id: channel, is_private: 0, checked_at: iso(0) })))
    .execute();
  // 300 one-off announcements, 15 per channel, already due at staggered times.
  const announcements = new Map<number, [string, string]>();
  for (let n = 0; n < ANNOUNCEMENTS; n += 1) {
    const channel = channels[n % CHANNELS] ?? '';
    const due = iso(-60_000 + n * 10);
    const row = await sql
      .insertInto('announcements')
      .values({
        channel,
        text: `Announcement ${n} for ${channel}`,
        first_at: due,
        repeat: 'none',
        time_zone: 'UTC',
        author: ADMIN,
        created_at: at,
        status: 'active',
        next_at: due,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    announcements.set(row.id, [channel, due]);
  }
  return { eventId: event.id, announcements };
}

/** Members in the intro groups posted, counted from the keys (`intro:<round>:<a>,<b>`). */
function introMembers(counts: ReadonlyMap<string, number>): number {
  return [...counts.keys()].reduce((n, key) => n + key.slice(key.lastIndexOf(':') + 1).split(',').length, 0);
}

async function runScenario(lease: boolean): Promise<Json> {
  const scratch: ScratchDatabase = await createScratchDatabase();
  const pool = openPostgresPool(scratch.url, { maxConnections: 4 });
  const sql = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
  const fake = await FakeSlack.start();
  const proxy = await slowProxy(fake);
  const replicas: { running: Running; port: number }[] = [];
  try {
    await migratePostgres(pool);
    const now = new Date();
    const seeded = await seed(sql, now);
    for (const channel of channels) fake.declareChannel(channel, { isPrivate: false, members: [] });
    const env = (port: number): Record<string, string> => ({
      SLACK_BOT_TOKEN: 'xoxb-replica-test',
      SLACK_SIGNING_SECRET: SECRET,
      SLACK_API_URL: proxy.url,
      PORT: String(port),
      DATABASE_URL: scratch.url,
      ADMIN_USER_IDS: ADMIN,
      SCHEDULER_CRON: '*/1 * * * * *',
      SCHEDULER_LEASE: lease ? 'on' : 'off',
      SCHEDULER_LEASE_SECONDS: String(LEASE_SECONDS),
      // No scheduled round near now (1 January only): the round under test is the admin's.
      INTROS_CRON: '0 0 1 1 *',
      BULK_POSTS_PER_SECOND: '1000',
      LOG_LEVEL: 'info',
    });
    for (let n = 0; n < 3; n += 1) {
      const port = await freePort();
      replicas.push({ running: startMain(process.cwd(), env(port)), port });
    }
    await Promise.all(replicas.map(({ running, port }) => healthy(running, port)));
    const url = (n: number): string =>
      `http://127.0.0.1:${replicas[n % replicas.length]?.port ?? 0}/slack/events`;
    const send = (
      n: number,
      body: string,
      contentType: 'application/json' | 'application/x-www-form-urlencoded',
    ): ReturnType<typeof postSigned> => postSigned(url(n), body, { signingSecret: SECRET, contentType });

    // The digest run starts on replica 0.
    const digestRun = slashBody(fake, ADMIN, 'digest send');
    expect((await send(0, digestRun.body, 'application/x-www-form-urlencoded')).status).toBe(200);

    // An intro round, started on replica 1 while replica 0's digest is planned and delivered.
    const introRun = slashBody(fake, ADMIN, 'intros run');
    expect((await send(1, introRun.body, 'application/x-www-form-urlencoded')).status).toBe(200);

    // One event, delivered to every replica (Slack's retries can land anywhere): one answer.
    const event = dmEvent(members[0] ?? '', 'help');
    const envelope = eventEnvelope(event, 'Ev0REPLICA1');
    const deliveries = await Promise.all([0, 1, 2].map((n) => send(n, envelope, 'application/json')));
    expect(deliveries.map((d) => d.status)).toEqual([200, 200, 200]);

    // 30 members press Going on the capacity-10 event at once, spread across the replicas.
    const presses = await Promise.all(
      members.slice(0, PRESSERS).map((user, n) => {
        const { body } = actionBody(fake, user, 'event.rsvp.going', String(seeded.eventId));
        return send(n, body, 'application/x-www-form-urlencoded');
      }),
    );
    expect(presses.every((p) => p.status === 200)).toBe(true);

    // With the lease, kill its holder in the middle of delivery and time the takeover.
    let takeoverMs: number | null = null;
    const digests = (): Map<string, number> => acceptedByKey(fake, 'digest:');
    if (lease) {
      await until(
        () => digests().size >= 300,
        60_000,
        () => `only ${digests().size} digests`,
        5,
      );
      const holder = await sql
        .selectFrom('leases')
        .select('holder')
        .where('name', '=', 'default:scheduler')
        .executeTakeFirstOrThrow();
      const victim = replicas.find(({ running }) => holder.holder.includes(`/${running.child.pid}/`));
      const killed = victim ?? replicas[0];
      killed?.running.child.kill('SIGKILL');
      const killedAt = Date.now();
      await until(
        async () => {
          const now2 = new Date().toISOString();
          const current = await sql
            .selectFrom('leases')
            .select(['holder', 'expires_at'])
            .where('name', '=', 'default:scheduler')
            .executeTakeFirst();
          return current !== undefined && current.holder !== holder.holder && current.expires_at > now2;
        },
        (LEASE_SECONDS + 10) * 1000,
        () => 'no other replica took the lease',
        100,
      );
      takeoverMs = Date.now() - killedAt;
    }

    // Everything arrives, once.
    const expectedDigests = members.map((user) => user);
    await until(
      () =>
        digests().size >= MEMBERS &&
        acceptedByKey(fake, 'announce:').size >= ANNOUNCEMENTS &&
        acceptedByKey(fake, 'availability:').size >= MEMBERS &&
        introMembers(acceptedByKey(fake, 'intro:')) >= MEMBERS,
      180_000,
      () =>
        `${digests().size} digests, ${acceptedByKey(fake, 'announce:').size} announcements, ${acceptedByKey(fake, 'availability:').size} re-asks, ${introMembers(acceptedByKey(fake, 'intro:'))} members introduced`,
      100,
    );
    await new Promise((resolve) => setTimeout(resolve, 3000)); // a few more ticks: nothing late or twice

    const digestCounts = digests();
    const runKey = [...digestCounts.keys()][0]?.replace(/:[^:]+$/, '') ?? '';
    expect(
      duplicatesAndLost(
        digestCounts,
        expectedDigests.map((user) => `${runKey}:${user}`),
      ),
    ).toEqual({
      duplicated: [],
      lost: [],
    });
    const announceCounts = acceptedByKey(fake, 'announce:');
    expect(
      duplicatesAndLost(
        announceCounts,
        [...seeded.announcements].map(([id, [, due]]) => `announce:${id}:${due}`),
      ),
    ).toEqual({ duplicated: [], lost: [] });
    // Posts in due order per channel: what the lease gives (one pacer). Without it, replicas deliver
    // side by side and a channel's posts may interleave; that is counted, not required (issue 10 §2:
    // correctness, not order, must not depend on the lease).
    let outOfOrder = 0;
    for (const channel of channels) {
      const dues = fake
        .callsTo('chat.postMessage')
        .filter(
          (call) => call.args.channel === channel && accepted(call) && keyOf(call)?.startsWith('announce:'),
        )
        .map((call) => seeded.announcements.get(Number(keyOf(call)?.split(':')[1]))?.[1] ?? '');
      outOfOrder += dues.filter((due, n) => n > 0 && due < (dues[n - 1] ?? '')).length;
      if (lease) expect({ channel, dues }).toEqual({ channel, dues: [...dues].sort() });
    }
    // One re-ask per member.
    const reasks = acceptedByKey(fake, 'availability:');
    const perMember = new Map<string, number>();
    for (const [key, count] of reasks) {
      const user = key.split(':')[1] ?? '';
      perMember.set(user, (perMember.get(user) ?? 0) + count);
    }
    expect([...perMember.values()].filter((n) => n !== 1)).toEqual([]);
    expect([...perMember.keys()].filter((user) => !members.includes(user))).toEqual([]);
    expect(perMember.size).toBe(MEMBERS);
    // Exactly ten going, the others waitlisted.
    const rsvps = await sql
      .selectFrom('event_rsvps')
      .select(['status'])
      .where('event_id', '=', seeded.eventId)
      .execute();
    expect(rsvps.filter((r) => r.status === 'going')).toHaveLength(CAPACITY);
    expect(rsvps.filter((r) => r.status === 'waitlist')).toHaveLength(PRESSERS - CAPACITY);
    // The event delivered three times was answered once.
    const helpReplies = fake
      .callsTo('chat.postMessage')
      .filter((call) => call.args.channel === event.channel && accepted(call));
    expect(helpReplies).toHaveLength(1);
    // The intro round: every member in exactly one group, one group DM per group, one summary.
    const introCounts = acceptedByKey(fake, 'intro:');
    expect([...introCounts.values()].filter((n) => n !== 1)).toEqual([]);
    expect(introMembers(introCounts)).toBe(MEMBERS);
    const placed = await sql.selectFrom('intro_members').select('user_id').execute();
    const ids = placed.map((row) => row.user_id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids).toHaveLength(MEMBERS);
    expect([...acceptedByKey(fake, 'intro-report:').values()]).toEqual([1]);
    const figures = {
      lease,
      digests: digestCounts.size,
      announcements: announceCounts.size,
      reasks: perMember.size,
      introGroups: introCounts.size,
      going: CAPACITY,
      announcementsOutOfOrder: outOfOrder,
      takeoverMs,
    };
    recordFigures(`replicas-lease-${lease ? 'on' : 'off'}`, figures);
    return figures;
  } finally {
    for (const { running } of replicas)
      if (running.child.exitCode === null && running.child.signalCode === null) running.child.kill('SIGKILL');
    await Promise.all(replicas.map(({ running }) => running.exited));
    await proxy.close();
    await fake.stop();
    await sql.destroy();
    await scratch.drop();
  }
}

describeOnPostgres('three replicas on one Postgres', () => {
  it('with the scheduler lease: 0 duplicated, 0 lost, 10 going, one re-ask each, takeover after kill -9', async () => {
    const figures = await runScenario(true);
    expect(figures.takeoverMs).not.toBeNull();
    expect(Number(figures.takeoverMs)).toBeLessThanOrEqual((LEASE_SECONDS + 2) * 1000);
  });

  it('without the lease: every replica plans and delivers, and still nothing goes twice', async () => {
    await runScenario(false);
  });
});
