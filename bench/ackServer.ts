/**
 * A server under test for the latency bench, in its own process:
 *   BENCH_SLACK_URL=http://127.0.0.1:<port>/api/ node dist/bench/ackServer.js bot|bare
 * bot:  the real Homecoming (HTTP mode) on a seeded SQLite file.
 * bare: a Bolt app whose only listeners acknowledge: the floor any Bolt app stands on.
 * The fake Slack runs in the driver's process, as Slack runs elsewhere in production, so that
 * answering the bot's own Web API calls does not count against the bot.
 * Prints one JSON line {port} when ready. In bot mode, a line "digest" on stdin plans a
 * digest to every seeded member and delivers it, then prints {digest: true, …}.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import readline from 'node:readline';
import { App, LogLevel } from '@slack/bolt';
import { sql as rawSql } from 'kysely';
import { loadConfig } from '../src/config';
import { LineLogger } from '../src/logger';
import { startBot } from '../src/main';
import { openDatabase } from '../src/storage/database';

export const BENCH_SECRET = 'bench-signing-secret';
export const BENCH_USERS = 50;
const DIGEST_MEMBERS = Number(process.env.BENCH_DIGEST_MEMBERS ?? 1000);

function seed(file: string): void {
  const db = openDatabase(file);
  const now = new Date().toISOString();
  db.transaction(() => {
    const member = db.prepare(
      "INSERT INTO members (user_id, created_at, agreed_at, agreed_version, display_name) VALUES (?, ?, ?, '2026-11-24', ?)",
    );
    const locale = db.prepare(
      "INSERT INTO user_locales (user_id, locale, fetched_at) VALUES (?, 'en-US', ?)",
    );
    const interest = db.prepare('INSERT INTO member_interests (user_id, tag, added_at) VALUES (?, ?, ?)');
    for (let i = 0; i < BENCH_USERS; i += 1) {
      member.run(`UB${String(i).padStart(4, '0')}`, now, now, `Bench ${i}`);
      locale.run(`UB${String(i).padStart(4, '0')}`, now);
    }
    for (let i = 0; i < DIGEST_MEMBERS; i += 1) {
      const user = `UD${String(i).padStart(6, '0')}`;
      member.run(user, now, now, `Digest ${i}`);
      locale.run(user, now);
      interest.run(user, 'go', now);
    }
    const start = new Date(Date.now() + 7 * 86_400_000).toISOString();
    const end = new Date(Date.now() + 7 * 86_400_000 + 3_600_000).toISOString();
    db.prepare(
      "INSERT INTO events (id, title, starts_at, ends_at, channel, reminders, created_by, created_at, card_channel, card_ts) VALUES (1, 'Bench meetup', ?, ?, 'C0BENCH', '[]', 'UB0000', ?, 'C0BENCH', '1700000000.000100')",
    ).run(start, end, now);
    db.prepare(
      "INSERT INTO jobs (id, title, work_style, employment_type, apply_url, status, created_at) VALUES (1, 'Go engineer', 'remote', 'full_time', 'https://jobs.example.com/1', 'open', ?)",
    ).run(now);
    db.prepare("INSERT INTO job_tags (job_id, tag) VALUES (1, 'go')").run();
    // The card's channel is known to be public, as if the bot had asked Slack when posting it.
    db.prepare(
      "INSERT INTO audience_channels (channel_id, is_private, checked_at) VALUES ('C0BENCH', 0, ?)",
    ).run(now);
  })();
  db.close();
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
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'homecoming-ackbench-'));
  const file = path.join(dir, 'bench.sqlite');
  seed(file);
  const config = loadConfig({
    SLACK_BOT_TOKEN: 'xoxb-bench',
    SLACK_SIGNING_SECRET: BENCH_SECRET,
    SLACK_API_URL: slack.url,
    PORT: '0',
    DATABASE_PATH: file,
    ADMIN_USER_IDS: 'UB0000',
    LOG_LEVEL: 'error',
    // The bench drives delivery itself.
    SCHEDULER_CRON: '0 0 1 1 *',
    BULK_POSTS_PER_SECOND: process.env.BENCH_BULK_RATE ?? '10',
  });
  const bot = await startBot(config, { logger: new LineLogger(LogLevel.ERROR) });
  process.stdout.write(`${JSON.stringify({ port: bot.port })}\n`);

  const lines = readline.createInterface({ input: process.stdin });
  lines.on('line', (line) => {
    if (line.trim() !== 'digest') return;
    void (async () => {
      const started = Date.now();
      await bot.services.digests.runNow('UB0000');
      // Deliver until nothing is waiting (each tick sends what is due, waiting out 429s).
      for (let i = 0; i < 10_000; i += 1) {
        await bot.services.scheduler.tick();
        const waiting = await rawSql<{ n: number }>`
          SELECT count(*) AS n FROM outbox WHERE kind = 'digest' AND status IN ('pending', 'sending')`.execute(
          bot.services.store.sql,
        );
        if (Number(waiting.rows[0]?.n ?? 0) === 0) break;
      }
      const { rows } = await rawSql<{ status: string; n: number }>`
        SELECT status, count(*) AS n FROM outbox WHERE kind = 'digest' GROUP BY status`.execute(
        bot.services.store.sql,
      );
      process.stdout.write(
        `${JSON.stringify({ digest: true, members: DIGEST_MEMBERS, durationMs: Date.now() - started, statuses: Object.fromEntries(rows.map((r) => [r.status, r.n])) })}\n`,
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
