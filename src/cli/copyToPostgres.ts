import dotenv from 'dotenv';
import { openDatabase } from '../storage/database';
import { CopyRefused, copySqliteToPostgres, type TableCount } from '../storage/copyToPostgres';
import { openPostgresPool } from '../storage/postgres/connect';

/**
 * npm run copy-to-postgres [-- --from FILE --to URL]
 * Copies a SQLite community (DATABASE_PATH by default) into an empty Postgres (DATABASE_URL by
 * default), then prints each table's count on both sides. Stop the bot first: rows written to
 * SQLite during the copy would not be copied.
 */
function argument(args: string[], name: string): string | undefined {
  const index = args.indexOf(name);
  return index >= 0 ? args[index + 1] : undefined;
}

function report(counts: TableCount[]): string {
  const width = Math.max(...counts.map((c) => c.table.length));
  const lines = counts.map(
    (c) => `${c.table.padEnd(width)}  ${String(c.sqlite).padStart(9)}  ${String(c.postgres).padStart(9)}  ok`,
  );
  return [`${'table'.padEnd(width)}  ${'sqlite'.padStart(9)}  ${'postgres'.padStart(9)}`, ...lines].join(
    '\n',
  );
}

/** Host and database only: the URL may carry a password. */
function describeUrl(url: string): string {
  const parsed = new URL(url);
  return `${parsed.hostname}:${parsed.port || '5432'}${parsed.pathname}`;
}

async function main(args: string[]): Promise<number> {
  dotenv.config({ quiet: true });
  const from = argument(args, '--from') ?? process.env.DATABASE_PATH ?? './data/alumni.sqlite';
  const to = argument(args, '--to') ?? process.env.DATABASE_URL;
  if (to === undefined || !/^postgres(ql)?:\/\//.test(to)) {
    process.stderr.write('copy-to-postgres: give the target as --to postgres://… or set DATABASE_URL\n');
    return 2;
  }
  const source = openDatabase(from);
  const target = openPostgresPool(to, { maxConnections: 1 });
  try {
    process.stdout.write(`Copying ${from} into ${describeUrl(to)} …\n`);
    const counts = await copySqliteToPostgres(source, target);
    const rows = counts.reduce((sum, c) => sum + c.sqlite, 0);
    process.stdout.write(
      `${report(counts)}\nCopied ${rows} rows in ${counts.length} tables; every count matches.\n`,
    );
    return 0;
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    process.stderr.write(
      `copy-to-postgres: ${error instanceof CopyRefused ? '' : 'nothing was copied: '}${message}\n`,
    );
    return 1;
  } finally {
    source.close();
    await target.end();
  }
}

if (require.main === module) {
  main(process.argv.slice(2)).then(
    (code) => process.exit(code),
    (error: unknown) => {
      process.stderr.write(`copy-to-postgres: ${String(error)}\n`);
      process.exit(1);
    },
  );
}
