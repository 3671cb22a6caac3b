/**
 * A digest run planned for real, in a fresh process so that its peak RSS is its own:
 *   node dist/bench/digestPlanning.js <members> <roles> sqlite|postgres
 * (postgres: the empty database in BENCH_DATABASE_URL, which the driver made for this run).
 * The community is seeded through the typed builder, so both engines hold the same rows; then
 * the DigestService plans one run: its queries, the stored locale of every recipient, Block Kit
 * for each member, one outbox row per member, a page of members at a time (DIGEST_PAGE_SIZE, or
 * BENCH_DIGEST_PAGE_SIZE to try another). Prints one JSON line, with the run's CPU time beside its
 * wall time (the machine may be shared).
 */
import { LogLevel } from '@slack/bolt';
import { AudienceService } from '../src/audience/service';
import { ManualClock } from '../src/clock';
import { loadConfig } from '../src/config';
import { DigestService } from '../src/digests/service';
import { LocaleService } from '../src/i18n/localeService';
import { LineLogger } from '../src/logger';
import { RoleService } from '../src/roles/service';
import type { DeliveryMessenger } from '../src/scheduler/messenger';
import { Outbox } from '../src/scheduler/outbox';
import { digestJobActions, digestMessages } from '../src/slack/views/digests';
import { AudienceRepository } from '../src/storage/audience';
import { DigestRepository } from '../src/storage/digests';
import { openSql } from '../src/storage/kysely/open';
import { LocaleRepository } from '../src/storage/locales';
import { OutboxRepository } from '../src/storage/outbox';
import { RoleRepository } from '../src/storage/roles';
import type { Sql } from '../src/storage/schema';
import { Store } from '../src/storage/store';
import { openBenchEngine } from './benchEngine';
import { pickTags, rng, tagVocabulary } from './synthetic';

const members = Number(process.argv[2] ?? 30000);
const roles = Number(process.argv[3] ?? 1000);
const engineKind = process.argv[4] === 'postgres' ? 'postgres' : 'sqlite';
const INTERESTS_PER_MEMBER = 5;
const TAGS_PER_ROLE = 3;
const now = new Date('2026-11-30T00:00:00Z');

/** The same community as digestMatching.ts (same seed), as rows. */
async function seed(sql: Sql): Promise<void> {
  const random = rng(42);
  const vocabulary = tagVocabulary(400);
  const at = now.toISOString();
  const people = Array.from({ length: members }, (_, i) => ({
    userId: `U${String(i).padStart(8, '0')}`,
    interests: pickTags(random, vocabulary, INTERESTS_PER_MEMBER),
  }));
  const jobs = Array.from({ length: roles }, (_, i) => ({
    url: `https://jobs.example.com/${i + 1}`,
    tags: pickTags(random, vocabulary, TAGS_PER_ROLE),
  }));
  await sql.transaction().execute(async (trx) => {
    // 500 rows a statement: under SQLite's and Postgres's bound-parameter limits.
    for (let offset = 0; offset < people.length; offset += 500) {
      const batch = people.slice(offset, offset + 500);
      await trx
        .insertInto('members')
        .values(
          batch.map((p) => ({ user_id: p.userId, created_at: at, agreed_at: at, agreed_version: 'bench' })),
        )
        .execute();
      await trx
        .insertInto('user_locales')
        .values(
          batch.map((p, i) => ({
            user_id: p.userId,
            locale: i % 5 === 0 ? 'ja-JP' : 'en-US',
            fetched_at: at,
          })),
        )
        .execute();
      await trx
        .insertInto('member_interests')
        .values(batch.flatMap((p) => p.interests.map((tag) => ({ user_id: p.userId, tag, added_at: at }))))
        .execute();
    }
    for (let offset = 0; offset < jobs.length; offset += 500) {
      const batch = jobs.slice(offset, offset + 500);
      const ids = await trx
        .insertInto('jobs')
        .values(
          batch.map((j, i) => ({
            title: `Role ${offset + i + 1}`,
            work_style: 'remote',
            employment_type: 'full_time',
            apply_url: j.url,
            status: 'open',
            created_at: at,
          })),
        )
        .returning(['id', 'apply_url'])
        .execute();
      const idOf = new Map(ids.map((row) => [row.apply_url, row.id]));
      await trx
        .insertInto('job_tags')
        .values(batch.flatMap((j) => j.tags.map((tag) => ({ job_id: idOf.get(j.url) ?? 0, tag }))))
        .execute();
    }
  });
}

async function main(): Promise<void> {
  const { engine, cleanUp } = await openBenchEngine(engineKind, 'digestPlanning.js');
  const sql = openSql(engine);
  const seedStart = process.hrtime.bigint();
  await seed(sql);
  const seedMs = Number(process.hrtime.bigint() - seedStart) / 1e6;

  const store = new Store(sql);
  const clock = new ManualClock(now);
  const logger = new LineLogger(LogLevel.ERROR);
  const config = loadConfig({ SLACK_BOT_TOKEN: 'xoxb-bench', SLACK_SIGNING_SECRET: 'bench' });
  const noSlack: DeliveryMessenger = new Proxy({} as DeliveryMessenger, {
    get: () => () => Promise.reject(new Error('the bench sends nothing')),
  });
  const locales = new LocaleService(
    new LocaleRepository(store),
    () => Promise.reject(new Error('the bench asks Slack nothing')),
    config.defaultLocale,
    clock,
    logger,
  );
  const audience = new AudienceService({
    repository: new AudienceRepository(store),
    // The bench's roles have no card channel, so nothing here asks Slack about channels.
    directory: {
      describe: () => Promise.reject(new Error('the bench asks Slack nothing')),
      members: () => Promise.reject(new Error('the bench asks Slack nothing')),
    },
    clock,
    logger,
  });
  const outbox = new Outbox({
    repository: new OutboxRepository(store),
    messenger: noSlack,
    clock,
    logger,
    localeOf: (userId) => locales.localeOf(userId),
  });
  const service = new DigestService({
    repository: new DigestRepository(store),
    roles: new RoleService(new RoleRepository(store), [], clock),
    audience,
    outbox,
    messages: digestMessages(config.defaultTimezone, digestJobActions),
    // As in src/services.ts: one query per batch of recipients.
    knownLocalesOf: (userIds) => locales.knownLocalesOf(userIds),
    clock,
    logger,
    weeklyCron: config.digestCron,
    timeZone: config.defaultTimezone,
    pageSize: Number(process.env.BENCH_DIGEST_PAGE_SIZE ?? config.digestPageSize),
  });
  const planStart = process.hrtime.bigint();
  const cpuStart = process.cpuUsage();
  await service.plan(now);
  const planMs = Number(process.hrtime.bigint() - planStart) / 1e6;
  // CPU time of this process alone: on a shared machine wall time also counts others' work.
  const cpu = process.cpuUsage(cpuStart);
  const outboxRows = await sql
    .selectFrom('outbox')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('kind', '=', 'digest')
    .executeTakeFirstOrThrow();
  await sql.destroy();
  cleanUp();
  process.stdout.write(
    `${JSON.stringify({
      engine: engineKind,
      members,
      roles,
      seedMs: Math.round(seedMs),
      plannedRunMs: Math.round(planMs),
      plannedRunCpuMs: Math.round((cpu.user + cpu.system) / 1000),
      outboxRows: Number(outboxRows.n),
      peakRssMb: Math.round(process.resourceUsage().maxRSS / 1024),
    })}\n`,
  );
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
