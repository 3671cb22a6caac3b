import type { OpenToFlag } from '../../src/members/types';
import { AvailabilityRepository } from '../../src/storage/availability';
import { MemberRepository } from '../../src/storage/members';
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
    await repo.markAsked('URT1', ['comeback', 'mentoring'], T0);
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
});
