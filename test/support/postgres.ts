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

export interface ScratchDatabase {
  readonly url: string;
  drop(): Promise<void>;
}

function withDatabase(url: string, database: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${database}`;
  return parsed.toString();
}

/** A new, empty database on the test server, so that parallel test files never share tables. */
export async function createScratchDatabase(): Promise<ScratchDatabase> {
  const serverUrl = TEST_DATABASE_URL;
  if (serverUrl === undefined) throw new Error('createScratchDatabase needs TEST_DATABASE_URL');
  const name = `hc_test_${randomBytes(6).toString('hex')}`;
  const admin = new Client({ connectionString: serverUrl });
  await admin.connect();
  try {
    // The name is ours (hex), so it can be spliced into the statement.
    await admin.query(`CREATE DATABASE ${name}`);
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
