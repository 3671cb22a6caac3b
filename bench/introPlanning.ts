/**
 * One intro round planned for real, in a fresh process:
 *   node dist/bench/introPlanning.js <members>
 * The real IntroService against a real SQLite file: eligibility and interests read, pairing,
 * every group and its members recorded, every group DM rendered and put in the outbox. Prints one
 * JSON line.
 */
import { LogLevel } from '@slack/bolt';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ManualClock } from '../src/clock';
import { loadConfig } from '../src/config';
import { IntroSchedule } from '../src/intros/schedule';
import { IntroService } from '../src/intros/service';
import { LineLogger } from '../src/logger';
import { NagLog } from '../src/members/nags';
import { RoleService } from '../src/roles/service';
import { Outbox } from '../src/scheduler/outbox';
import type { DeliveryMessenger } from '../src/scheduler/messenger';
import { introMessages } from '../src/slack/views/intros';
import { openDatabase } from '../src/storage/database';
import { IntroRepository } from '../src/storage/intros';
import { sqliteStore } from '../src/storage/kysely/open';
import { NagRepository } from '../src/storage/nags';
import { OutboxRepository } from '../src/storage/outbox';
import { RoleRepository } from '../src/storage/roles';
import { pickTags, rng, tagVocabulary } from './synthetic';

const members = Number(process.argv[2] ?? 10000);
const INTERESTS_PER_MEMBER = 5;

const config = loadConfig({ SLACK_BOT_TOKEN: 'xoxb-bench', SLACK_SIGNING_SECRET: 'bench' });
const due = new IntroSchedule(config.introsCron, config.defaultTimezone).next(
  new Date('2026-11-20T00:00:00Z'),
);
if (due === undefined) throw new Error('no intro round after 2026-11-20');

const random = rng(7);
const vocabulary = tagVocabulary(400);
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'homecoming-bench-intros-'));
const db = openDatabase(path.join(dir, 'bench.sqlite'));
const at = new Date(due.getTime() - 86_400_000).toISOString();
db.transaction(() => {
  const member = db.prepare(
    `INSERT INTO members (user_id, display_name, title, company, created_at, agreed_at, agreed_version, last_active_at)
     VALUES (?, ?, 'Engineer', 'Example', ?, ?, 'bench', ?)`,
  );
  const pref = db.prepare("INSERT INTO intro_prefs (user_id, status, updated_at) VALUES (?, 'on', ?)");
  const interest = db.prepare('INSERT INTO member_interests (user_id, tag, added_at) VALUES (?, ?, ?)');
  for (let i = 0; i < members; i += 1) {
    const userId = `U${String(i).padStart(8, '0')}`;
    member.run(userId, `Member ${i}`, at, at, at);
    pref.run(userId, at);
    for (const tag of pickTags(random, vocabulary, INTERESTS_PER_MEMBER)) interest.run(userId, tag, at);
  }
})();

const clock = new ManualClock(due);
const logger = new LineLogger(LogLevel.ERROR);
const noSlack: DeliveryMessenger = new Proxy({} as DeliveryMessenger, {
  get: () => () => Promise.reject(new Error('the bench sends nothing')),
});
const store = sqliteStore(db);
const service = new IntroService({
  repository: new IntroRepository(store),
  roles: new RoleService(new RoleRepository(store), [], clock),
  outbox: new Outbox({
    repository: new OutboxRepository(store),
    messenger: noSlack,
    clock,
    logger,
    localeOf: () => Promise.resolve('en'),
  }),
  nags: new NagLog(new NagRepository(store)),
  messages: introMessages(),
  knownLocalesOf: () => Promise.resolve(() => 'en'),
  clock,
  logger,
  cron: config.introsCron,
  timeZone: config.defaultTimezone,
});

async function measurePlannedRound(): Promise<void> {
  const started = process.hrtime.bigint();
  await service.plan(due ?? clock.now());
  const planMs = Number(process.hrtime.bigint() - started) / 1e6;
  const count = (sql: string): number => (db.prepare(sql).get() as { n: number }).n;
  const figures = {
    members,
    plannedRoundMs: Math.round(planMs),
    groups: count('SELECT count(*) AS n FROM intro_groups'),
    placed: count('SELECT count(*) AS n FROM intro_members'),
    outboxRows: count("SELECT count(*) AS n FROM outbox WHERE kind = 'intro'"),
    peakRssMb: Math.round(process.resourceUsage().maxRSS / 1024),
  };
  db.close();
  fs.rmSync(dir, { recursive: true, force: true });
  process.stdout.write(`${JSON.stringify(figures)}\n`);
}

measurePlannedRound().catch((error: unknown) => {
  process.stderr.write(`${String(error)}\n`);
  process.exit(1);
});
