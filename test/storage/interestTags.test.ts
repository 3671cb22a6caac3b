import { InterestTagRepository } from '../../src/storage/interestTags';
import { Store } from '../../src/storage/store';
import type { Sql } from '../../src/storage/schema';
import { describeOnEachEngine } from '../support/engines';

const T0 = new Date('2026-12-01T10:00:00.000Z');
const AT = T0.toISOString();

async function seed(sql: Sql): Promise<void> {
  await sql
    .insertInto('members')
    .values([
      { user_id: 'UA', created_at: AT, visibility: 'all' },
      { user_id: 'UB', created_at: AT, visibility: 'all' },
      { user_id: 'UHID', created_at: AT, visibility: 'nobody' },
    ])
    .execute();
  await sql
    .insertInto('member_interests')
    .values([
      { user_id: 'UA', tag: 'テニス', added_at: AT },
      { user_id: 'UA', tag: 'golf', added_at: AT },
      { user_id: 'UB', tag: 'テニス', added_at: AT },
      { user_id: 'UB', tag: 'tennis', added_at: '2026-01-01T00:00:00.000Z' },
      { user_id: 'UHID', tag: 'secret', added_at: AT },
      { user_id: 'UHID', tag: 'golf', added_at: AT },
    ])
    .execute();
  const event = await sql
    .insertInto('events')
    .values({
      title: 'Rally',
      starts_at: AT,
      ends_at: '2026-12-01T12:00:00.000Z',
      channel: 'C1',
      created_at: AT,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await sql.insertInto('event_tags').values({ event_id: event.id, tag: 'テニス' }).execute();
  const job = await sql
    .insertInto('jobs')
    .values({
      title: 'Coach',
      work_style: 'hybrid',
      employment_type: 'full_time',
      apply_url: 'https://example.com',
      created_at: AT,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await sql
    .insertInto('job_tags')
    .values([
      { job_id: job.id, tag: 'テニス' },
      { job_id: job.id, tag: 'tennis' },
    ])
    .execute();
}

describeOnEachEngine('interest tags and pairs', (engine) => {
  test('a pair is stored once per Japanese spelling, and the version moves when one is added', async () => {
    const [a, b] = [engine().connect(), engine().connect()].map(
      (sql) => new InterestTagRepository(new Store(sql)),
    );
    if (a === undefined || b === undefined) throw new Error('two replicas expected');
    const before = await b.version();
    expect(await a.addPair({ ja: 'けん玉', en: 'kendama' }, 'ケン玉', T0)).toBe(true);
    expect(await b.addPair({ ja: 'ケン玉', en: 'cup and ball' }, 'ケン玉', T0)).toBe(false);
    expect(await b.pairs()).toEqual([{ ja: 'けん玉', en: 'kendama' }]);
    expect(await b.version()).not.toBe(before);
  });

  test('retag moves a tag on members, events and roles, keeping the row that already had the key', async () => {
    const sql = engine().connect();
    await seed(sql);
    const tags = new InterestTagRepository(new Store(sql));
    expect((await tags.storedTags()).sort()).toEqual(['golf', 'secret', 'tennis', 'テニス']);
    // UA's and the event's テニス become tennis; UB and the role already hold tennis, so theirs go.
    expect(await tags.retag('テニス', 'tennis')).toBe(4);
    expect((await tags.storedTags()).sort()).toEqual(['golf', 'secret', 'tennis']);
    const members = await sql
      .selectFrom('member_interests')
      .select(['user_id', 'tag', 'added_at'])
      .where('tag', '=', 'tennis')
      .orderBy('user_id')
      .execute();
    expect(members).toEqual([
      { user_id: 'UA', tag: 'tennis', added_at: AT },
      { user_id: 'UB', tag: 'tennis', added_at: '2026-01-01T00:00:00.000Z' },
    ]);
    expect(await sql.selectFrom('job_tags').select('tag').execute()).toEqual([{ tag: 'tennis' }]);
    expect(await sql.selectFrom('event_tags').select('tag').execute()).toEqual([{ tag: 'tennis' }]);
    // Hidden members are not counted, and a tag only they hold is not listed.
    expect(await tags.holders()).toEqual([
      { tag: 'tennis', members: 2 },
      { tag: 'golf', members: 1 },
    ]);
  });
});
