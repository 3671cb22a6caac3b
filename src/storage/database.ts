import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { projectFile } from '../paths';
import { readMigrations } from './migrations';

export type Db = Database.Database;

export function defaultMigrationsDir(): string {
  return projectFile('db', 'migrations');
}

/**
 * Applies every migration newer than PRAGMA user_version, all in one transaction,
 * so a failure leaves the database exactly as it was.
 */
export function migrate(db: Db, dir: string = defaultMigrationsDir()): number {
  const current = db.pragma('user_version', { simple: true });
  if (typeof current !== 'number') throw new Error('PRAGMA user_version did not return a number');
  const migrations = readMigrations(dir);
  if (current > migrations.length) {
    throw new Error(
      `database is at version ${current} but this build knows only ${migrations.length} migrations`,
    );
  }
  const pending = migrations.filter((migration) => migration.version > current);
  if (pending.length === 0) return current;
  const last = pending[pending.length - 1];
  const apply = db.transaction(() => {
    for (const migration of pending) db.exec(migration.sql);
    // user_version cannot be bound as a parameter; the value is our own integer.
    db.pragma(`user_version = ${last?.version ?? current}`);
  });
  apply.immediate();
  return last?.version ?? current;
}

export function openDatabase(file: string, migrationsDir?: string): Db {
  if (file !== ':memory:') fs.mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
  const db = new Database(file, { timeout: 5000 });
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  db.pragma('foreign_keys = ON');
  db.pragma('busy_timeout = 5000');
  try {
    migrate(db, migrationsDir);
  } catch (error) {
    db.close();
    throw error;
  }
  return db;
}
