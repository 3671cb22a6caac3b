/**
 * openDatabase/migrate on real SQLite files in a temp dir.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { defaultMigrationsDir, migrate, openDatabase, type Db } from '../../src/storage/database';

const MIGRATION_FILE = /^\d{4}_[a-z0-9_]+\.sql$/;

let dir: string;
const open: Db[] = [];

function track(db: Db): Db {
  open.push(db);
  return db;
}

function userVersion(db: Db): number {
  const version = db.pragma('user_version', { simple: true });
  if (typeof version !== 'number') throw new Error(`user_version is ${String(version)}`);
  return version;
}

function tables(db: Db): string[] {
  return db
    .prepare<[], { name: string }>(
      "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name",
    )
    .all()
    .map((row) => row.name);
}

function schema(db: Db): string[] {
  return db
    .prepare<[], { sql: string | null }>('SELECT sql FROM sqlite_master ORDER BY type, name')
    .all()
    .map((row) => row.sql ?? '');
}

/** Opens the file without migrating, to look at what a failed openDatabase left behind. */
function inspect(file: string): Db {
  return track(new Database(file, { readonly: true, fileMustExist: true }));
}

function migrationsDir(files: Record<string, string>): string {
  const migrations = fs.mkdtempSync(path.join(dir, 'migrations-'));
  for (const [name, sql] of Object.entries(files)) fs.writeFileSync(path.join(migrations, name), sql);
  return migrations;
}

const GOOD_0001 =
  "CREATE TABLE good (id INTEGER PRIMARY KEY, name TEXT NOT NULL);\nINSERT INTO good (name) VALUES ('first');\n";
const BROKEN_0002 = [
  'CREATE TABLE partial (id INTEGER PRIMARY KEY);',
  "INSERT INTO good (name) VALUES ('from 0002');",
  'ALTER TABLE good ADD COLUMN added TEXT;',
  'INSERT INTO no_such_table (x) VALUES (1);',
].join('\n');

beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'homecoming-db-'));
});

afterEach(() => {
  for (const db of open.splice(0)) if (db.open) db.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('openDatabase', () => {
  const shipped = fs.readdirSync(defaultMigrationsDir()).filter((file) => MIGRATION_FILE.test(file));

  it('the project ships at least one migration, numbered from 0001 without gaps', () => {
    expect(shipped.length).toBeGreaterThanOrEqual(1);
    expect(shipped.sort().map((file) => Number(file.slice(0, 4)))).toEqual(
      shipped.map((_file, index) => index + 1),
    );
    // Every .sql file in the folder is picked up: none is silently ignored for a bad name.
    expect(fs.readdirSync(defaultMigrationsDir()).filter((file) => file.endsWith('.sql'))).toHaveLength(
      shipped.length,
    );
  });

  it('applies every migration to a fresh file, creating its folder', () => {
    const file = path.join(dir, 'nested', 'folder', 'alumni.sqlite');
    const db = track(openDatabase(file));
    expect(fs.existsSync(file)).toBe(true);
    expect(userVersion(db)).toBe(shipped.length);
    expect(tables(db)).toContain('members');
  });

  it('sets WAL, foreign keys and a 5 s busy timeout', () => {
    const db = track(openDatabase(path.join(dir, 'alumni.sqlite')));
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(db.pragma('busy_timeout', { simple: true })).toBe(5000);
  });

  it('opening again is a no-op: same version, same schema, data kept', () => {
    const file = path.join(dir, 'alumni.sqlite');
    const first = track(openDatabase(file));
    const version = userVersion(first);
    const before = schema(first);
    first.prepare("INSERT INTO members (user_id, created_at) VALUES ('U123', '2026-01-01T00:00:00Z')").run();
    first.close();

    const second = track(openDatabase(file));
    expect(userVersion(second)).toBe(version);
    expect(schema(second)).toEqual(before);
    expect(second.prepare('SELECT user_id FROM members').all()).toEqual([{ user_id: 'U123' }]);
    expect(migrate(second)).toBe(version);
  });

  it('a failing migration leaves the previous version and nothing of itself', () => {
    const file = path.join(dir, 'alumni.sqlite');
    const migrations = migrationsDir({ '0001_good.sql': GOOD_0001 });
    const db = track(openDatabase(file, migrations));
    expect(userVersion(db)).toBe(1);
    const before = schema(db);
    db.close();

    fs.writeFileSync(path.join(migrations, '0002_broken.sql'), BROKEN_0002);
    expect(() => track(openDatabase(file, migrations))).toThrow(/no_such_table/);

    const after = inspect(file);
    expect(userVersion(after)).toBe(1);
    expect(tables(after)).toEqual(['good']);
    expect(schema(after)).toEqual(before);
    expect(after.prepare('SELECT name FROM good').all()).toEqual([{ name: 'first' }]);
  });

  it('on a fresh file, a failure in a later migration rolls back the earlier ones of the same run too', () => {
    const file = path.join(dir, 'alumni.sqlite');
    const migrations = migrationsDir({ '0001_good.sql': GOOD_0001, '0002_broken.sql': BROKEN_0002 });
    expect(() => track(openDatabase(file, migrations))).toThrow();
    const after = inspect(file);
    expect(userVersion(after)).toBe(0);
    expect(tables(after)).toEqual([]);
  });

  it('refuses a gap in the numbering, changing nothing', () => {
    const file = path.join(dir, 'alumni.sqlite');
    const migrations = migrationsDir({
      '0001_good.sql': GOOD_0001,
      '0003_later.sql': 'CREATE TABLE later (id INTEGER);',
    });
    expect(() => track(openDatabase(file, migrations))).toThrow(/0003_later\.sql/);
    const after = inspect(file);
    expect(userVersion(after)).toBe(0);
    expect(tables(after)).toEqual([]);
  });

  it('refuses two migrations with the same number', () => {
    const migrations = migrationsDir({
      '0001_good.sql': GOOD_0001,
      '0001_again.sql': 'CREATE TABLE again (id INTEGER);',
    });
    expect(() => track(openDatabase(path.join(dir, 'alumni.sqlite'), migrations))).toThrow(/out of sequence/);
  });

  it('refuses a database newer than the migrations it knows', () => {
    const file = path.join(dir, 'alumni.sqlite');
    const migrations = migrationsDir({
      '0001_good.sql': GOOD_0001,
      '0002_more.sql': 'CREATE TABLE more (id INTEGER);',
    });
    track(openDatabase(file, migrations)).close();
    fs.rmSync(path.join(migrations, '0002_more.sql'));
    expect(() => track(openDatabase(file, migrations))).toThrow(/version 2/);
  });
});
