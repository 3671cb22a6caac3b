import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openDatabase } from '../../src/storage/database';
import { openSql } from '../../src/storage/kysely/open';
import { openPostgresPool } from '../../src/storage/postgres/connect';
import { migratePostgres } from '../../src/storage/postgres/migrate';
import type { Sql } from '../../src/storage/schema';
import { createScratchDatabase, TEST_DATABASE_URL } from './postgres';

/** A migrated, empty database on one engine, with as many handles to it as a test wants replicas. */
export interface EngineUnderTest {
  readonly name: 'sqlite' | 'postgres';
  /** The SQLite file or the Postgres URL, for a replica in another process. */
  readonly address: string;
  /** A new handle, as another replica would open (on SQLite: another connection to the same file). */
  connect(): Sql;
  close(): Promise<void>;
}

function sqliteEngine(): Promise<EngineUnderTest> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'homecoming-engine-'));
  const file = path.join(dir, 'alumni.sqlite');
  openDatabase(file).close();
  const opened: { sql: Sql; close: () => void }[] = [];
  return Promise.resolve({
    name: 'sqlite',
    address: file,
    connect() {
      const db = openDatabase(file);
      const sql = openSql({ kind: 'sqlite', db });
      opened.push({ sql, close: () => db.close() });
      return sql;
    },
    async close() {
      for (const handle of opened) {
        await handle.sql.destroy();
        handle.close();
      }
      fs.rmSync(dir, { recursive: true, force: true });
    },
  });
}

async function postgresEngine(): Promise<EngineUnderTest> {
  const scratch = await createScratchDatabase();
  const pool = openPostgresPool(scratch.url, { maxConnections: 2 });
  await migratePostgres(pool);
  await pool.end();
  const opened: Sql[] = [];
  return {
    name: 'postgres',
    address: scratch.url,
    connect() {
      const sql = openSql({ kind: 'postgres', pool: openPostgresPool(scratch.url, { maxConnections: 4 }) });
      opened.push(sql);
      return sql;
    },
    async close() {
      for (const sql of opened) await sql.destroy(); // ends its pool
      await scratch.drop();
    },
  };
}

/**
 * Runs `suite` once per engine: SQLite always, Postgres when TEST_DATABASE_URL is set (otherwise
 * that run is listed as skipped, and globalSetup says why).
 */
export function describeOnEachEngine(name: string, suite: (engine: () => EngineUnderTest) => void): void {
  const engines: [string, () => Promise<EngineUnderTest>, boolean][] = [
    ['sqlite', sqliteEngine, true],
    ['postgres', postgresEngine, TEST_DATABASE_URL !== undefined],
  ];
  for (const [engineName, open, available] of engines) {
    const block = available ? describe : describe.skip;
    block(`${name} [${engineName}${available ? '' : ': skipped, no TEST_DATABASE_URL'}]`, () => {
      let engine: EngineUnderTest | undefined;
      beforeAll(async () => {
        engine = await open();
      });
      afterAll(async () => {
        await engine?.close();
      });
      suite(() => {
        if (engine === undefined) throw new Error('engine not open yet');
        return engine;
      });
    });
  }
}
