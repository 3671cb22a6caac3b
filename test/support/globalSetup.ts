import { randomBytes } from 'node:crypto';

/** Runs once before `npm test`: says plainly when the Postgres runs will be skipped. */
export default function globalSetup(): void {
  // Names this run's scratch databases, so that globalTeardown drops them and no other run's.
  process.env.HOMECOMING_TEST_RUN = randomBytes(4).toString('hex');
  const url = process.env.TEST_DATABASE_URL?.trim();
  if (process.env.TEST_ENGINE?.trim() === 'postgres' && (url === undefined || url === '')) {
    throw new Error(
      'TEST_ENGINE=postgres needs TEST_DATABASE_URL: eval "$(scripts/pg-throwaway.sh start)" first',
    );
  }
  if (url === undefined || url === '') {
    process.stdout.write(
      '\nPostgres runs SKIPPED: TEST_DATABASE_URL is not set, so only SQLite is tested.\n' +
        'To test Postgres too: eval "$(scripts/pg-throwaway.sh start)" && npm test\n\n',
    );
  } else {
    const engine = process.env.TEST_ENGINE?.trim() === 'postgres' ? 'Postgres' : 'SQLite';
    process.stdout.write(
      `\nPostgres runs ON: ${new URL(url).host}; the front-door bots run on ${engine} (TEST_ENGINE)\n\n`,
    );
  }
}
