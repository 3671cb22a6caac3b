import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
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
  return scratchNamed(serverUrl, name);
}

/** The database `name` on the test server, dropped by `drop()`. */
function scratchNamed(serverUrl: string, name: string): ScratchDatabase {
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

/**
 * Test bots' databases are reused within a run: creating a copy of the template costs Postgres
 * about half a second, emptying one a tenth of that, and the front-door suite starts some nine
 * hundred bots. A released database is emptied (every row deleted, every sequence restarted, the
 * migrations kept) and parked as an empty file named after it in this run's folder; the next bot
 * of any jest worker claims it by deleting the file, which only one process can do. A folder, not
 * a table on the server: each claim and release through the server cost two more connections,
 * and connecting is most of a release's time.
 */
export const parkingFolder = (run: string): string => path.join(os.tmpdir(), `${scratchPrefix(run)}parked`);

function claimParked(folder: string): string | undefined {
  let names: string[];
  try {
    names = fs.readdirSync(folder);
  } catch {
    return undefined;
  }
  for (const name of names) {
    try {
      fs.unlinkSync(path.join(folder, name));
      return name;
    } catch {
      // Another worker claimed it a moment ago.
    }
  }
  return undefined;
}

// Empties a database for its next bot. FK triggers are off for the transaction (the test user
// owns the server), so the tables can be emptied in any order; each used sequence starts at 1
// again (setval is a tenth of the cost of ALTER SEQUENCE … RESTART).
const EMPTY_DATABASE = `
DO $$
DECLARE item record;
BEGIN
  SET LOCAL session_replication_role = replica;
  FOR item IN SELECT tablename FROM pg_tables WHERE schemaname = 'public' AND tablename <> 'schema_migrations' LOOP
    EXECUTE format('DELETE FROM public.%I', item.tablename);
  END LOOP;
  FOR item IN SELECT schemaname, sequencename FROM pg_sequences WHERE last_value IS NOT NULL LOOP
    PERFORM setval(format('%I.%I', item.schemaname, item.sequencename), 1, false);
  END LOOP;
END $$`;

/**
 * A migrated, empty database for one test bot: a parked one of this run when there is one,
 * otherwise a new copy of the template.
 */
export interface PooledDatabase {
  readonly url: string;
  /** Empties the database and parks it for the next bot. */
  release(): Promise<void>;
}

export async function claimMigratedDatabase(): Promise<PooledDatabase> {
  const serverUrl = TEST_DATABASE_URL;
  if (serverUrl === undefined) throw new Error('claimMigratedDatabase needs TEST_DATABASE_URL');
  if (process.env.HOMECOMING_TEST_TEMPLATE === undefined) {
    const own = await createScratchDatabase();
    return { url: own.url, release: () => own.drop() };
  }
  const folder = parkingFolder(SCRATCH_RUN);
  const name = claimParked(folder);
  const database: ScratchDatabase =
    name === undefined ? await createScratchDatabase({ migrated: true }) : scratchNamed(serverUrl, name);
  // The connection that will empty it opens now, while the bot starts, rather than at release.
  const emptier = new Client({ connectionString: database.url });
  const connected = emptier.connect().then(
    () => undefined,
    (error: unknown) => (error instanceof Error ? error : new Error(String(error))),
  );
  return {
    url: database.url,
    async release(): Promise<void> {
      const failed = await connected;
      try {
        if (failed !== undefined) throw failed;
        await emptier.query(EMPTY_DATABASE);
      } catch (error) {
        await emptier.end().catch(() => undefined);
        await database.drop();
        throw error;
      }
      await emptier.end();
      fs.mkdirSync(folder, { recursive: true });
      fs.writeFileSync(path.join(folder, new URL(database.url).pathname.slice(1)), '');
    },
  };
}

/** Drops every scratch database of the run `run` (globalTeardown); the names are ours (hex). */
export async function dropScratchDatabases(run: string): Promise<number> {
  const serverUrl = TEST_DATABASE_URL;
  if (serverUrl === undefined || !/^[0-9a-f]+$/.test(run)) return 0;
  fs.rmSync(parkingFolder(run), { recursive: true, force: true });
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
