/**
 * A server under test for the latency bench, in its own process:
 *   BENCH_SLACK_URL=http://127.0.0.1:<port>/api/ node dist/bench/ackServer.js bot|bare
 * bot:  the real Homecoming (HTTP mode) on a seeded SQLite file.
 * bare: a Bolt app whose only listeners acknowledge: the floor any Bolt app stands on.
 * The fake Slack runs in the driver's process, as Slack runs elsewhere in production, so that
 * answering the bot's own Web API calls does not count against the bot.
 * Prints one JSON line {port} when ready. In bot mode, a line "digest" on stdin plans a
 * digest to every seeded member and delivers it, then prints {digest: true, …}; a line "plan"
 * only plans it (the scheduler's own ticks deliver), then prints {planned: true, …}.
 * Replicas (bench/replicas.ts): BENCH_SKIP_SEED=1 joins a database another replica seeded;
 * BENCH_SCHEDULER_CRON, BENCH_LEASE (on|off) and BENCH_TOKEN set the scheduler and the token.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import readline from 'node:readline';
import { App, LogLevel } from '@slack/bolt';
import { loadConfig } from '../src/config';
import { LineLogger } from '../src/logger';
import { startBot } from '../src/main';
import { openDatabase } from '../src/storage/database';
import { openSql } from '../src/storage/kysely/open';
import { openPostgresPool } from '../src/storage/postgres/connect';
import { migratePostgres } from '../src/storage/postgres/migrate';
import type { Sql } from '../src/storage/schema';

export const BENCH_SECRET = 'bench-signing-secret';
export const BENCH_USERS = 50;
const DIGEST_MEMBERS = Number(process.env.BENCH_DIGEST_MEMBERS ?? 1000);

/** The bench community, written through the typed builder so that it seeds either engine. */
async function seed(sql: Sql): Promise<void> {
  const now = new Date().toISOString();
  const people = [
    ...Array.from({ length: BENCH_USERS }, (_, i) => ({
      id: `UB${String(i).padStart(4, '0')}`,
      name: `Bench ${i}`,
    })),
    ...Array.from({ length: DIGEST_MEMBERS }, (_, i) => ({
      id: `UD${String(i).padStart(6, '0')}`,
      name: `Digest ${i}`,
    })),
  ];
  await sql.transaction().execute(async (trx) => {
    for (let offset = 0; offset < people.length; offset += 500) {
      const batch = people.slice(offset, offset + 500);
      await trx
        .insertInto('members')
        .values(
          batch.map((p) => ({
            user_id: p.id,
            created_at: now,
            agreed_at: now,
            agreed_version: '2026-11-24',
            display_name: p.name,
          })),
        )
        .execute();
      await trx
        .insertInto('user_locales')
        .values(batch.map((p) => ({ user_id: p.id, locale: 'en-US', fetched_at: now })))
        .execute();
      const digestMembers = batch.filter((p) => p.id.startsWith('UD'));
      if (digestMembers.length > 0)
        await trx
          .insertInto('member_interests')
          .values(digestMembers.map((p) => ({ user_id: p.id, tag: 'go', added_at: now })))
          .execute();
    }
    const start = new Date(Date.now() + 7 * 86_400_000).toISOString();
    const end = new Date(Date.now() + 7 * 86_400_000 + 3_600_000).toISOString();
    await trx
      .insertInto('events')
      .values({
        title: 'Bench meetup',
        starts_at: start,
        ends_at: end,
        channel: 'C0BENCH',
        reminders: '[]',
        created_by: 'UB0000',
        created_at: now,
        card_channel: 'C0BENCH',
        card_ts: '1700000000.000100',
      })
      .execute();
    const job = await trx
      .insertInto('jobs')
      .values({
        title: 'Go engineer',
        work_style: 'remote',
        employment_type: 'full_time',
        apply_url: 'https://jobs.example.com/1',
        status: 'open',
        created_at: now,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await trx.insertInto('job_tags').values({ job_id: job.id, tag: 'go' }).execute();
    // The card's channel is known to be public, as if the bot had asked Slack when posting it.
    await trx
      .insertInto('audience_channels')
      .values({ channel_id: 'C0BENCH', is_private: 0, checked_at: now })
      .execute();
  });
}

/** SQLite in a temp file, or the Postgres database the driver made for this run (BENCH_DATABASE_URL). */
async function seededDatabase(): Promise<Record<string, string>> {
  const url = process.env.BENCH_DATABASE_URL;
  if (url !== undefined && url !== '' && process.env.BENCH_SKIP_SEED === '1') return { DATABASE_URL: url };
  if (url !== undefined && url !== '') {
    const pool = openPostgresPool(url, { maxConnections: 2 });
    await migratePostgres(pool);
    const sql = openSql({ kind: 'postgres', pool });
    await seed(sql);
    await sql.destroy();
    return { DATABASE_URL: url };
  }
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'homecoming-ackbench-'));
  const file = path.join(dir, 'bench.sqlite');
  const db = openDatabase(file);
  const sql = openSql({ kind: 'sqlite', db });
  await seed(sql);
  await sql.destroy();
  db.close();
  return { DATABASE_PATH: file };
}

async function main(): Promise<void> {
  const mode = process.argv[2] === 'bare' ? 'bare' : 'bot';
  const slack = { url: process.env.BENCH_SLACK_URL ?? 'http://127.0.0.1:9/api/' };
  if (mode === 'bare') {
    const app = new App({
      token: 'xoxb-bench',
      signingSecret: BENCH_SECRET,
      logLevel: LogLevel.ERROR,
      clientOptions: { slackApiUrl: slack.url },
    });
    app.command('/alumni', async ({ ack }) => {
      await ack();
    });
    app.action(/.*/, async ({ ack }) => {
      await ack();
    });
    const server = (await app.start(0)) as import('node:http').Server;
    const address = server.address();
    process.stdout.write(
      `${JSON.stringify({ port: typeof address === 'object' && address !== null ? address.port : 0 })}\n`,
    );
    return;
  }
  const database = await seededDatabase();
  const config = loadConfig({
    SLACK_BOT_TOKEN: process.env.BENCH_TOKEN ?? 'xoxb-bench',
    SLACK_SIGNING_SECRET: BENCH_SECRET,
    SLACK_API_URL: slack.url,
    PORT: '0',
    ...database,
    ADMIN_USER_IDS: 'UB0000',
    LOG_LEVEL: 'error',
    // The bench drives delivery itself, unless replicas tick on their own.
    SCHEDULER_CRON: process.env.BENCH_SCHEDULER_CRON ?? '0 0 1 1 *',
    SCHEDULER_LEASE: process.env.BENCH_LEASE ?? 'on',
    // Empty: unset, the pace finds Slack's limit by itself.
    BULK_POSTS_PER_SECOND: process.env.BENCH_BULK_RATE ?? '',
  });
  const bot = await startBot(config, { logger: new LineLogger(LogLevel.ERROR) });
  process.stdout.write(`${JSON.stringify({ port: bot.port })}\n`);

  const lines = readline.createInterface({ input: process.stdin });
  lines.on('line', (line) => {
    if (line.trim() === 'plan') {
      void (async () => {
        const started = Date.now();
        const run = await bot.services.digests.runNow('UB0000');
        process.stdout.write(
          `${JSON.stringify({ planned: true, recipients: run.recipients, durationMs: Date.now() - started })}\n`,
        );
      })();
      return;
    }
    if (line.trim() !== 'digest') return;
    void (async () => {
      const started = Date.now();
      await bot.services.digests.runNow('UB0000');
      // Deliver until nothing is waiting (each tick sends what is due, waiting out 429s).
      for (let i = 0; i < 10_000; i += 1) {
        await bot.services.scheduler.tick();
        const counts = await bot.services.outbox.statusCounts('digest:');
        const waiting = counts
          .filter((c) => c.status === 'pending' || c.status === 'sending')
          .reduce((n, c) => n + c.count, 0);
        if (waiting === 0) break;
      }
      const counts = await bot.services.outbox.statusCounts('digest:');
      const statuses: Record<string, number> = {};
      for (const c of counts) statuses[c.status] = (statuses[c.status] ?? 0) + c.count;
      process.stdout.write(
        `${JSON.stringify({ digest: true, members: DIGEST_MEMBERS, durationMs: Date.now() - started, statuses })}\n`,
      );
    })();
  });
  process.once('SIGTERM', () => {
    void bot.stop().then(() => process.exit(0));
  });
}

// Only when run as a process: the driver imports BENCH_USERS from here.
if (require.main === module) {
  main().catch((error: unknown) => {
    process.stderr.write(`${String(error)}\n`);
    process.exit(1);
  });
}
