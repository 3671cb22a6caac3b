import type { Logger } from '../logger';
import { openDatabase } from './database';
import type { Engine } from './kysely/open';
import { openPostgresPool } from './postgres/connect';
import { migratePostgres } from './postgres/migrate';

/** Where the data lives, as the operator configured it (src/config.ts). */
export interface EngineSettings {
  readonly databasePath: string;
  readonly databaseUrl: string | undefined;
}

/** The database named by DATABASE_URL could not be opened or migrated; `message` is one line for the operator. */
export class DatabaseUnavailable extends Error {}

/** Host, port and database only: the URL may carry a password. */
export function describePostgresUrl(url: string): string {
  try {
    const parsed = new URL(url);
    return `${parsed.hostname || 'local socket'}:${parsed.port || '5432'}${parsed.pathname}`;
  } catch {
    return 'the server in DATABASE_URL';
  }
}

/** pg's reason in a few words: its message, or the socket error's code (ECONNREFUSED has no message). */
function reasonOf(error: unknown): string {
  const parts: string[] = [];
  if (error instanceof Error && error.message.trim() !== '') parts.push(error.message.split('\n')[0] ?? '');
  if (typeof error === 'object' && error !== null && 'code' in error && typeof error.code === 'string') {
    if (!parts.some((part) => part.includes(String(error.code)))) parts.push(error.code);
  }
  return parts.join(' ') || String(error);
}

/**
 * Opens the configured engine: with DATABASE_URL a Postgres pool, migrated under the advisory lock
 * (replicas starting together take turns); otherwise the SQLite file at DATABASE_PATH, migrated as
 * before. A Postgres that cannot be reached or migrated stops the start with one line.
 */
export async function openEngine(settings: EngineSettings, logger: Logger): Promise<Engine> {
  if (settings.databaseUrl === undefined) return { kind: 'sqlite', db: openDatabase(settings.databasePath) };
  const where = describePostgresUrl(settings.databaseUrl);
  const pool = openPostgresPool(settings.databaseUrl);
  // An idle connection that the server drops (a restart, a failover) is reported here; without a
  // listener it would end the process. The pool replaces it on the next query, and /healthz tells.
  pool.on('error', (error) => logger.warn(`Postgres connection lost (${where}): ${reasonOf(error)}`));
  try {
    const migration = await migratePostgres(pool);
    if (migration.newerThanBuild) {
      logger.warn(
        `the database at ${where} is at schema version ${migration.from}, newer than this build: a newer replica migrated it; carrying on, as migrations are additive`,
      );
    } else if (migration.to !== migration.from) {
      logger.info(`migrated the database at ${where} from version ${migration.from} to ${migration.to}`);
    }
  } catch (error) {
    await pool.end().catch(() => undefined);
    throw new DatabaseUnavailable(
      `Homecoming could not open the Postgres database at ${where} (DATABASE_URL): ${reasonOf(error)}`,
    );
  }
  return { kind: 'postgres', pool };
}

/** Closes the file or ends the pool; call once, after the last query. */
export async function closeEngine(engine: Engine): Promise<void> {
  if (engine.kind === 'sqlite') engine.db.close();
  else await engine.pool.end();
}

/** False once the SQLite file was closed; a pool has no such state (the /healthz probe asks it instead). */
export function engineOpen(engine: Engine): boolean {
  return engine.kind === 'sqlite' ? engine.db.open : true;
}
