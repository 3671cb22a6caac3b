import { sql as rawSql, type RawBuilder } from 'kysely';
import { tables } from '../../src/storage/schema';
import type { Sql } from '../../src/storage/schema';
import {
  claimMigratedDatabase,
  createScratchDatabase,
  TEST_DATABASE_URL,
  type ScratchDatabase,
} from './postgres';

/**
 * Which engine every TestBot runs on: SQLite by default; `TEST_ENGINE=postgres` (with
 * TEST_DATABASE_URL) runs the front-door suite on Postgres, each bot on a scratch database.
 */
export type TestEngine = 'sqlite' | 'postgres';

function testEngineFromEnv(): TestEngine {
  const value = process.env.TEST_ENGINE?.trim().toLowerCase() || 'sqlite';
  if (value !== 'sqlite' && value !== 'postgres') {
    throw new Error(`TEST_ENGINE must be sqlite or postgres, not ${JSON.stringify(value)}`);
  }
  if (value === 'postgres' && TEST_DATABASE_URL === undefined) {
    throw new Error(
      'TEST_ENGINE=postgres needs TEST_DATABASE_URL: eval "$(scripts/pg-throwaway.sh start)" first',
    );
  }
  return value;
}

export const TEST_ENGINE: TestEngine = testEngineFromEnv();

/**
 * Scratch databases of this test file. Two bots given the same DATABASE_PATH share one SQLite file
 * (a restart, two replicas); on Postgres they share the scratch database made for that path. Such
 * a database outlives its bots (the next one may start after the first stopped), so it is dropped
 * when the file is done (see globalTeardown). A bot's own database is dropped when it stops.
 */
const byPath = new Map<string, Promise<ScratchDatabase>>();

export interface BotDatabase {
  readonly env: Record<string, string>;
  /** Drops the database if no other bot may come back to it. */
  readonly release: () => Promise<void>;
}

/** The environment that points a TestBot at its database on `engine`. */
export async function botDatabase(
  engine: TestEngine,
  ownFile: string,
  sharedPath: string | undefined,
): Promise<BotDatabase> {
  if (engine === 'sqlite') {
    return { env: { DATABASE_PATH: sharedPath ?? ownFile }, release: () => Promise.resolve() };
  }
  if (sharedPath !== undefined) {
    let shared = byPath.get(sharedPath);
    if (shared === undefined) {
      shared = createScratchDatabase({ migrated: true });
      byPath.set(sharedPath, shared);
    }
    return { env: { DATABASE_URL: (await shared).url }, release: () => Promise.resolve() };
  }
  const own = await claimMigratedDatabase();
  return { env: { DATABASE_URL: own.url }, release: () => own.release() };
}

export type SqlValue = string | number | null;
export type Row = Record<string, unknown>;

/**
 * A statement written with `?` placeholders, as tests wrote them for better-sqlite3, bound as
 * parameters on either engine. A `?` inside a quoted string literal is text, not a placeholder.
 */
export function statement<T>(text: string, params: readonly SqlValue[]): RawBuilder<T> {
  const pieces: string[] = [];
  let current = '';
  let quoted = false;
  for (const char of text) {
    if (char === "'") quoted = !quoted;
    if (char === '?' && !quoted) {
      pieces.push(current);
      current = '';
    } else {
      current += char;
    }
  }
  pieces.push(current);
  if (pieces.length !== params.length + 1) {
    throw new Error(`${pieces.length - 1} placeholders but ${params.length} values in: ${text}`);
  }
  const parts: RawBuilder<unknown>[] = [];
  pieces.forEach((piece, index) => {
    parts.push(rawSql.raw(piece));
    if (index < params.length) parts.push(rawSql`${params[index]}`);
  });
  return rawSql<T>`${rawSql.join(parts, rawSql.raw(''))}`;
}

export async function selectRows<T = Row>(sql: Sql, text: string, params: readonly SqlValue[]): Promise<T[]> {
  const result = await statement<T>(text, params).execute(sql);
  return result.rows;
}

/** Runs a write; resolves to the number of rows it changed. */
export async function runStatement(sql: Sql, text: string, params: readonly SqlValue[]): Promise<number> {
  const result = await statement(text, params).execute(sql);
  return Number(result.numAffectedRows ?? 0);
}

export type TableName = keyof typeof tables;

/** Every table the schema declares (the same on both engines; schemaParity.test.ts checks it). */
export const allTables = Object.keys(tables) as TableName[];

/**
 * Every row of a table in an order both engines agree on: by the JSON of the row, so that a
 * snapshot compares equal whenever the rows are the same, whatever order the engine returns them.
 */
export async function tableRows(sql: Sql, table: TableName): Promise<Row[]> {
  const rows = await selectRows(sql, `SELECT * FROM "${table}"`, []);
  return rows
    .map((row) => ({ row, key: JSON.stringify(row) }))
    .sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0))
    .map(({ row }) => row);
}
