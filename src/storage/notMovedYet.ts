import type { Db } from './database';

/** A repository that still speaks better-sqlite3 was asked to run on Postgres. */
export class NotMovedToPostgresYet extends Error {
  constructor(what: string) {
    super(
      `${what}: this repository is not on Kysely yet (issue 10), so it runs on SQLite only; unset DATABASE_URL to use SQLite`,
    );
  }
}

function refuse(what: string): never {
  throw new NotMovedToPostgresYet(what);
}

/**
 * TRANSITIONAL (issue 10), deleted with the last repository moved to Kysely. On Postgres, the
 * repositories not moved yet get this in place of the better-sqlite3 handle. They prepare their
 * statements when built, so preparing succeeds; running any statement, or a transaction, throws
 * NotMovedToPostgresYet with the start of its SQL, so the log names the table that is not ready.
 * The capabilities already moved work meanwhile.
 */
export function notMovedToPostgresYet(): Db {
  const statement = (source: string): object => {
    const what = `SQL "${source.replace(/\s+/g, ' ').trim().slice(0, 60)}…"`;
    return new Proxy(
      {},
      {
        get: (_target, property) => (property === 'source' ? source : () => refuse(what)),
      },
    );
  };
  const handle = {
    prepare: (source: string) => statement(source),
    transaction: () => () => refuse('a better-sqlite3 transaction'),
  };
  return new Proxy(handle, {
    get: (target, property) => {
      if (property === 'prepare' || property === 'transaction') return target[property];
      if (property === 'open') return false;
      return () => refuse(`db.${String(property)}`);
    },
  }) as unknown as Db;
}
