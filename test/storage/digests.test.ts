import { DigestRepository } from '../../src/storage/digests';
import { Store } from '../../src/storage/store';
import { describeOnEachEngine } from '../support/engines';

const T0 = new Date('2026-11-30T00:00:00.000Z');
const at = (hours: number): Date => new Date(T0.getTime() + hours * 3_600_000);

describeOnEachEngine('digest repository', (engine) => {
  let store: Store;
  let digests: DigestRepository;

  beforeAll(async () => {
    store = new Store(engine().connect());
    digests = new DigestRepository(store);
    const sql = store.sql;
    const iso = T0.toISOString();
    await sql
      .insertInto('members')
      .values([
        { user_id: 'UD1', created_at: iso, agreed_at: iso, agreed_version: 'v1' },
        { user_id: 'UD2', created_at: iso, agreed_at: iso, agreed_version: 'v1' },
        { user_id: 'UD3', created_at: iso, agreed_at: iso, agreed_version: 'v1' },
        { user_id: 'UD4', created_at: iso },
      ])
      .execute();
    await sql
      .insertInto('member_interests')
      .values([
        { user_id: 'UD1', tag: 'go', added_at: iso },
        { user_id: 'UD1', tag: 'rust', added_at: iso },
        { user_id: 'UD2', tag: 'design', added_at: iso },
        { user_id: 'UD4', tag: 'go', added_at: iso },
      ])
      .execute();
    await sql
      .insertInto('jobs')
      .values([
        {
          id: 101,
          title: 'Go engineer',
          team: 'Platform',
          location: 'Tokyo',
          work_style: 'hybrid',
          employment_type: 'full_time',
          apply_url: 'https://jobs.example.com/101',
          status: 'open',
          created_at: iso,
          card_channel: 'CJOBS',
        },
        {
          id: 102,
          title: 'Closed role',
          work_style: 'remote',
          employment_type: 'contract',
          apply_url: 'https://jobs.example.com/102',
          status: 'closed',
          created_at: iso,
        },
      ])
      .execute();
    await sql
      .insertInto('job_tags')
      .values([
        { job_id: 101, tag: 'go' },
        { job_id: 101, tag: 'backend' },
        { job_id: 102, tag: 'go' },
      ])
      .execute();
    await sql
      .insertInto('events')
      .values([
        {
          id: 201,
          title: 'Design meetup',
          starts_at: at(48).toISOString(),
          ends_at: at(50).toISOString(),
          place: 'Shibuya',
          url: 'https://example.com/meetup',
          channel: 'CEVENTS',
          card_channel: 'CCARDS',
          created_at: iso,
          status: 'scheduled',
        },
        {
          id: 202,
          title: 'Too far ahead',
          starts_at: at(24 * 60).toISOString(),
          ends_at: at(24 * 60 + 1).toISOString(),
          channel: 'CEVENTS',
          created_at: iso,
          status: 'scheduled',
        },
      ])
      .execute();
    await sql.insertInto('event_tags').values({ event_id: 201, tag: 'design' }).execute();
    await sql
      .insertInto('event_rsvps')
      .values({ event_id: 201, user_id: 'UD3', status: 'going', display_name: 'D3', responded_at: iso })
      .execute();
  });

  test('preferences: unset, then each frequency read back', async () => {
    expect(await digests.frequencyOf('UD1')).toBeUndefined();
    await digests.setFrequency('UD1', 'daily', T0);
    expect(await digests.frequencyOf('UD1')).toBe('daily');
    await digests.setFrequency('UD1', 'off', at(1));
    expect(await digests.frequencyOf('UD1')).toBe('off');
    await digests.setFrequency('UD1', 'weekly', at(2));
    expect(await digests.frequencyOf('UD1')).toBe('weekly');
  });

  test('recipients by cadence (no choice counts as weekly; manual is everyone not off), with interests', async () => {
    await digests.setFrequency('UD2', 'daily', T0);
    await digests.setFrequency('UD3', 'off', T0);
    const byId = (list: { userId: string; interests: string[] }[]) =>
      Object.fromEntries(list.map((r) => [r.userId, [...r.interests].sort()]));
    expect(byId(await digests.recipientsPage('weekly', null, 100))).toEqual({ UD1: ['go', 'rust'] });
    expect(byId(await digests.recipientsPage('daily', null, 100))).toEqual({ UD2: ['design'] });
    expect(byId(await digests.recipientsPage('manual', null, 100))).toEqual({
      UD1: ['go', 'rust'],
      UD2: ['design'],
    });
    // Keyset pages in user_id order: each member once, a page's interests only its own.
    const first = await digests.recipientsPage('manual', null, 1);
    expect(byId(first)).toEqual({ UD1: ['go', 'rust'] });
    expect(byId(await digests.recipientsPage('manual', 'UD1', 1))).toEqual({ UD2: ['design'] });
    expect(await digests.recipientsPage('manual', 'UD2', 1)).toEqual([]);
    expect((await digests.interestsOf('UD1')).sort()).toEqual(['go', 'rust']);
  });

  test('open roles and upcoming events, every field, with their tags', async () => {
    const jobs = await digests.openJobs();
    expect(jobs.map((job) => ({ ...job, tags: [...job.tags].sort() }))).toEqual([
      {
        id: 101,
        title: 'Go engineer',
        team: 'Platform',
        location: 'Tokyo',
        workStyle: 'hybrid',
        employmentType: 'full_time',
        applyUrl: 'https://jobs.example.com/101',
        tags: ['backend', 'go'],
        createdAt: T0.toISOString(),
        channel: 'CJOBS',
      },
    ]);
    expect(await digests.upcomingEvents(T0, at(24 * 30))).toEqual([
      {
        id: 201,
        title: 'Design meetup',
        startsAt: at(48),
        endsAt: at(50),
        place: 'Shibuya',
        url: 'https://example.com/meetup',
        tags: ['design'],
        channel: 'CCARDS',
      },
    ]);
  });

  test('a run: opened once, items recorded for a batch, completed, reported once', async () => {
    const run = await digests.openRun('manual:2026-11-30T00:00:00.000Z:UD9', 'manual', T0, 'UD9', T0);
    expect(run.completed).toBe(false);
    expect(await digests.openRun('manual:2026-11-30T00:00:00.000Z:UD9', 'manual', T0, 'UD9', at(1))).toEqual(
      run,
    );
    await digests.recordSent(
      run.id,
      [
        { userId: 'UD1', jobIds: [101], eventIds: [] },
        { userId: 'UD2', jobIds: [], eventIds: [201] },
      ],
      T0,
    );
    // Recording again (another process planned the same member) adds nothing.
    await digests.recordSent(run.id, [{ userId: 'UD2', jobIds: [], eventIds: [201] }], T0);
    const known = await digests.alreadyKnownOf(['UD1', 'UD2', 'UD3'], T0);
    expect(known.jobs).toEqual(new Map([['UD1', new Set([101])]]));
    expect(known.events).toEqual(
      new Map([
        ['UD2', new Set([201])],
        ['UD3', new Set([201])],
      ]),
    );
    // Only the members asked about, even inside their key range.
    const some = await digests.alreadyKnownOf(['UD1', 'UD3'], T0);
    expect(some.events).toEqual(new Map([['UD3', new Set([201])]]));
    expect(await digests.alreadyKnownOf([], T0)).toEqual({ jobs: new Map(), events: new Map() });
    expect(await digests.alreadyKnownBy('UD3')).toEqual({ jobs: new Set(), events: new Set([201]) });
    expect(await digests.exportMember('UD2')).toEqual({ frequency: 'daily', itemsSent: 1 });
    const shown = await store.sql
      .selectFrom('funnel_events')
      .select(['job_id', 'user_id', 'step', 'at'])
      .execute();
    expect(shown).toEqual([{ job_id: 101, user_id: 'UD1', step: 'shown', at: T0.toISOString() }]);

    expect(await digests.unreportedManualRuns()).toEqual([]);
    await digests.completeRun(run.id, 2, 1, at(1));
    expect(await digests.openRun('manual:2026-11-30T00:00:00.000Z:UD9', 'manual', T0, 'UD9', T0)).toEqual({
      id: run.id,
      completed: true,
    });
    const unreported = await digests.unreportedManualRuns();
    expect(unreported).toEqual([
      {
        id: run.id,
        runKey: 'manual:2026-11-30T00:00:00.000Z:UD9',
        startedBy: 'UD9',
        recipients: 2,
        nothingNew: 1,
      },
    ]);
    expect(await digests.markReported(run.id, at(2))).toBe(true);
    expect(await digests.markReported(run.id, at(3))).toBe(false);
    expect(await digests.unreportedManualRuns()).toEqual([]);
  });

  test("members already planned: outbox keys under the run prefix, of the page's members only", async () => {
    const row = (key: string) => ({
      kind: 'digest',
      key,
      channel: 'UX',
      payload: '{}',
      due_at: T0.toISOString(),
      next_attempt_at: T0.toISOString(),
      created_at: T0.toISOString(),
      updated_at: T0.toISOString(),
    });
    await store.sql
      .insertInto('outbox')
      .values([
        row('digest:weekly:2026-11-30:UP1'),
        row('digest:weekly:2026-11-30:UP2'),
        row('digest:weekly:2026-11-30;after'),
        row('digest:weekly:2026-11-3'),
        row('digest:weekly:2026-11-30x:UP3'),
      ])
      .execute();
    expect(await digests.plannedAmong('digest:weekly:2026-11-30:', ['UP1', 'UP2', 'UP3'])).toEqual(
      new Set(['UP1', 'UP2']),
    );
    // Only the members asked about: a page's keys.
    expect(await digests.plannedAmong('digest:weekly:2026-11-30:', ['UP2', 'UP9'])).toEqual(new Set(['UP2']));
    expect(await digests.plannedAmong('digest:weekly:2026-11-30:', [])).toEqual(new Set());
  });

  test('runs keyed by a member: the id as a whole key part only; renamed; erasure', async () => {
    const old = await digests.openRun('manual:2026-01-01T00:00:00.000Z:UE1', 'manual', T0, 'UE1', T0);
    await digests.openRun('manual:2026-01-02T00:00:00.000Z:UE10', 'manual', T0, 'UE10', T0);
    await digests.openRun('manual:2026-01-03T00:00:00.000Z:XUE1', 'manual', T0, null, T0);
    await digests.openRun('manual:2026-01-04T00:00:00.000Z:ue1', 'manual', T0, null, T0);
    expect(await digests.runsKeyedBy('UE1')).toEqual([
      { id: old.id, runKey: 'manual:2026-01-01T00:00:00.000Z:UE1' },
    ]);
    expect(await digests.runsKeyedBy('U_1')).toEqual([]);
    await digests.renameRun(old.id, `manual:2026-01-01T00:00:00.000Z:erased.${old.id}`);
    expect(await digests.runsKeyedBy('UE1')).toEqual([]);

    await digests.setFrequency('UE1', 'daily', T0);
    await digests.recordSent(old.id, [{ userId: 'UE1', jobIds: [101], eventIds: [201] }], T0);
    await digests.completeRun(old.id, 1, 0, T0);
    await digests.eraseMember('UE1');
    expect(await digests.exportMember('UE1')).toEqual({ frequency: null, itemsSent: 0 });
    const starter = await store.sql
      .selectFrom('digest_runs')
      .select('started_by')
      .where('id', '=', old.id)
      .executeTakeFirstOrThrow();
    expect(starter.started_by).toBeNull();
  });
});
