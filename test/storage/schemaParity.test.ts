import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Pool } from 'pg';
import { openDatabase, type Db } from '../../src/storage/database';
import { readMigrations } from '../../src/storage/migrations';
import { openPostgresPool } from '../../src/storage/postgres/connect';
import { defaultPostgresMigrationsDir, migratePostgres } from '../../src/storage/postgres/migrate';
import { projectFile } from '../../src/paths';
import { tables as declaredTables } from '../../src/storage/schema';
import { createScratchDatabase, describeOnPostgres, type ScratchDatabase } from '../support/postgres';

/** The shape both engines must agree on: tables, their columns, and named indexes. */
interface Shape {
  readonly tables: Record<string, string[]>;
  readonly indexes: Record<string, string>;
}

/** "name type null|notnull": SQLite's INTEGER/TEXT and Postgres's integer/text are one vocabulary. */
function column(name: string, type: string, notNull: boolean): string {
  return `${name} ${type.toLowerCase()} ${notNull ? 'notnull' : 'null'}`;
}

const SqliteTable = (db: Db, table: string): string[] =>
  (db.pragma(`table_info(${table})`) as { name: string; type: string; notnull: number; pk: number }[]).map(
    (c) =>
      // A SQLite primary key column may hold NULL only by an old quirk; ours never do.
      column(c.name, c.type, c.notnull === 1 || c.pk > 0),
  );

function sqliteShape(db: Db): Shape {
  const tables: Record<string, string[]> = {};
  const names = db
    .prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name")
    .pluck()
    .all() as string[];
  // A text index (FTS5) is a virtual table with shadow tables of its own; it is SQLite's twin of a
  // Postgres GIN index, not a table of the schema, so neither it nor its shadows are compared.
  const virtual = db
    .prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND sql LIKE 'CREATE VIRTUAL TABLE%'")
    .pluck()
    .all() as string[];
  const isTextIndex = (name: string): boolean => virtual.some((v) => name === v || name.startsWith(`${v}_`));
  for (const name of names) if (!isTextIndex(name)) tables[name] = SqliteTable(db, name);
  const indexes: Record<string, string> = {};
  const rows = db
    .prepare(
      "SELECT name, tbl_name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL ORDER BY name",
    )
    .all() as { name: string; tbl_name: string; sql: string }[];
  for (const row of rows) {
    const cols = (db.pragma(`index_info(${row.name})`) as { name: string }[]).map((c) => c.name);
    const unique = /^CREATE UNIQUE/i.test(row.sql);
    const partial = /\bWHERE\b/i.test(row.sql);
    indexes[row.name] =
      `${row.tbl_name}(${cols.join(',')})${unique ? ' unique' : ''}${partial ? ' partial' : ''}`;
  }
  return { tables, indexes };
}

async function postgresShape(pool: Pool): Promise<Shape> {
  const tables: Record<string, string[]> = {};
  const columns = await pool.query<{
    table_name: string;
    column_name: string;
    data_type: string;
    is_nullable: string;
  }>(
    `SELECT table_name, column_name, data_type, is_nullable
       FROM information_schema.columns
      WHERE table_schema = 'public' AND table_name <> 'schema_migrations'
      ORDER BY table_name, ordinal_position`,
  );
  for (const c of columns.rows) {
    (tables[c.table_name] ??= []).push(column(c.column_name, c.data_type, c.is_nullable === 'NO'));
  }
  const indexes: Record<string, string> = {};
  // Named indexes only: those behind PRIMARY KEY and UNIQUE constraints are SQLite's autoindexes.
  const rows = await pool.query<{
    name: string;
    table_name: string;
    columns: string[];
    unique: boolean;
    partial: boolean;
  }>(
    `SELECT i.relname AS name, t.relname AS table_name, ix.indisunique AS unique, ix.indpred IS NOT NULL AS partial,
            array(SELECT a.attname FROM unnest(ix.indkey) WITH ORDINALITY AS k(attnum, n)
                    JOIN pg_attribute a ON a.attrelid = t.oid AND a.attnum = k.attnum ORDER BY k.n)::text[] AS columns
       FROM pg_index ix
       JOIN pg_class i ON i.oid = ix.indexrelid
       JOIN pg_class t ON t.oid = ix.indrelid
       JOIN pg_namespace n ON n.oid = t.relnamespace
       JOIN pg_am am ON am.oid = i.relam
      WHERE n.nspname = 'public' AND t.relname <> 'schema_migrations'
        -- B-trees only: a GIN text index is the twin of a SQLite FTS5 table, which has no index row.
        AND am.amname = 'btree'
        AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conindid = ix.indexrelid)`,
  );
  for (const r of rows.rows) {
    indexes[r.name] =
      `${r.table_name}(${r.columns.join(',')})${r.unique ? ' unique' : ''}${r.partial ? ' partial' : ''}`;
  }
  return { tables, indexes };
}

/** The typed declaration the repositories compile against, in the same vocabulary. */
function declaredShape(): Record<string, string[]> {
  const shape: Record<string, string[]> = {};
  for (const [table, columns] of Object.entries(declaredTables)) {
    const described: Record<string, { sql: string; nullable: boolean }> = columns;
    shape[table] = Object.entries(described).map(([name, c]) => column(name, c.sql, !c.nullable));
  }
  return shape;
}

test('the typed schema in src/storage/schema.ts declares every table and column the SQLite migrations make', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'homecoming-declared-'));
  const sqlite = openDatabase(path.join(dir, 'declared.sqlite'));
  try {
    expect(declaredShape()).toEqual(sqliteShape(sqlite).tables);
  } finally {
    sqlite.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

test('SQLite and Postgres have a migration for each number, and the same count', () => {
  const sqlite = readMigrations(projectFile('db', 'migrations')).map((m) => m.name);
  const postgres = readMigrations(defaultPostgresMigrationsDir()).map((m) => m.name);
  expect(postgres).toEqual(sqlite);
});

test('every Postgres text column is COLLATE "C", so key ranges and ISO times compare as on SQLite', () => {
  for (const migration of readMigrations(defaultPostgresMigrationsDir())) {
    const bare = migration.sql
      .split('\n')
      .filter((line) => !line.trim().startsWith('--'))
      .filter((line) => /\btext\b/i.test(line) && !/COLLATE "C"/.test(line));
    expect({ file: migration.name, lines: bare }).toEqual({ file: migration.name, lines: [] });
  }
});

describeOnPostgres('Postgres schema', () => {
  let scratch: ScratchDatabase;
  let pool: Pool;
  let dir: string;

  beforeAll(async () => {
    scratch = await createScratchDatabase();
    pool = openPostgresPool(scratch.url, { maxConnections: 8 });
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'homecoming-parity-'));
  });

  afterAll(async () => {
    await pool.end();
    await scratch.drop();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  test('replicas migrating at once take turns: one applies, the others find nothing to do', async () => {
    const pools = [pool, openPostgresPool(scratch.url), openPostgresPool(scratch.url)];
    try {
      const results = await Promise.all(pools.map((p) => migratePostgres(p)));
      const latest = readMigrations(defaultPostgresMigrationsDir()).length;
      expect(results.map((r) => r.to)).toEqual([latest, latest, latest]);
      expect(results.filter((r) => r.from === 0)).toHaveLength(1);
      const again = await migratePostgres(pool);
      expect(again).toEqual({ from: latest, to: latest, newerThanBuild: false });
    } finally {
      await Promise.all(pools.slice(1).map((p) => p.end()));
    }
  });

  test('has the same tables, columns and indexes as SQLite', async () => {
    const sqlite = openDatabase(path.join(dir, 'parity.sqlite'));
    try {
      const expected = sqliteShape(sqlite);
      const actual = await postgresShape(pool);
      expect(actual.tables).toEqual(expected.tables);
      expect(actual.indexes).toEqual(expected.indexes);
    } finally {
      sqlite.close();
    }
  });

  test('counts come back as numbers, as on SQLite, not as the strings pg gives for int8', async () => {
    const { rows } = await pool.query<{ n: unknown; total: unknown }>(
      'SELECT count(*) AS n, sum(1::integer) AS total FROM members',
    );
    expect(rows[0]).toEqual({ n: 0, total: null });
    const more = await pool.query<{ n: unknown }>('SELECT count(*) AS n FROM generate_series(1, 3)');
    expect(more.rows[0]?.n).toBe(3);
  });

  test('an older build meeting a newer schema (a rolling deploy) keeps running and says so', async () => {
    const older = fs.mkdtempSync(path.join(dir, 'older-'));
    const first = readMigrations(defaultPostgresMigrationsDir())[0];
    if (first === undefined) throw new Error('no migrations');
    fs.writeFileSync(path.join(older, first.name), first.sql);
    const result = await migratePostgres(pool, older);
    expect(result.newerThanBuild).toBe(true);
    expect(result.to).toBe(result.from);
  });
});
