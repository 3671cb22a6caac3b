/**
 * `npm run bench -- ack`: acknowledgement latency of today's bot on SQLite and on Postgres, the
 * baseline build on SQLite and a bare Bolt app, interleaved per request kind so that machine
 * noise falls on all alike; then a single process delivering a digest at Slack's pace.
 */
import { load, measure, rsvpBody, slashBody, startServer, type RequestBody, type Server } from './ackLatency';
import { BENCH_USERS } from './ackServer';
import { baseline } from './baseline';
import { startBenchSlack, type BenchSlack } from './fakeSlackApi';
import { sayPostgresSkipped, scratchDatabase } from './scratchPostgres';
import { percentile } from './synthetic';

export const round1 = (n: number): number => Math.round(n * 10) / 10;
const ratio = (a: number, b: number): number => round1(a / Math.max(b, 0.01));

export const benchUser = (i: number): string => `UB${String(i % BENCH_USERS).padStart(4, '0')}`;

export function responseUrlOf(slack: BenchSlack): string {
  return slack.url.replace(/api\/$/, 'response');
}

const scenarios = (responseUrl: string): { name: string; make: (i: number) => RequestBody }[] => [
  { name: '/alumni help', make: (i) => slashBody('help', benchUser(i), responseUrl) },
  {
    name: '/alumni interests add|remove',
    make: (i) =>
      slashBody(`interests ${i % 2 === 0 ? 'add' : 'remove'} bench-${i % 7}`, benchUser(i), responseUrl),
  },
  {
    name: 'RSVP button (block_actions)',
    make: (i) => rsvpBody(benchUser(i), i % 2 === 0 ? 'event.rsvp.going' : 'event.rsvp.maybe', responseUrl),
  },
];

export async function ackBench(): Promise<void> {
  console.log(
    '\nAcknowledgement latency, 50 concurrent signed requests, median of 3 rounds of 1,000 (goals: the RSVP p99 ≤ 1.5 × bare Bolt on each engine; SQLite p99 no slower than the baseline build; Postgres p99 ≤ 1.5 × SQLite)',
  );
  const old = baseline();
  const slack = await startBenchSlack();
  const env = { BENCH_SLACK_URL: slack.url };
  const scratch = await scratchDatabase();
  if (scratch === undefined) sayPostgresSkipped('the ack latency');
  const servers: { bot: Server; bare: Server; postgres?: Server; baseline?: Server } = {
    bot: await startServer('bot', env),
    bare: await startServer('bare', env),
  };
  const rows = [];
  try {
    if (old !== undefined) servers.baseline = await startServer('bot', env, old.benchDir);
    // The same bot on a database of its own on the server TEST_DATABASE_URL names.
    if (scratch !== undefined)
      servers.postgres = await startServer('bot', { ...env, BENCH_DATABASE_URL: scratch.url });
    for (const scenario of scenarios(responseUrlOf(slack))) {
      const bare = await measure(servers.bare.port, scenario.make);
      const base = servers.baseline && (await measure(servers.baseline.port, scenario.make));
      const bot = await measure(servers.bot.port, scenario.make);
      const pg = servers.postgres && (await measure(servers.postgres.port, scenario.make));
      rows.push({
        request: scenario.name,
        'SQLite p50/p99 (ms)': `${round1(bot.p50)} / ${round1(bot.p99)}`,
        'baseline SQLite p50/p99': base === undefined ? '-' : `${round1(base.p50)} / ${round1(base.p99)}`,
        'SQLite/baseline p99 (goal ≤ 1)': base === undefined ? '-' : ratio(bot.p99, base.p99),
        'Postgres p50/p99 (ms)': pg === undefined ? 'skipped' : `${round1(pg.p50)} / ${round1(pg.p99)}`,
        'Postgres/SQLite p99 (goal ≤ 1.5)': pg === undefined ? '-' : ratio(pg.p99, bot.p99),
        'bare Bolt p50/p99': `${round1(bare.p50)} / ${round1(bare.p99)}`,
        'SQLite/bare p99 (goal ≤ 1.5)': ratio(bot.p99, bare.p99),
        'Postgres/bare p99 (goal ≤ 1.5)': pg === undefined ? '-' : ratio(pg.p99, bare.p99),
        errors: bot.errors + bare.errors + (pg?.errors ?? 0) + (base?.errors ?? 0),
      });
    }
    console.table(rows);
    if (old !== undefined) console.log(`baseline: ${old.ref.slice(0, 12)} (bench/baseline.ts)`);
  } finally {
    for (const server of Object.values(servers)) await server?.stop();
    await scratch?.drop();
  }
  await digestDeliveryBench(slack, 50, 50);
  // Nothing configured: the pace finds each limit by itself (issue 15's goal: ≥ 95 %), on each
  // engine (the outbox's claims are the engine's).
  for (const allowed of [20, 50, 100]) {
    await digestDeliveryBench(slack, allowed, undefined);
    const postgres = await scratchDatabase();
    if (postgres === undefined) sayPostgresSkipped('delivery');
    else {
      try {
        await digestDeliveryBench(slack, allowed, undefined, postgres.url);
      } finally {
        await postgres.drop();
      }
    }
  }
  await slack.close();
}

/**
 * A digest to 1,000 members from one process on SQLite (or on the Postgres database `postgresUrl`), against a fake Slack that answers 429
 * (Retry-After: 1) above `allowedRate` posts a second, while people keep using /alumni help.
 * `configuredRate` is the bot's BULK_POSTS_PER_SECOND: equal to the limit, or unset (the pace
 * finds the limit by itself, starting at 10 posts a second).
 */
async function digestDeliveryBench(
  slack: BenchSlack,
  allowedRate: number,
  configuredRate: number | undefined,
  postgresUrl?: string,
): Promise<void> {
  console.log(
    `\nDigest delivery to 1,000 members, one process on ${postgresUrl === undefined ? 'SQLite' : 'Postgres'}; Slack answers 429 above ${allowedRate} posts/s; BULK_POSTS_PER_SECOND=${configuredRate ?? 'unset'}; /alumni help measured meanwhile (goal ≥ ${configuredRate === undefined ? 95 : 90} % of the allowed rate)`,
  );
  const responseUrl = responseUrlOf(slack);
  slack.reset();
  const bot = await startServer('bot', {
    BENCH_SLACK_URL: slack.url,
    BENCH_BULK_RATE: configuredRate === undefined ? '' : String(configuredRate),
    ...(postgresUrl === undefined ? {} : { BENCH_DATABASE_URL: postgresUrl }),
  });
  try {
    slack.setPostRate(allowedRate, 10);
    bot.child.stdin?.write('digest\n');
    let digest: Record<string, unknown> | undefined;
    const duringLatencies: number[] = [];
    const interactive = (async () => {
      // People keep using the bot while the digest goes out: small batches until it is done.
      for (let i = 0; digest === undefined && i < 10_000; i += 1) {
        const batch = await load(bot.port, (n) => slashBody('help', benchUser(n), responseUrl), 50, 10);
        duringLatencies.push(...batch.latencies);
      }
    })();
    for (;;) {
      const line = await bot.lines.next();
      if (line.done === true) break;
      const parsed = JSON.parse(String(line.value)) as Record<string, unknown>;
      if (parsed.digest === true) {
        digest = parsed;
        break;
      }
    }
    await interactive;
    slack.setPostRate(undefined);
    if (digest !== undefined) {
      const digestKeys = [...slack.acceptedKeys].filter(([key]) => key.startsWith('digest:'));
      const delivered = digestKeys.length;
      const achieved = delivered / (Number(digest.durationMs) / 1000);
      console.table([
        {
          members: digest.members,
          'duration incl. planning (ms)': digest.durationMs,
          'achieved posts/s': round1(achieved),
          'allowed posts/s': allowedRate,
          'share of allowed': `${round1((achieved / allowedRate) * 100)} %`,
          '429s answered': slack.rejected429,
          lost: Number(digest.members) - delivered,
          duplicated: digestKeys.filter(([, n]) => n > 1).length,
          'help p50 meanwhile (ms)': round1(percentile(duringLatencies, 50)),
          'help p99 meanwhile (ms)': round1(percentile(duringLatencies, 99)),
        },
      ]);
    }
  } finally {
    await bot.stop();
  }
}
