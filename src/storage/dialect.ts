import type { Sql } from './schema';

/**
 * Which engine a handle talks to. Almost every statement is the same on both; the exceptions are
 * row locks that only Postgres has (`FOR UPDATE SKIP LOCKED`: SQLite serialises writers with
 * BEGIN IMMEDIATE instead and rejects the clause). Kysely keeps its dialect to itself, so openSql
 * records it here for each handle it makes.
 */
export type Dialect = 'sqlite' | 'postgres';

const dialects = new WeakMap<Sql, Dialect>();

export function recordDialect(sql: Sql, dialect: Dialect): Sql {
  dialects.set(sql, dialect);
  return sql;
}

/** The engine behind a handle made by openSql; throws for one made elsewhere. */
export function dialectOf(sql: Sql): Dialect {
  const dialect = dialects.get(sql);
  if (dialect === undefined) throw new Error('unknown SQL dialect: open the database with openSql');
  return dialect;
}
