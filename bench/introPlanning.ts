/**
 * One intro round planned for real, in a fresh process:
 *   node dist/bench/introPlanning.js <members> [sqlite|postgres]
 * (postgres: the empty database in BENCH_DATABASE_URL, which the driver made for this run). The
 * community is seeded through the typed builder, so both engines hold the same rows; then the real
 * IntroService plans one round: eligibility and interests read, pairing, every group and its
 * members recorded, every group DM rendered and put in the outbox. Prints one JSON line.
 */
import { LogLevel } from '@slack/bolt';
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
import { IntroRepository } from '../src/storage/intros';
import { openSql } from '../src/storage/kysely/open';
import { NagRepository } from '../src/storage/nags';
import { OutboxRepository } from '../src/storage/outbox';
import { RoleRepository } from '../src/storage/roles';
import type { Sql } from '../src/storage/schema';
import { Store } from '../src/storage/store';
import { openBenchEngine } from './benchEngine';
import { pickTags, rng, tagVocabulary } from './synthetic';

const members = Number(process.argv[2] ?? 10000);
const engineKind = process.argv[3] === 'postgres' ? 'postgres' : 'sqlite';
const INTERESTS_PER_MEMBER = 5;

const config = loadConfig({ SLACK_BOT_TOKEN: 'xoxb-bench', SLACK_SIGNING_SECRET: 'bench' });
const nextRound = new IntroSchedule(config.introsCron, config.defaultTimezone).next(
  new Date('2026-11-20T00:00:00Z'),
);
if (nextRound === undefined) throw new Error('no intro round after 2026-11-20');
const due: Date = nextRound;
const at = new Date(due.getTime() - 86_400_000).toISOString();

/** The same community on either engine (same seed as before): members opted in, five tags each. */
async function seed(sql: Sql): Promise<void> {
  const random = rng(7);
  const vocabulary = tagVocabulary(400);
  await sql.transaction().execute(async (trx) => {
    // 500 rows a statement: under SQLite's and Postgres's bound-parameter limits.
    for (let offset = 0; offset < members; offset += 500) {
      const batch = Array.from({ length: Math.min(500, members - offset) }, (_, k) => ({
        userId: `U${String(offset + k).padStart(8, '0')}`,
        name: `Member ${offset + k}`,
        tags: pickTags(random, vocabulary, INTERESTS_PER_MEMBER),
      }));
      await trx
        .insertInto('members')
        .values(
          batch.map((m) => ({
            user_id: m.userId,
            display_name: m.name,
            title: 'Engineer',
            company: 'Example',
            created_at: at,
            agreed_at: at,
            agreed_version: 'bench',
            last_active_at: at,
          })),
        )
        .execute();
      await trx
        .insertInto('intro_prefs')
        .values(batch.map((m) => ({ user_id: m.userId, status: 'on', updated_at: at })))
        .execute();
      await trx
        .insertInto('member_interests')
        .values(batch.flatMap((m) => m.tags.map((tag) => ({ user_id: m.userId, tag, added_at: at }))))
        .execute();
    }
  });
}

async function measurePlannedRound(): Promise<void> {
  const { engine, cleanUp } = await openBenchEngine(engineKind, 'introPlanning.js');
  const sql = openSql(engine);
  await seed(sql);
  const clock = new ManualClock(due);
  const logger = new LineLogger(LogLevel.ERROR);
  const noSlack: DeliveryMessenger = new Proxy({} as DeliveryMessenger, {
    get: () => () => Promise.reject(new Error('the bench sends nothing')),
  });
  const store = new Store(sql);
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

  const started = process.hrtime.bigint();
  await service.plan(due);
  const planMs = Number(process.hrtime.bigint() - started) / 1e6;
  const count = async (table: 'intro_groups' | 'intro_members'): Promise<number> =>
    Number(
      (
        await sql
          .selectFrom(table)
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );
  const outboxRows = await sql
    .selectFrom('outbox')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('kind', '=', 'intro')
    .executeTakeFirstOrThrow();
  const figures = {
    engine: engineKind,
    members,
    plannedRoundMs: Math.round(planMs),
    groups: await count('intro_groups'),
    placed: await count('intro_members'),
    outboxRows: Number(outboxRows.n),
    peakRssMb: Math.round(process.resourceUsage().maxRSS / 1024),
  };
  await sql.destroy();
  cleanUp();
  process.stdout.write(`${JSON.stringify(figures)}\n`);
}

measurePlannedRound().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
