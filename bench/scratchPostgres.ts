import { randomBytes } from 'node:crypto';
import { Client } from 'pg';

/** A database of the bench's own on a Postgres server, dropped when the section is done. */
export interface ScratchDatabase {
  readonly url: string;
  drop(): Promise<void>;
}

/** The server the Postgres columns run on: TEST_DATABASE_URL, as for the test suite. */
export function benchServerUrl(): string | undefined {
  const server = process.env.TEST_DATABASE_URL?.trim();
  return server === undefined || server === '' ? undefined : server;
}

/** Says once per section that its Postgres figures were skipped, and why. */
export function sayPostgresSkipped(what: string): void {
  console.log(
    `(Postgres skipped for ${what}: TEST_DATABASE_URL is not set. Set it to a server where the user may CREATE DATABASE, e.g. \`eval "$(scripts/pg-throwaway.sh start)"\`)`,
  );
}

/** A fresh database on the TEST_DATABASE_URL server; undefined when none is configured. */
export async function scratchDatabase(): Promise<ScratchDatabase | undefined> {
  const server = benchServerUrl();
  if (server === undefined) return undefined;
  const name = `hc_bench_${randomBytes(6).toString('hex')}`;
  const admin = new Client({ connectionString: server });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE ${name}`); // our own hex name
  } finally {
    await admin.end();
  }
  const url = new URL(server);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: async () => {
      const client = new Client({ connectionString: server });
      await client.connect();
      try {
        await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      } finally {
        await client.end();
      }
    },
  };
}
