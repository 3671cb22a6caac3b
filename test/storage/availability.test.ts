import { LogLevel } from '@slack/bolt';
import { AudienceService } from '../../src/audience/service';
import { AvailabilityService } from '../../src/availability/service';
import { ManualClock } from '../../src/clock';
import type { OutboxPort } from '../../src/events/service';
import { LineLogger } from '../../src/logger';
import { NagLog } from '../../src/members/nags';
import type { OpenToFlag } from '../../src/members/types';
import { RoleService } from '../../src/roles/service';
import type { ScheduleRequest } from '../../src/scheduler/types';
import { AudienceRepository } from '../../src/storage/audience';
import { AvailabilityRepository } from '../../src/storage/availability';
import { MemberRepository } from '../../src/storage/members';
import { NagRepository } from '../../src/storage/nags';
import { RoleRepository } from '../../src/storage/roles';
import type { Sql } from '../../src/storage/schema';
import { Store } from '../../src/storage/store';
import { describeOnEachEngine } from '../support/engines';

const DAY = 86_400_000;
const T0 = new Date('2026-11-24T01:00:00.000Z');
const plus = (ms: number): Date => new Date(T0.getTime() + ms);

async function seedMember(
  store: Store,
  userId: string,
  openTo: readonly OpenToFlag[],
  until: Date,
  extra: { visibility?: 'all' | 'staff' | 'nobody'; interests?: readonly string[] } = {},
): Promise<void> {
  const members = new MemberRepository(store);
  await members.ensure(userId, T0);
  await members.agree(userId, 'v1', T0);
  await members.saveProfile(
    userId,
    {
      displayName: `Name ${userId}`,
      yearsFrom: 2015,
      yearsTo: 2020,
      company: 'Acme',
      title: 'Engineer',
      location: 'Tokyo',
      bio: null,
      visibility: extra.visibility ?? 'all',
      openTo,
      interests: extra.interests ?? [],
    },
    T0,
    until,
  );
}

/**
 * The outbox's contract for scheduling (a unique key, inserted once with ON CONFLICT DO NOTHING,
 * in the caller's transaction), written on the Store so it runs on both engines while the outbox
 * repository itself is still on better-sqlite3.
 */
class OutboxTable implements OutboxPort {
  constructor(private readonly store: Store) {}

  async schedule(request: ScheduleRequest): Promise<boolean> {
    const at = request.dueAt.toISOString();
    const result = await this.store.sql
      .insertInto('outbox')
      .values({
        kind: request.kind,
        key: request.key,
        channel: request.channel,
        payload: JSON.stringify(request.message),
        due_at: at,
        expires_at: request.expiresAt?.toISOString() ?? null,
        next_attempt_at: at,
        created_at: at,
        updated_at: at,
      })
      .onConflict((conflict) => conflict.column('key').doNothing())
      .executeTakeFirst();
    return result.numInsertedOrUpdatedRows === 1n;
  }

  scheduleSkipped(): Promise<boolean> {
    return Promise.reject(new Error('not used by the re-ask'));
  }

  cancel(): Promise<number> {
    return Promise.reject(new Error('not used by the re-ask'));
  }
}

/** One replica's availability service over its own handle to the shared database. */
function replica(store: Store, now: Date, beforeTransaction: () => Promise<void>): AvailabilityService {
  const clock = new ManualClock(now);
  const logger = new LineLogger(LogLevel.ERROR, () => undefined);
  return new AvailabilityService({
    repository: new AvailabilityRepository(store),
    roles: new RoleService(new RoleRepository(store), [], clock),
    audience: new AudienceService({
      repository: new AudienceRepository(store),
      directory: {
        describe: () => Promise.reject(new Error('Slack is not called by the re-ask')),
        members: () => Promise.reject(new Error('Slack is not called by the re-ask')),
      },
      clock,
      logger,
    }),
    outbox: new OutboxTable(store),
    nags: new NagLog(new NagRepository(store)),
    messages: { ask: (flags) => ({ text: `ask ${flags.map((f) => f.flag).join(',')}` }) },
    knownLocalesOf: async () => {
      await beforeTransaction();
      return () => 'en';
    },
    clock,
    logger,
  });
}

/** Resolves for everyone once `parties` have arrived, so the replicas open their transactions together. */
function startingLine(parties: number): () => Promise<void> {
  let arrived = 0;
  let go: () => void = () => undefined;
  const all = new Promise<void>((resolve) => {
    go = resolve;
  });
  return () => {
    arrived += 1;
    if (arrived === parties) go();
    return all;
  };
}

describeOnEachEngine('availability storage', (engine) => {
  test('round trip: every column of a flag is written and read back; keep, mark, drop and lapse', async () => {
    const store = new Store(engine().connect());
    const repo = new AvailabilityRepository(store);
    const until = plus(6 * DAY);
    await seedMember(store, 'URT1', ['comeback', 'mentoring'], until);
    expect(await repo.held('URT1', T0)).toEqual([
      { flag: 'comeback', since: T0, expiresAt: until, askedAt: null },
      { flag: 'mentoring', since: T0, expiresAt: until, askedAt: null },
    ]);
    expect(await repo.dueForAsk(T0, plus(7 * DAY))).toContain('URT1');
    expect(await repo.toAsk('URT1', T0, plus(37 * DAY))).toEqual([
      { flag: 'comeback', expiresAt: until },
      { flag: 'mentoring', expiresAt: until },
    ]);
    expect(await repo.markAsked('URT1', ['comeback', 'mentoring'], T0, plus(37 * DAY))).toBe(true);
    expect((await repo.held('URT1', T0)).map((h) => h.askedAt)).toEqual([T0, T0]);
    expect(await repo.dueForAsk(T0, plus(7 * DAY))).not.toContain('URT1');

    const later = plus(2 * DAY);
    const kept = plus(92 * DAY);
    expect(await repo.keep('URT1', 'comeback', later, kept)).toBe(true);
    expect(await repo.held('URT1', later)).toEqual([
      { flag: 'comeback', since: T0, expiresAt: kept, askedAt: null },
      { flag: 'mentoring', since: T0, expiresAt: until, askedAt: T0 },
    ]);
    expect(await repo.drop('URT1', 'comeback')).toBe(true);
    expect(await repo.drop('URT1', 'comeback')).toBe(false);
    expect(await repo.keep('URT1', 'comeback', later, kept)).toBe(false);
    expect(await repo.lapse(until)).toContainEqual({ userId: 'URT1', flag: 'mentoring' });
    expect(await repo.held('URT1', until)).toEqual([]);
  });

  test('markAsked is all or nothing: a flag someone else asked about undoes the others', async () => {
    const store = new Store(engine().connect());
    const repo = new AvailabilityRepository(store);
    await seedMember(store, 'UMA1', ['referrals', 'speaking'], plus(6 * DAY));
    const window = plus(37 * DAY);
    expect(await repo.markAsked('UMA1', ['referrals'], T0, window)).toBe(true);
    expect(await repo.markAsked('UMA1', ['referrals', 'speaking'], plus(1_000), window)).toBe(false);
    expect((await repo.held('UMA1', T0)).map((h) => [h.flag, h.askedAt])).toEqual([
      ['referrals', T0],
      ['speaking', null],
    ]);
    // A flag outside the window being asked about is not marked either.
    expect(await repo.markAsked('UMA1', ['speaking'], T0, plus(DAY))).toBe(false);
  });

  test('talent candidates and a role’s tags', async () => {
    const store = new Store(engine().connect());
    const repo = new AvailabilityRepository(store);
    const until = plus(80 * DAY);
    await seedMember(store, 'UTC1', ['comeback'], until, { visibility: 'staff', interests: ['go', 'rust'] });
    await seedMember(store, 'UTC2', ['comeback'], until, { visibility: 'nobody', interests: ['go'] });
    await seedMember(store, 'UTC3', ['mentoring'], until, { interests: ['go'] });
    await new MemberRepository(store).touch('UTC1', plus(DAY));
    const candidates = (await repo.talentCandidates(plus(2 * DAY))).filter((c) => c.userId.startsWith('UTC'));
    expect(candidates).toEqual([
      {
        userId: 'UTC1',
        displayName: 'Name UTC1',
        title: 'Engineer',
        company: 'Acme',
        location: 'Tokyo',
        yearsFrom: 2015,
        yearsTo: 2020,
        visibility: 'staff',
        interests: ['go', 'rust'],
        comebackUntil: until,
        lastActiveAt: plus(DAY).toISOString(),
      },
    ]);
    expect(await repo.talentCandidates(until)).toEqual([]);

    const job = await store.sql
      .insertInto('jobs')
      .values({
        title: 'Platform engineer',
        work_style: 'remote',
        employment_type: 'full_time',
        apply_url: 'https://example.com/apply',
        created_at: T0.toISOString(),
        card_channel: 'C0JOBS',
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await store.sql
      .insertInto('job_tags')
      .values([
        { job_id: job.id, tag: 'rust' },
        { job_id: job.id, tag: 'go' },
      ])
      .execute();
    expect(await repo.job(job.id)).toEqual({
      title: 'Platform engineer',
      tags: ['go', 'rust'],
      cardChannel: 'C0JOBS',
    });
    expect(await repo.job(job.id + 1000)).toBeUndefined();
  });

  test('two replicas planning the re-ask at once send one DM and record one nag per member', async () => {
    const first = engine().connect();
    // Two SQLite handles in one thread would block it on the file lock (busy_timeout is a synchronous
    // wait), so on SQLite the replicas share the handle, whose queue serializes their transactions as
    // BEGIN IMMEDIATE does between processes. On Postgres each replica has its own pool.
    const second: Sql = engine().name === 'sqlite' ? first : engine().connect();
    const [storeA, storeB] = [new Store(first), new Store(second)];
    const users = ['URA1', 'URA2', 'URA3', 'URA4', 'URA5'];
    const expiry = plus(6 * DAY);
    for (const user of users) await seedMember(storeA, user, ['comeback', 'speaking'], expiry);

    const together = startingLine(2);
    // Each replica plans on its own clock, a second apart: a key made from the time of planning
    // would differ between them.
    await Promise.all([
      replica(storeA, T0, together).plan(T0),
      replica(storeB, plus(1_000), together).plan(plus(1_000)),
    ]);

    const dms = await storeA.sql
      .selectFrom('outbox')
      .select(['channel', 'key'])
      .where('kind', '=', 'availability_ask')
      .where('channel', 'in', users)
      .orderBy('channel')
      .execute();
    expect(dms).toEqual(
      users.map((user) => ({ channel: user, key: `availability:${user}:${expiry.toISOString()}` })),
    );
    const nags = await storeA.sql
      .selectFrom('member_nags')
      .select(['user_id', 'kind', 'ref'])
      .where('user_id', 'in', users)
      .orderBy('user_id')
      .execute();
    expect(nags).toEqual(
      users.map((user) => ({
        user_id: user,
        kind: 'availability',
        ref: `availability:${user}:${expiry.toISOString()}`,
      })),
    );
    const repo = new AvailabilityRepository(storeA);
    for (const user of users)
      for (const held of await repo.held(user, T0)) expect(held.askedAt).not.toBeNull();
  });
});
