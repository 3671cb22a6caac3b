import { Kysely, PostgresDialect } from 'kysely';
import type { Pool } from 'pg';
import type { Db } from '../database';
import type { Database, Sql } from '../schema';
import { recordDialect } from '../dialect';
import { CachedSqliteDialect } from './sqliteDialect';
import { Store } from '../store';

/** Where the data lives: the SQLite file (one process) or a Postgres shared by every replica. */
export type Engine =
  { readonly kind: 'sqlite'; readonly db: Db } | { readonly kind: 'postgres'; readonly pool: Pool };

/** The typed query builder over either engine; repositories take this and nothing else. */
export function openSql(engine: Engine): Sql {
  const dialect =
    engine.kind === 'sqlite'
      ? new CachedSqliteDialect(engine.db)
      : new PostgresDialect({ pool: engine.pool });
  return recordDialect(new Kysely<Database>({ dialect }), engine.kind);
}

/** The Store over one SQLite file, for tools and tests that open the file themselves. */
export function sqliteStore(db: Db): Store {
  return new Store(openSql({ kind: 'sqlite', db }));
}
