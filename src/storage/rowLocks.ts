import { SqliteAdapter } from 'kysely';
import type { Sql } from './schema';

/**
 * Whether `SELECT … FOR UPDATE` may be sent to this engine. Postgres needs it: replicas write at
 * once, and a row lock is what makes the next one wait for the first to commit. SQLite has no row
 * locks and rejects the clause (Kysely's SQLite compiler still emits it), but it needs none: every
 * transaction there starts with BEGIN IMMEDIATE, so writers already take turns on the whole file.
 */
export function locksRows(sql: Sql): boolean {
  return !(sql.getExecutor().adapter instanceof SqliteAdapter);
}
