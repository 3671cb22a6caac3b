import type { Pool } from 'pg';
import { projectFile } from '../../paths';
import { readMigrations } from '../migrations';

export function defaultPostgresMigrationsDir(): string {
  return projectFile('db', 'postgres');
}

/** Any constant works; this one spells "home". Every replica must use the same. */
const MIGRATION_LOCK_KEY = 0x686f6d65;

export interface PostgresMigrationResult {
  /** The schema version before and after this call. */
  readonly from: number;
  readonly to: number;
  /**
   * True when the database is ahead of this build: a newer replica migrated it during a rolling
   * deploy. Migrations are additive, so an older build keeps working; the caller says so in the log.
   */
  readonly newerThanBuild: boolean;
}

/**
 * Applies the pending db/postgres migrations in one transaction under an advisory lock, so that
 * replicas starting together take turns: the first applies them, the others then find nothing to do.
 * A failure rolls everything back, as on SQLite.
 */
export async function migratePostgres(
  pool: Pool,
  dir: string = defaultPostgresMigrationsDir(),
): Promise<PostgresMigrationResult> {
  const migrations = readMigrations(dir);
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    // Held until COMMIT or ROLLBACK: no unlock to forget on an error path.
    await client.query('SELECT pg_advisory_xact_lock($1)', [MIGRATION_LOCK_KEY]);
    await client.query(
      `CREATE TABLE IF NOT EXISTS schema_migrations (
         version    integer PRIMARY KEY,
         name       text NOT NULL,
         applied_at timestamptz NOT NULL DEFAULT now()
       )`,
    );
    const { rows } = await client.query<{ version: number }>(
      'SELECT coalesce(max(version), 0)::integer AS version FROM schema_migrations',
    );
    const from = rows[0]?.version ?? 0;
    const pending = migrations.filter((migration) => migration.version > from);
    for (const migration of pending) {
      // No parameters: pg sends it as a simple query, so a file may hold many statements.
      await client.query(migration.sql);
      await client.query('INSERT INTO schema_migrations (version, name) VALUES ($1, $2)', [
        migration.version,
        migration.name,
      ]);
    }
    await client.query('COMMIT');
    const to = pending[pending.length - 1]?.version ?? from;
    return { from, to, newerThanBuild: from > migrations.length };
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  } finally {
    client.release();
  }
}
