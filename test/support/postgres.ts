import { randomBytes } from 'node:crypto';
import { Client } from 'pg';

/**
 * The Postgres runs of the suite need TEST_DATABASE_URL: a server where the test user may create
 * databases (`.ci/run` starts a throwaway one with scripts/pg-throwaway.sh). Without it those runs
 * are skipped, and test/support/globalSetup.ts says so once at the start of `npm test`.
 */
export const TEST_DATABASE_URL = process.env.TEST_DATABASE_URL?.trim() || undefined;

/** `describe` on Postgres when a server is configured, otherwise `describe.skip` with the reason in the title. */
export const describeOnPostgres: (name: string, fn: () => void) => void = (name, fn) => {
  if (TEST_DATABASE_URL === undefined) describe.skip(`${name} (skipped: no TEST_DATABASE_URL)`, fn);
  else describe(name, fn);
};

/**
 * Every scratch database of one `npm test` is named hc_test_<run>_…, the run id set by
 * globalSetup; globalTeardown drops what is left of them (databases shared by two bots through a
 * DATABASE_PATH live until then). Other runs on the same server keep theirs.
 */
export const SCRATCH_RUN = process.env.HOMECOMING_TEST_RUN ?? randomBytes(4).toString('hex');
export const scratchPrefix = (run: string): string => `hc_test_${run}_`;

export interface ScratchDatabase {
  readonly url: string;
  drop(): Promise<void>;
}

function withDatabase(url: string, database: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${database}`;
  return parsed.toString();
}

/**
 * The database globalSetup migrated once for this run (TEST_ENGINE=postgres): test bots' databases
 * are copies of it, which Postgres makes far faster than a bot applies every migration.
 */
export const templateName = (run: string): string => `${scratchPrefix(run)}template`;

/**
 * A new database on the test server, so that parallel test files never share tables: empty, or
 * (`migrated`) a copy of this run's migrated template when globalSetup made one.
 */
export async function createScratchDatabase(options: { migrated?: boolean } = {}): Promise<ScratchDatabase> {
  const serverUrl = TEST_DATABASE_URL;
  if (serverUrl === undefined) throw new Error('createScratchDatabase needs TEST_DATABASE_URL');
  const name = `${scratchPrefix(SCRATCH_RUN)}${randomBytes(6).toString('hex')}`;
  const template = process.env.HOMECOMING_TEST_TEMPLATE;
  const admin = new Client({ connectionString: serverUrl });
  await admin.connect();
  try {
    // The names are ours (hex), so they can be spliced into the statement.
    const from = options.migrated === true && template !== undefined ? ` TEMPLATE ${template}` : '';
    await admin.query(`CREATE DATABASE ${name}${from}`);
  } finally {
    await admin.end();
  }
  return {
    url: withDatabase(serverUrl, name),
    async drop(): Promise<void> {
      const client = new Client({ connectionString: serverUrl });
      await client.connect();
      try {
        await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      } finally {
        await client.end();
      }
    },
  };
}

/** Drops every scratch database of the run `run` (globalTeardown); the names are ours (hex). */
export async function dropScratchDatabases(run: string): Promise<number> {
  const serverUrl = TEST_DATABASE_URL;
  if (serverUrl === undefined || !/^[0-9a-f]+$/.test(run)) return 0;
  const client = new Client({ connectionString: serverUrl });
  await client.connect();
  try {
    const { rows } = await client.query<{ datname: string }>(
      'SELECT datname FROM pg_database WHERE starts_with(datname, $1)',
      [scratchPrefix(run)],
    );
    for (const { datname } of rows) await client.query(`DROP DATABASE IF EXISTS ${datname} WITH (FORCE)`);
    return rows.length;
  } finally {
    await client.end();
  }
}
