import { UnsolicitedDmLimit } from '../../src/members/dmLimit';
import { DmDayRepository } from '../../src/storage/dmDays';
import type { Sql } from '../../src/storage/schema';
import { Store } from '../../src/storage/store';
import { describeOnEachEngine } from '../support/engines';

const T0 = new Date('2026-12-01T10:00:00.000Z');
const DAY = 86_400_000;
const at = (days: number): Date => new Date(T0.getTime() + days * DAY);

describeOnEachEngine('the one-unsolicited-DM-a-day limit', (engine) => {
  let store: Store;
  let limit: UnsolicitedDmLimit;
  beforeAll(() => {
    store = new Store(engine().connect());
    limit = new UnsolicitedDmLimit(new DmDayRepository(store));
  });

  it('gives a member today, then the next free days; the same DM planned again keeps its day', async () => {
    expect(await limit.dueAt(['UL1'], T0, 'a')).toEqual(T0);
    expect(await limit.dueAt(['UL1'], at(0.1), 'b')).toEqual(at(1.1));
    expect(await limit.dueAt(['UL1'], at(0.2), 'a')).toEqual(T0);
    expect(await limit.dueAt(['UL1'], at(0.3), 'c')).toEqual(at(2.3));
    // Another member's days are their own.
    expect(await limit.dueAt(['UL2'], at(0.3), 'c')).toEqual(at(0.3));
  });

  it('a group DM takes the first day free for all its members, or no day for any', async () => {
    await limit.dueAt(['UG1'], T0, 'g1');
    await limit.dueAt(['UG2'], T0, 'g2');
    await limit.dueAt(['UG2'], T0, 'g3');
    expect(await limit.dueAt(['UG1', 'UG2'], T0, 'pair')).toEqual(at(2));
    const days = await store.sql
      .selectFrom('unsolicited_dm_days')
      .select(['user_id', 'day'])
      .where('ref', '=', 'pair')
      .orderBy('user_id')
      .execute();
    expect(days).toEqual([
      { user_id: 'UG1', day: '2026-12-03' },
      { user_id: 'UG2', day: '2026-12-03' },
    ]);
    // UG1's tomorrow was not kept by the failed attempts: it is still free.
    expect(await limit.dueAt(['UG1'], T0, 'g4')).toEqual(at(1));
  });

  it('a day given back by a rolled-back transaction is free again', async () => {
    await expect(
      store.transaction(async () => {
        await limit.dueAt(['UR1'], T0, 'rolled-back');
        throw new Error('the outbox row failed');
      }),
    ).rejects.toThrow('the outbox row failed');
    expect(await limit.dueAt(['UR1'], T0, 'kept')).toEqual(T0);
  });

  it('replicas claiming for one member at the same moment each get a different day', async () => {
    const first = engine().connect();
    // Two SQLite handles in one thread would block it on the file lock (a synchronous busy wait), so
    // on SQLite the replicas share the handle, whose queue makes their transactions take turns as
    // BEGIN IMMEDIATE does between processes. On Postgres each replica has its own pool.
    const handles: Sql[] = [first];
    for (let i = 1; i < 4; i += 1) handles.push(engine().name === 'sqlite' ? first : engine().connect());
    const replicas = handles.map((sql) => {
      const replicaStore = new Store(sql);
      return { replicaStore, limit: new UnsolicitedDmLimit(new DmDayRepository(replicaStore)) };
    });
    const claims = await Promise.all(
      replicas.flatMap(({ replicaStore, limit: replicaLimit }, r) =>
        [0, 1, 2].map((n) =>
          replicaStore.transaction(() => replicaLimit.dueAt(['URACE', 'URACE2'], T0, `race-${r}-${n}`)),
        ),
      ),
    );
    const days = claims.map((dueAt) => dueAt.toISOString().slice(0, 10)).sort();
    expect(new Set(days).size).toBe(12);
    expect(claims.map((dueAt) => dueAt.getTime()).sort((a, b) => a - b)).toEqual(
      Array.from({ length: 12 }, (_, i) => at(i).getTime()),
    );
    const rows = await store.sql
      .selectFrom('unsolicited_dm_days')
      .select(['user_id'])
      .where('user_id', 'in', ['URACE', 'URACE2'])
      .execute();
    expect(rows).toHaveLength(24);
  });
});
