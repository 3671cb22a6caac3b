import { dropScratchDatabases } from './postgres';

/** Runs once after `npm test`: drops the scratch Postgres databases this run left (see postgres.ts). */
export default async function globalTeardown(): Promise<void> {
  const run = process.env.HOMECOMING_TEST_RUN;
  if (run !== undefined) await dropScratchDatabases(run);
}
