/**
 * One digest measurement in a fresh process, so that its peak RSS is its own:
 *   node dist/bench/digestMatching.js <members> <roles> matching|planned
 * Prints one JSON line.
 * - matching: the pure selection (TagIndex + selectDigests) over in-memory data, median of 5;
 * - planned: the real DigestService planning a run against a real SQLite file (queries,
 *   rendering every member's Block Kit message, one outbox row per member), once.
 */
import { sqliteStore } from '../src/storage/kysely/open';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ManualClock } from '../src/clock';
import { loadConfig } from '../src/config';
import { TagIndex, selectDigests, type DigestCandidate, type DigestRecipient } from '../src/digests/matching';
import { DigestService } from '../src/digests/service';
import { LineLogger } from '../src/logger';
import { RoleRepository } from '../src/storage/roles';
import { RoleService } from '../src/roles/service';
import { Outbox } from '../src/scheduler/outbox';
import { OutboxRepository } from '../src/storage/outbox';
import { DigestRepository } from '../src/storage/digests';
import { AudienceService } from '../src/audience/service';
import { AudienceRepository } from '../src/storage/audience';
import { openDatabase } from '../src/storage/database';
import { digestJobActions, digestMessages } from '../src/slack/views/digests';
import type { DeliveryMessenger } from '../src/scheduler/messenger';
import { LogLevel } from '@slack/bolt';
import { median, pickTags, rng, tagVocabulary } from './synthetic';

const members = Number(process.argv[2] ?? 30000);
const roles = Number(process.argv[3] ?? 1000);
const mode = process.argv[4] === 'planned' ? 'planned' : 'matching';
const INTERESTS_PER_MEMBER = 5;
const TAGS_PER_ROLE = 3;

const random = rng(42);
const vocabulary = tagVocabulary(400);
const recipients: DigestRecipient[] = Array.from({ length: members }, (_, i) => ({
  userId: `U${String(i).padStart(8, '0')}`,
  interests: pickTags(random, vocabulary, INTERESTS_PER_MEMBER),
}));
const jobs: DigestCandidate[] = Array.from({ length: roles }, (_, i) => ({
  id: i + 1,
  tags: pickTags(random, vocabulary, TAGS_PER_ROLE),
  rank: i,
}));

const rssBeforeMb = process.memoryUsage().rss / 1048576;

// Pure matching, median of five.
const timings: number[] = [];
let selected = 0;
// Collect between rounds (node --expose-gc) so the peak RSS is one run's, not five runs' garbage.
const collect = (globalThis as { gc?: () => void }).gc ?? (() => undefined);
for (let round = 0; round < (mode === 'matching' ? 5 : 0); round += 1) {
  collect();
  const start = process.hrtime.bigint();
  const selections = selectDigests({
    recipients,
    jobs: new TagIndex(jobs),
    events: new TagIndex([]),
    sentJobs: new Map(),
    sentEvents: new Map(),
  });
  timings.push(Number(process.hrtime.bigint() - start) / 1e6);
  selected = selections.size;
}

if (mode === 'matching') {
  process.stdout.write(
    `${JSON.stringify({
      members,
      roles,
      matchingMedianMs: Math.round(median(timings) * 10) / 10,
      matchingRounds: timings.map((t) => Math.round(t)),
      withSomethingToSend: selected,
      peakRssMb: Math.round(process.resourceUsage().maxRSS / 1024),
      rssBeforeMatchingMb: Math.round(rssBeforeMb),
    })}\n`,
  );
  process.exit(0);
}

// The same community in SQLite, planned for real.
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'homecoming-bench-'));
const db = openDatabase(path.join(dir, 'bench.sqlite'));
const now = new Date('2026-11-30T00:00:00Z');
db.transaction(() => {
  const member = db.prepare(
    "INSERT INTO members (user_id, created_at, agreed_at, agreed_version) VALUES (?, ?, ?, 'bench')",
  );
  const interest = db.prepare('INSERT INTO member_interests (user_id, tag, added_at) VALUES (?, ?, ?)');
  for (const r of recipients) {
    member.run(r.userId, now.toISOString(), now.toISOString());
    for (const tag of r.interests) interest.run(r.userId, tag, now.toISOString());
  }
  const job = db.prepare(
    "INSERT INTO jobs (id, title, work_style, employment_type, apply_url, status, created_at) VALUES (?, ?, 'remote', 'full_time', ?, 'open', ?)",
  );
  const jobTag = db.prepare('INSERT INTO job_tags (job_id, tag) VALUES (?, ?)');
  for (const j of jobs) {
    job.run(j.id, `Role ${j.id}`, `https://jobs.example.com/${j.id}`, now.toISOString());
    for (const tag of j.tags) jobTag.run(j.id, tag);
  }
})();
const clock = new ManualClock(now);
const logger = new LineLogger(LogLevel.ERROR);
const config = loadConfig({ SLACK_BOT_TOKEN: 'xoxb-bench', SLACK_SIGNING_SECRET: 'bench' });
const noSlack: DeliveryMessenger = new Proxy({} as DeliveryMessenger, {
  get: () => () => Promise.reject(new Error('the bench sends nothing')),
});
const store = sqliteStore(db);
const outbox = new Outbox({
  repository: new OutboxRepository(store),
  messenger: noSlack,
  clock,
  logger,
  localeOf: () => Promise.resolve('en'),
});
const service = new DigestService({
  repository: new DigestRepository(store),
  roles: new RoleService(new RoleRepository(store), [], clock),
  // The bench's roles have no card channel, so nothing here asks Slack about channels.
  audience: new AudienceService({
    repository: new AudienceRepository(store),
    directory: {
      describe: () => Promise.reject(new Error('the bench asks Slack nothing')),
      members: () => Promise.reject(new Error('the bench asks Slack nothing')),
    },
    clock,
    logger,
  }),
  outbox,
  messages: digestMessages(config.defaultTimezone, digestJobActions),
  knownLocalesOf: () => Promise.resolve(() => 'en'),
  clock,
  logger,
  weeklyCron: config.digestCron,
  timeZone: config.defaultTimezone,
});
async function measurePlannedRun(): Promise<void> {
  const planStart = process.hrtime.bigint();
  await service.plan(now);
  const planMs = Number(process.hrtime.bigint() - planStart) / 1e6;
  const outboxRows = (
    db.prepare("SELECT count(*) AS n FROM outbox WHERE kind = 'digest'").get() as { n: number }
  ).n;
  db.close();
  fs.rmSync(dir, { recursive: true, force: true });

  process.stdout.write(
    `${JSON.stringify({
      members,
      roles,
      plannedRunMs: Math.round(planMs),
      outboxRows,
      peakRssMb: Math.round(process.resourceUsage().maxRSS / 1024),
    })}\n`,
  );
}

measurePlannedRun().catch((error: unknown) => {
  process.stderr.write(`${String(error)}\n`);
  process.exit(1);
});
