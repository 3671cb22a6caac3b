import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import { openDatabase } from '../../src/storage/database';
import { openSql, sqliteStore } from '../../src/storage/kysely/open';
import { OutboxRepository } from '../../src/storage/outbox';
import { openPostgresPool } from '../../src/storage/postgres/connect';
import { migratePostgres } from '../../src/storage/postgres/migrate';
import type { Sql } from '../../src/storage/schema';
import { Store } from '../../src/storage/store';
import { createScratchDatabase, describeOnPostgres, type ScratchDatabase } from '../support/postgres';
import { claimUntilEmpty, insertDueRows } from './claimLoop';

const NOW = '2026-11-24T01:00:00.000Z';
const ROWS = 500;

/**
 * Every row went to exactly one worker. How the rows split between workers depends on timing (on a
 * busy machine one worker may claim them all first), so it is not asserted.
 */
function expectEachClaimedOnce(results: string[][]): void {
  const all = results.flat();
  expect(all).toHaveLength(ROWS);
  expect(new Set(all).size).toBe(ROWS);
}

// Four connections claiming in parallel threads: SQLite's BEGIN IMMEDIATE and the single
// UPDATE … RETURNING must hand each row to exactly one of them. (Threads, because better-sqlite3
// waits for a lock synchronously: two connections on one event loop would wait for each other.)
describe('outbox claims across SQLite connections', () => {
  let dir: string;
  beforeAll(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'homecoming-claims-'));
  });
  afterAll(() => {
    fs.rmSync(dir, { recursive: true, force: true });
  });

  /** Starts a worker; resolves once it is connected and waiting, with a function that runs it. */
  const startWorker = (file: string, now: string, worker: string): Promise<() => Promise<string[]>> =>
    new Promise((resolveReady, reject) => {
      const bootstrap = `require('ts-node').register({ transpileOnly: true }); require(${JSON.stringify(path.join(__dirname, 'claimWorker.ts'))});`;
      const thread = new Worker(bootstrap, { eval: true, workerData: { file, now, worker } });
      thread.once('error', reject);
      thread.once('message', () => {
        resolveReady(
          () =>
            new Promise<string[]>((resolve, fail) => {
              thread.once('message', (keys: string[]) => resolve(keys));
              thread.once('error', fail);
              thread.postMessage('go');
            }),
        );
      });
    });

  it('gives every due row to exactly one worker', async () => {
    const file = path.join(dir, 'alumni.sqlite');
    const db = openDatabase(file);
    await insertDueRows(new OutboxRepository(sqliteStore(db)), ROWS, NOW);
    db.close();

    const workers = await Promise.all(
      ['w1', 'w2', 'w3', 'w4'].map((worker) => startWorker(file, NOW, worker)),
    );
    expectEachClaimedOnce(await Promise.all(workers.map((go) => go())));
    // Most of the time goes to loading TypeScript in four threads, which is slow on a busy machine.
  }, 90_000);
});

// Replicas on one Postgres, each with its own pool: the claim must lock what it picks (FOR UPDATE
// SKIP LOCKED) and re-check the status, or two of them claim the same row when their statements
// overlap. (Postgres only: on SQLite, connections on one event loop would wait for each other's
// lock synchronously; the threads above are SQLite's variant.)
describeOnPostgres('outbox claims across Postgres connections', () => {
  let scratch: ScratchDatabase | undefined;
  const opened: Sql[] = [];
  const connect = (): Sql => {
    if (scratch === undefined) throw new Error('no scratch database');
    const sql = openSql({ kind: 'postgres', pool: openPostgresPool(scratch.url, { maxConnections: 2 }) });
    opened.push(sql);
    return sql;
  };
  beforeAll(async () => {
    scratch = await createScratchDatabase();
    const pool = openPostgresPool(scratch.url, { maxConnections: 1 });
    await migratePostgres(pool);
    await pool.end();
  });
  afterAll(async () => {
    for (const sql of opened) await sql.destroy();
    await scratch?.drop();
  });

  it('gives every due row to exactly one replica, whatever the timing', async () => {
    await insertDueRows(new OutboxRepository(new Store(connect())), ROWS, NOW);
    const replicas = ['r1', 'r2', 'r3', 'r4', 'r5', 'r6'].map((worker) => ({
      worker,
      repository: new OutboxRepository(new Store(connect())),
    }));
    const yieldTurn = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));
    const results = await Promise.all(
      replicas.map(({ worker, repository }) =>
        claimUntilEmpty(repository, { now: NOW, worker, batch: 5 }, yieldTurn),
      ),
    );
    expectEachClaimedOnce(results);
  }, 60_000);
});
