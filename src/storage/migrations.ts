import fs from 'node:fs';
import path from 'node:path';

/** One numbered SQL file: db/migrations (SQLite) and db/postgres (PostgreSQL) hold twins. */
export interface Migration {
  readonly version: number;
  readonly name: string;
  readonly sql: string;
}

/** The migrations in a folder, in order; a gap or a duplicate number is an error, not a skip. */
export function readMigrations(dir: string): Migration[] {
  const migrations = fs
    .readdirSync(dir)
    .filter((file) => /^\d{4}_[a-z0-9_]+\.sql$/.test(file))
    .sort()
    .map((file) => ({
      version: Number(file.slice(0, 4)),
      name: file,
      sql: fs.readFileSync(path.join(dir, file), 'utf8'),
    }));
  migrations.forEach((migration, index) => {
    if (migration.version !== index + 1) {
      throw new Error(`migration ${migration.name} is out of sequence: expected number ${index + 1}`);
    }
  });
  return migrations;
}
