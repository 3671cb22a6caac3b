import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openDatabase } from '../src/storage/database';
import type { Engine } from '../src/storage/kysely/open';
import { openPostgresPool } from '../src/storage/postgres/connect';
import { migratePostgres } from '../src/storage/postgres/migrate';

/**
 * The database a bench script seeds and measures: a migrated SQLite file in a temporary folder
 * (removed by `cleanUp`), or the scratch Postgres database the driver made (BENCH_DATABASE_URL),
 * which the driver drops.
 */
export async function openBenchEngine(
  kind: 'sqlite' | 'postgres',
  script: string,
): Promise<{ engine: Engine; cleanUp: () => void }> {
  if (kind === 'postgres') {
    const url = process.env.BENCH_DATABASE_URL;
    if (url === undefined || url === '') throw new Error(`${script} postgres needs BENCH_DATABASE_URL`);
    const pool = openPostgresPool(url);
    await migratePostgres(pool);
    return { engine: { kind: 'postgres', pool }, cleanUp: () => undefined };
  }
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'homecoming-bench-'));
  const db = openDatabase(path.join(dir, 'bench.sqlite'));
  return {
    engine: { kind: 'sqlite', db },
    cleanUp: () => {
      db.close();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}
