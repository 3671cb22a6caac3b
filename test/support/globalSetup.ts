import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import { openPostgresPool } from '../../src/storage/postgres/connect';
import { migratePostgres } from '../../src/storage/postgres/migrate';
import { templateName } from './postgres';

/** Migrates one database for the run; test bots' databases are copied from it (see postgres.ts). */
async function makeTemplate(serverUrl: string, run: string): Promise<string> {
  const name = templateName(run);
  const admin = new Client({ connectionString: serverUrl });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE ${name}`);
  } finally {
    await admin.end();
  }
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  // Every connection closed before the first copy: Postgres copies only a template nobody is using.
  const pool = openPostgresPool(url.toString());
  try {
    await migratePostgres(pool);
  } finally {
    await pool.end();
  }
  return name;
}

/** Runs once before `npm test`: says plainly when the Postgres runs will be skipped. */
export default async function globalSetup(): Promise<void> {
  // Names this run's scratch databases, so that globalTeardown drops them and no other run's.
  const run = randomBytes(4).toString('hex');
  process.env.HOMECOMING_TEST_RUN = run;
  const url = process.env.TEST_DATABASE_URL?.trim();
  if (process.env.TEST_ENGINE?.trim() === 'postgres' && (url === undefined || url === '')) {
    throw new Error(
      'TEST_ENGINE=postgres needs TEST_DATABASE_URL: eval "$(scripts/pg-throwaway.sh start)" first',
    );
  }
  if (url === undefined || url === '') {
    process.stdout.write(
      '\nPostgres runs SKIPPED: TEST_DATABASE_URL is not set, so only SQLite is tested.\n' +
        'To test Postgres too: eval "$(scripts/pg-throwaway.sh start)" && npm test\n\n',
    );
  } else {
    const onPostgres = process.env.TEST_ENGINE?.trim() === 'postgres';
    if (onPostgres) {
      process.env.HOMECOMING_TEST_TEMPLATE = await makeTemplate(url, run);
    }
    const engine = onPostgres ? 'Postgres' : 'SQLite';
    process.stdout.write(
      `\nPostgres runs ON: ${new URL(url).host}; the front-door bots run on ${engine} (TEST_ENGINE)\n\n`,
    );
  }
}
