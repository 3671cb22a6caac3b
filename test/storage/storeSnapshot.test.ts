import type { Sql } from '../../src/storage/schema';
import { StatsRepository } from '../../src/storage/stats';
import { Store } from '../../src/storage/store';
import { describeOnEachEngine } from '../support/engines';
import { createScratchDatabase, describeOnPostgres, type ScratchDatabase } from '../support/postgres';
import { openSql } from '../../src/storage/kysely/open';
import { openPostgresPool } from '../../src/storage/postgres/connect';
import { migratePostgres } from '../../src/storage/postgres/migrate';

const NOW = new Date('2026-12-01T12:00:00.000Z');

async function join(sql: Sql, userId: string): Promise<void> {
  await sql.insertInto('members').values({ user_id: userId, created_at: NOW.toISOString() }).execute();
}

describeOnEachEngine('a stats report reads one snapshot', (engine) => {
  test('consistent() runs its reads in one transaction, and a nested one joins the open transaction', async () => {
    const store = new Store(engine().connect());
    const stats = new StatsRepository(store);
    expect(await stats.consistent(() => Promise.resolve(store.inTransaction))).toBe(true);
    expect(
      await store.transaction(async () => stats.consistent(() => Promise.resolve(store.inTransaction))),
    ).toBe(true);
    expect(store.inTransaction).toBe(false);
  });
});

// SQLite has one writer: another connection cannot commit while the report's transaction is open,
// so what follows can only happen (and only needs preventing) on Postgres.
describeOnPostgres('a stats report reads one snapshot [postgres]', () => {
  let scratch: ScratchDatabase;
  let report: Sql;
  let other: Sql;

  beforeAll(async () => {
    scratch = await createScratchDatabase();
    const pool = openPostgresPool(scratch.url, { maxConnections: 1 });
    await migratePostgres(pool);
    await pool.end();
    [report, other] = [1, 2].map(() =>
      openSql({ kind: 'postgres', pool: openPostgresPool(scratch.url, { maxConnections: 2 }) }),
    ) as [Sql, Sql];
  });

  afterAll(async () => {
    await report.destroy();
    await other.destroy();
    await scratch.drop();
  });

  test('a member who joins on another replica between two reads of the report is in neither', async () => {
    const store = new Store(report);
    const stats = new StatsRepository(store);
    await join(other, 'U0BEFORE1');
    const totals = await stats.consistent(async () => {
      const first = (await stats.members(NOW, NOW)).total;
      await join(other, 'U0DURING1');
      return [first, (await stats.members(NOW, NOW)).total];
    });
    expect(totals).toEqual([1, 1]);
    expect((await stats.members(NOW, NOW)).total).toBe(2);

    // What REPEATABLE READ prevents: a plain (READ COMMITTED) transaction sees the commit in between.
    const drifting = await store.transaction(async () => {
      const first = (await stats.members(NOW, NOW)).total;
      await join(other, 'U0DURING2');
      return [first, (await stats.members(NOW, NOW)).total];
    });
    expect(drifting).toEqual([2, 3]);
  });

  test('the snapshot is read-only: a write in it fails and nothing is kept', async () => {
    const store = new Store(report);
    await expect(store.snapshot(async () => join(store.sql, 'U0WRITER1'))).rejects.toThrow(/read-only/);
    const rows = await other
      .selectFrom('members')
      .select('user_id')
      .where('user_id', '=', 'U0WRITER1')
      .execute();
    expect(rows).toEqual([]);
  });
});
