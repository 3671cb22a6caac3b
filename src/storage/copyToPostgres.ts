import type { Pool, PoolClient } from 'pg';
import type { Db } from './database';
import { migratePostgres } from './postgres/migrate';
import { tables, type TableName } from './schema';

/** Rows per INSERT: well under Postgres's 65,535 bind parameters for our widest table. */
const BATCH_ROWS = 500;

export interface TableCount {
  readonly table: TableName;
  readonly sqlite: number;
  readonly postgres: number;
}

export class CopyRefused extends Error {}

type Row = Record<string, unknown>;

function columnsOf(table: TableName): string[] {
  return Object.keys(tables[table]);
}

function tableNames(): TableName[] {
  // Declaration order is migration order, so a table comes after every table it references.
  return Object.keys(tables) as TableName[];
}

async function insertBatch(
  client: PoolClient,
  table: TableName,
  columns: string[],
  rows: Row[],
): Promise<void> {
  const values: unknown[] = [];
  const tuples = rows.map((row) => {
    const placeholders = columns.map((column) => {
      values.push(row[column] ?? null);
      return `$${values.length}`;
    });
    return `(${placeholders.join(', ')})`;
  });
  // Table and column names come from our own schema declaration, never from input.
  const quoted = columns.map((c) => `"${c}"`).join(', ');
  await client.query(
    `INSERT INTO "${table}" (${quoted}) OVERRIDING SYSTEM VALUE VALUES ${tuples.join(', ')}`,
    values,
  );
}

async function countPostgres(client: PoolClient, table: TableName): Promise<number> {
  const { rows } = await client.query<{ n: number }>(`SELECT count(*) AS n FROM "${table}"`);
  return rows[0]?.n ?? 0;
}

/**
 * Copies every row of a SQLite community into an empty Postgres, in one Postgres transaction: it
 * either all arrives, with the counts checked table by table, or nothing does. Identity sequences
 * are moved past the copied ids so that new rows do not collide with them.
 */
export async function copySqliteToPostgres(source: Db, target: Pool): Promise<TableCount[]> {
  await migratePostgres(target);
  const client = await target.connect();
  try {
    await client.query('BEGIN');
    for (const table of tableNames()) {
      if ((await countPostgres(client, table)) > 0) {
        throw new CopyRefused(
          `the Postgres database already has rows in ${table}: copy only into an empty database`,
        );
      }
    }
    const counts: TableCount[] = [];
    for (const table of tableNames()) {
      const columns = columnsOf(table);
      let batch: Row[] = [];
      let copied = 0;
      for (const row of source
        .prepare(`SELECT ${columns.map((c) => `"${c}"`).join(', ')} FROM "${table}"`)
        .iterate() as Iterable<Row>) {
        batch.push(row);
        if (batch.length === BATCH_ROWS) {
          await insertBatch(client, table, columns, batch);
          copied += batch.length;
          batch = [];
        }
      }
      if (batch.length > 0) await insertBatch(client, table, columns, batch);
      copied += batch.length;
      if ('id' in tables[table]) {
        await client.query(
          `SELECT setval(pg_get_serial_sequence('"${table}"', 'id'), (SELECT coalesce(max(id), 0) + 1 FROM "${table}"), false)`,
        );
      }
      const sqliteCount = (source.prepare(`SELECT count(*) AS n FROM "${table}"`).get() as { n: number }).n;
      counts.push({ table, sqlite: sqliteCount, postgres: await countPostgres(client, table) });
      if (copied !== sqliteCount)
        throw new Error(`${table}: read ${copied} rows but SQLite counts ${sqliteCount}`);
    }
    const mismatched = counts.filter((c) => c.sqlite !== c.postgres);
    if (mismatched.length > 0) {
      throw new Error(
        `counts differ after the copy: ${mismatched.map((c) => `${c.table} ${c.sqlite} ≠ ${c.postgres}`).join(', ')}`,
      );
    }
    await client.query('COMMIT');
    return counts;
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  } finally {
    client.release();
  }
}
