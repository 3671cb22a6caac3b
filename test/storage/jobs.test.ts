import type { Job, JobInput } from '../../src/jobs/types';
import { JobRepository } from '../../src/storage/jobs';
import type { Sql } from '../../src/storage/schema';
import { Store } from '../../src/storage/store';
import { describeOnEachEngine } from '../support/engines';

const T0 = new Date('2026-12-01T10:00:00.000Z');
const T1 = new Date('2026-12-02T09:30:00.000Z');
const T2 = new Date('2026-12-03T08:15:00.000Z');

const input: JobInput = {
  title: 'Staff engineer',
  team: 'Platform',
  location: 'Tokyo',
  workStyle: 'hybrid',
  employmentType: 'contract',
  description: 'Keeps the lights on',
  applyUrl: 'https://example.com/apply',
  tags: ['rust', 'golang', 'テニス'],
  recruiter: 'UREC',
  closesOn: '2026-12-24',
  channel: 'CJOBS',
};

/** A queued DM, as the outbox would hold it: only key and status matter to the erasure. */
async function queue(sql: Sql, key: string, status = 'pending'): Promise<void> {
  const at = T0.toISOString();
  await sql
    .insertInto('outbox')
    .values({
      kind: 'job_curious',
      key,
      channel: 'UREC',
      payload: '{}',
      due_at: at,
      next_attempt_at: at,
      status,
      created_at: at,
      updated_at: at,
    })
    .execute();
}

describeOnEachEngine('job repository', (engine) => {
  test('a role, its tags, card, close and fill read back as written', async () => {
    const jobs = new JobRepository(new Store(engine().connect()));
    const id = await jobs.insert(input, 'UPOST', T0);
    const expected: Job = {
      id,
      title: 'Staff engineer',
      team: 'Platform',
      location: 'Tokyo',
      workStyle: 'hybrid',
      employmentType: 'contract',
      description: 'Keeps the lights on',
      applyUrl: 'https://example.com/apply',
      tags: ['golang', 'rust', 'テニス'],
      recruiter: 'UREC',
      postedBy: 'UPOST',
      closesOn: '2026-12-24',
      status: 'open',
      createdAt: T0,
      closedAt: null,
      cardChannel: 'CJOBS',
      cardTs: null,
    };
    expect(await jobs.get(id)).toEqual(expected);
    await jobs.setCard(id, 'CJOBS2', '1700000000.000100');
    expect(await jobs.get(id)).toEqual({ ...expected, cardChannel: 'CJOBS2', cardTs: '1700000000.000100' });
    expect((await jobs.open()).find((job) => job.id === id)?.tags).toEqual(expected.tags);
    expect(await jobs.close(id, T1)).toBe(true);
    expect(await jobs.close(id, T2)).toBe(false);
    expect(await jobs.fill(id, T2)).toBe(true);
    expect(await jobs.fill(id, T2)).toBe(false);
    // Filling a closed role keeps the day it closed.
    expect(await jobs.get(id)).toMatchObject({ status: 'filled', closedAt: T1 });
    expect(await jobs.get(id + 1000)).toBeUndefined();
  });

  test('a role without optional fields or tags; expired roles are the open ones past their last day', async () => {
    const jobs = new JobRepository(new Store(engine().connect()));
    const bare = await jobs.insert(
      { ...input, team: null, location: null, description: null, tags: [], closesOn: null },
      'UPOST',
      T0,
    );
    expect(await jobs.get(bare)).toMatchObject({ team: null, location: null, description: null, tags: [] });
    const lastDay = await jobs.insert({ ...input, closesOn: '2026-12-10' }, 'UPOST', T0);
    const over = await jobs.insert({ ...input, closesOn: '2026-12-09' }, 'UPOST', T0);
    const expired = (await jobs.expired('2026-12-10')).map((job) => job.id);
    expect(expired).toContain(over);
    expect(expired).not.toContain(lastDay);
    expect(expired).not.toContain(bare);
  });

  test('referrals read back as written, move once per status, and count in the funnel', async () => {
    const jobs = new JobRepository(new Store(engine().connect()));
    const jobId = await jobs.insert(input, 'UPOST', T0);
    const referralInput = {
      candidateName: 'Hanako',
      contact: 'hanako@example.com',
      relationship: 'Former teammate',
      note: 'Great at on-call',
    };
    const id = await jobs.insertReferral(jobId, 'UREF', referralInput, T1);
    expect(await jobs.referral(id)).toEqual({
      id,
      jobId,
      referrer: 'UREF',
      ...referralInput,
      status: 'new',
      createdAt: T1,
      updatedAt: null,
    });
    expect(await jobs.moveReferral(id, 'interviewing', T2)).toBe(true);
    expect(await jobs.moveReferral(id, 'interviewing', T2)).toBe(false);
    expect(await jobs.referral(id)).toMatchObject({ status: 'interviewing', updatedAt: T2 });
    await jobs.insertReferral(jobId, 'UREF', { ...referralInput, relationship: null, note: null }, T2);
    expect(await jobs.funnel(jobId)).toMatchObject({ referrals: 2 });
  });

  test('funnel: members once per step, erased members each once, steps recorded once', async () => {
    const jobs = new JobRepository(new Store(engine().connect()));
    const jobId = await jobs.insert(input, 'UPOST', T0);
    // 'shown' may repeat (two digests); it still counts the member once.
    await jobs.recordStep(jobId, 'UA', 'shown', T0);
    await jobs.recordStep(jobId, 'UA', 'shown', T1);
    await jobs.recordStep(jobId, 'UB', 'shown', T1);
    await jobs.recordStep(jobId, null, 'shown', T1);
    await jobs.recordStep(jobId, null, 'shown', T1);
    expect(await jobs.recordStep(jobId, 'UA', 'curious', T1)).toBe(true);
    expect(await jobs.recordStep(jobId, 'UA', 'curious', T2)).toBe(false);
    expect(await jobs.recordStep(jobId, 'UA', 'apply_click', T2)).toBe(true);
    expect(await jobs.recordStep(jobId, 'UB', 'hired', T2)).toBe(true);
    expect(await jobs.hasStep(jobId, 'UA', 'curious')).toBe(true);
    expect(await jobs.hasStep(jobId, 'UB', 'curious')).toBe(false);
    expect(await jobs.funnel(jobId)).toEqual({
      shown: 4,
      curious: 1,
      applyClicks: 1,
      referrals: 0,
      hired: 1,
    });
  });

  test('export and erasure: names go, counts stay, queued DMs naming the member go', async () => {
    const sql = engine().connect();
    const jobs = new JobRepository(new Store(sql));
    const jobId = await jobs.insert({ ...input, recruiter: 'UERASE' }, 'UERASE', T0);
    await jobs.setCard(jobId, 'CJOBS', '1.2');
    await jobs.recordStep(jobId, 'UERASE', 'curious', T1);
    const referralId = await jobs.insertReferral(
      jobId,
      'UERASE',
      { candidateName: 'Ken', contact: 'ken@example.com', relationship: 'Friend', note: 'Kind' },
      T1,
    );
    expect(await jobs.exportMember('UERASE')).toEqual({
      funnelSteps: [
        { job_id: jobId, title: input.title, step: 'posted', at: T0.toISOString() },
        { job_id: jobId, title: input.title, step: 'curious', at: T1.toISOString() },
        { job_id: jobId, title: input.title, step: 'referral', at: T1.toISOString() },
      ],
      referralsMade: [
        {
          id: referralId,
          job_id: jobId,
          title: input.title,
          candidate_name: 'Ken',
          contact: 'ken@example.com',
          relationship: 'Friend',
          note: 'Kind',
          status: 'new',
          created_at: T1.toISOString(),
          updated_at: null,
        },
      ],
      roles: [
        {
          id: jobId,
          title: input.title,
          status: 'open',
          created_at: T0.toISOString(),
          recruiter: true,
          posted: true,
        },
      ],
    });
    await queue(sql, `job:${jobId}:curious:UERASE`);
    await queue(sql, `job:${jobId}:curious:UERASE`.replace('UERASE', 'UERASEX'));
    await queue(sql, `job:${jobId}:referral:9:UERASE`, 'sending');
    await queue(sql, `event:1:reminder:UERASE`);
    expect(await jobs.eraseMember('UERASE')).toEqual({ jobCards: [jobId] });
    expect(await jobs.get(jobId)).toMatchObject({ recruiter: null, postedBy: null });
    expect(await jobs.referral(referralId)).toMatchObject({ referrer: null, relationship: null, note: null });
    expect(await jobs.funnel(jobId)).toMatchObject({ curious: 1, referrals: 1 });
    expect(await jobs.exportMember('UERASE')).toEqual({ funnelSteps: [], referralsMade: [], roles: [] });
    const left = await sql.selectFrom('outbox').select('key').orderBy('key').execute();
    expect(left.map((row) => row.key)).toEqual([
      'event:1:reminder:UERASE',
      `job:${jobId}:curious:UERASEX`,
      `job:${jobId}:referral:9:UERASE`,
    ]);
  });

  test("erasing an id with LIKE wildcards in it removes only that id's queued DMs", async () => {
    const sql = engine().connect();
    const jobs = new JobRepository(new Store(sql));
    await queue(sql, 'job:77:curious:U_WILD');
    await queue(sql, 'job:77:curious:UXWILD');
    await jobs.eraseMember('U_WILD');
    const left = await sql.selectFrom('outbox').select('key').where('key', 'like', 'job:77:%').execute();
    expect(left.map((row) => row.key)).toEqual(['job:77:curious:UXWILD']);
  });
});
