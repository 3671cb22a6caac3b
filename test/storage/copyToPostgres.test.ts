import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { Pool } from 'pg';
import { openDatabase, type Db } from '../../src/storage/database';
import { copySqliteToPostgres } from '../../src/storage/copyToPostgres';
import { openPostgresPool } from '../../src/storage/postgres/connect';
import { tables, type TableName } from '../../src/storage/schema';
import { projectRoot } from '../../src/paths';
import { seedCommunity } from '../stats/seed';
import { createScratchDatabase, describeOnPostgres, type ScratchDatabase } from '../support/postgres';
import { TestBot } from '../support/testBot';

/** Every row of a table, in one order both engines agree on, with the same JavaScript types. */
function selectAll(table: TableName): string {
  const columns = Object.keys(tables[table]).map((c) => `"${c}"`);
  return `SELECT ${columns.join(', ')} FROM "${table}" ORDER BY ${columns.map((c) => `${c} NULLS FIRST`).join(', ')}`;
}

const sqliteRows = (db: Db, table: TableName): unknown[] => db.prepare(selectAll(table)).all();

async function postgresRows(pool: Pool, table: TableName): Promise<unknown[]> {
  const { rows } = await pool.query(selectAll(table));
  return rows as unknown[];
}

describeOnPostgres('copying a SQLite community into Postgres', () => {
  let tb: TestBot;
  let file: string;
  let scratch: ScratchDatabase;
  let pool: Pool;

  beforeAll(async () => {
    // The source is a SQLite file, whatever TEST_ENGINE says.
    tb = await TestBot.start({ engine: 'sqlite' });
    await seedCommunity(tb);
    // Real traffic too: a command, so locales, activity and the outbox have rows.
    await tb.command('help', 'U9M0001');
    file = path.join(tb.dir, 'alumni.sqlite');
    await tb.bot.stop();
    scratch = await createScratchDatabase();
    pool = openPostgresPool(scratch.url);
  });

  afterAll(async () => {
    await pool.end();
    await scratch.drop();
    await tb.fake.stop();
  });

  test('every row of every table arrives unchanged, and new rows get fresh ids', async () => {
    const source = openDatabase(file);
    try {
      const counts = await copySqliteToPostgres(source, pool);
      expect(counts.map((c) => c.table)).toEqual(Object.keys(tables));
      expect(counts.every((c) => c.sqlite === c.postgres)).toBe(true);
      expect(counts.reduce((sum, c) => sum + c.sqlite, 0)).toBeGreaterThan(50);
      for (const table of Object.keys(tables) as TableName[]) {
        expect({ table, rows: await postgresRows(pool, table) }).toEqual({
          table,
          rows: sqliteRows(source, table),
        });
      }
      const maxJob = (source.prepare('SELECT max(id) AS id FROM jobs').get() as { id: number }).id;
      const inserted = await pool.query<{ id: number }>(
        "INSERT INTO jobs (title, work_style, employment_type, apply_url, created_at) VALUES ('New', 'remote', 'full_time', 'https://x.example', '2026-12-01T00:00:00.000Z') RETURNING id",
      );
      expect(inserted.rows[0]?.id).toBe(maxJob + 1);
    } finally {
      source.close();
    }
  });

  test('the command refuses a database that already has rows, and says so in one line', () => {
    const result = spawnSync(
      process.execPath,
      [
        '-r',
        'ts-node/register',
        path.join(projectRoot(), 'src/cli/copyToPostgres.ts'),
        '--from',
        file,
        '--to',
        scratch.url,
      ],
      { encoding: 'utf8', env: { ...process.env, TS_NODE_TRANSPILE_ONLY: '1' }, timeout: 60_000 },
    );
    expect(result.status).toBe(1);
    expect(result.stderr.trim()).toMatch(
      /^copy-to-postgres: the Postgres database already has rows in members: copy only into an empty database$/,
    );
  });
});
