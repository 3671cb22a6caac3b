/** Runs once before `npm test`: says plainly when the Postgres runs will be skipped. */
export default function globalSetup(): void {
  const url = process.env.TEST_DATABASE_URL?.trim();
  if (url === undefined || url === '') {
    process.stdout.write(
      '\nPostgres runs SKIPPED: TEST_DATABASE_URL is not set, so only SQLite is tested.\n' +
        'To test Postgres too: eval "$(scripts/pg-throwaway.sh start)" && npm test\n\n',
    );
  } else {
    process.stdout.write(`\nPostgres runs ON: ${new URL(url).host}\n\n`);
  }
}
