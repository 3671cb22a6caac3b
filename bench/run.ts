/**
 * `npm run bench`: prints figures, asserts nothing. Each scenario runs in a fresh Node process
 * so that its peak RSS is its own; timings are medians of several rounds.
 */
import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import path from 'node:path';
import { load, measure, rsvpBody, slashBody, startServer, type RequestBody } from './ackLatency';
import { percentile } from './synthetic';
import { startBenchSlack, type BenchSlack } from './fakeSlackApi';
import { coldStart } from './coldStart';
import { BENCH_USERS } from './ackServer';

interface MatchingFigures {
  members: number;
  roles: number;
  matchingMedianMs: number;
  matchingRounds: number[];
  withSomethingToSend: number;
  peakRssMb: number;
  rssBeforeMatchingMb: number;
}

interface PlannedFigures {
  members: number;
  plannedRunMs: number;
  outboxRows: number;
  peakRssMb: number;
}

/** Runs a compiled bench script (npm run bench compiles first) in a fresh Node process. */
function runScript(script: string, args: string[]): string {
  return execFileSync(process.execPath, ['--expose-gc', path.join(__dirname, script), ...args], {
    encoding: 'utf8',
    maxBuffer: 16 * 1024 * 1024,
  });
}

function digestBench(): void {
  console.log('\nDigest matching (goal: 30,000 members × 1,000 roles in ≤ 1 s, RSS ≤ 200 MB)');
  const sizes = [3000, 30000];
  const matching = sizes.map(
    (members) =>
      JSON.parse(runScript('digestMatching.js', [String(members), '1000', 'matching'])) as MatchingFigures,
  );
  const planned = sizes.map(
    (members) =>
      JSON.parse(runScript('digestMatching.js', [String(members), '1000', 'planned'])) as PlannedFigures,
  );
  console.table(
    matching.map((r, i) => ({
      members: r.members,
      roles: r.roles,
      'matching median (ms)': r.matchingMedianMs,
      'rounds (ms)': r.matchingRounds.join(' '),
      'members with a digest': r.withSomethingToSend,
      'matching peak RSS (MB)': r.peakRssMb,
      'full run incl. SQLite + Block Kit (ms)': planned[i]?.plannedRunMs,
      'full run peak RSS (MB)': planned[i]?.peakRssMb,
    })),
  );
  const [small, large] = matching;
  if (small !== undefined && large !== undefined) {
    console.log(
      `growth 3k → 30k members: matching ×${(large.matchingMedianMs / Math.max(small.matchingMedianMs, 0.1)).toFixed(1)} (linear would be ×10)`,
    );
  }
}

const round1 = (n: number): number => Math.round(n * 10) / 10;

/** A fresh database on the Postgres server named by TEST_DATABASE_URL, dropped after the bench. */
async function benchDatabase(): Promise<{ url: string; drop: () => Promise<void> } | undefined> {
  const server = process.env.TEST_DATABASE_URL?.trim();
  if (server === undefined || server === '') return undefined;
  const name = `hc_bench_${randomBytes(6).toString('hex')}`;
  const admin = new Client({ connectionString: server });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE ${name}`); // our own hex name
  } finally {
    await admin.end();
  }
  const url = new URL(server);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: async () => {
      const client = new Client({ connectionString: server });
      await client.connect();
      try {
        await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      } finally {
        await client.end();
      }
    },
  };
}

async function ackBench(): Promise<void> {
  console.log(
    '\nAcknowledgement latency, 50 concurrent signed requests (goal: p99 ≤ 50 ms, ratio to a bare Bolt app ≤ 1.3)',
  );
  const slack = await startBenchSlack();
  const env = { BENCH_SLACK_URL: slack.url };
  const bot = await startServer('bot', env);
  const bare = await startServer('bare', env);
  // The Postgres column: the same bot on a database of its own on the server TEST_DATABASE_URL names.
  const scratch = await benchDatabase();
  const botOnPostgres =
    scratch === undefined ? undefined : await startServer('bot', { ...env, BENCH_DATABASE_URL: scratch.url });
  if (scratch === undefined)
    console.log(
      '(Postgres column skipped: set TEST_DATABASE_URL to a server where the user may CREATE DATABASE)',
    );
  const user = (i: number): string => `UB${String(i % BENCH_USERS).padStart(4, '0')}`;
  const responseUrl = slack.url.replace(/api\/$/, 'response');
  const scenarios: { name: string; make: (i: number) => RequestBody }[] = [
    { name: '/alumni help', make: (i) => slashBody('help', user(i), responseUrl) },
    {
      name: '/alumni interests add|remove',
      make: (i) =>
        slashBody(`interests ${i % 2 === 0 ? 'add' : 'remove'} bench-${i % 7}`, user(i), responseUrl),
    },
    {
      name: 'RSVP button (block_actions)',
      make: (i) => rsvpBody(user(i), i % 2 === 0 ? 'event.rsvp.going' : 'event.rsvp.maybe', responseUrl),
    },
  ];
  const rows = [];
  try {
    for (const scenario of scenarios) {
      // Interleave bot and bare so that machine noise falls on both alike.
      const bareFigures = await measure(bare.port, scenario.make);
      const botFigures = await measure(bot.port, scenario.make);
      const pgFigures =
        botOnPostgres === undefined ? undefined : await measure(botOnPostgres.port, scenario.make);
      rows.push({
        request: scenario.name,
        'SQLite p50 (ms)': round1(botFigures.p50),
        'SQLite p99 (ms)': round1(botFigures.p99),
        'Postgres p50 (ms)': pgFigures === undefined ? '-' : round1(pgFigures.p50),
        'Postgres p99 (ms)': pgFigures === undefined ? '-' : round1(pgFigures.p99),
        'bare Bolt p50 (ms)': round1(bareFigures.p50),
        'bare Bolt p99 (ms)': round1(bareFigures.p99),
        'SQLite/bare p99': round1(botFigures.p99 / Math.max(bareFigures.p99, 0.01)),
        'Postgres/SQLite p99 (goal ≤ 1.5)':
          pgFigures === undefined ? '-' : round1(pgFigures.p99 / Math.max(botFigures.p99, 0.01)),
        errors: botFigures.errors + bareFigures.errors + (pgFigures?.errors ?? 0),
      });
    }
    console.table(rows);
  } finally {
    await bot.stop();
    await bare.stop();
    await botOnPostgres?.stop();
    await scratch?.drop();
  }
  await digestDeliveryBench(slack, 50, 50);
  await digestDeliveryBench(slack, 50, 100);
  await slack.close();
}

/**
 * A digest to 1,000 members against a fake Slack that answers 429 (Retry-After: 1) above
 * `allowedRate` posts a second, while people keep using /alumni help. `configuredRate` is the
 * bot's BULK_POSTS_PER_SECOND: equal to the limit, and twice it (a mis-set pace the bot must
 * find its way down from).
 */
async function digestDeliveryBench(
  slack: BenchSlack,
  allowedRate: number,
  configuredRate: number,
): Promise<void> {
  console.log(
    `\nDigest delivery to 1,000 members; Slack answers 429 above ${allowedRate} posts/s; BULK_POSTS_PER_SECOND=${configuredRate}; /alumni help measured meanwhile`,
  );
  const responseUrl = slack.url.replace(/api\/$/, 'response');
  const user = (i: number): string => `UB${String(i % BENCH_USERS).padStart(4, '0')}`;
  slack.acceptedKeys.clear();
  slack.rejected429 = 0;
  const bot = await startServer('bot', {
    BENCH_SLACK_URL: slack.url,
    BENCH_BULK_RATE: String(configuredRate),
  });
  try {
    slack.setPostRate(allowedRate, 10);
    bot.child.stdin?.write('digest\n');
    let digest: Record<string, unknown> | undefined;
    const duringLatencies: number[] = [];
    const interactive = (async () => {
      // People keep using the bot while the digest goes out: small batches until it is done.
      for (let i = 0; digest === undefined && i < 10_000; i += 1) {
        const batch = await load(bot.port, (n) => slashBody('help', user(n), responseUrl), 50, 10);
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
          'duration (ms)': digest.durationMs,
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
async function coldStartBench(): Promise<void> {
  console.log('\nCold start: `npm start` to GET /healthz 200, database of 30,000 members (goal ≤ 1.5 s)');
  const figures = await coldStart(30000);
  console.table([
    {
      'median (ms)': Math.round(figures.startMs),
      'rounds (ms)': figures.rounds.join(' '),
      'node -e 0 alone (ms)': Math.round(figures.nodeFloorMs),
    },
  ]);
}

interface PairingFigures {
  members: number;
  historyPairs: number;
  medianMs: number;
  roundsMs: number[];
  groups: number;
  trios: number;
  leftOut: number;
  sharingSomething: number;
  meanShared: number;
  repeats: number;
  peakRssMb: number;
}

interface PlannedRoundFigures {
  members: number;
  plannedRoundMs: number;
  groups: number;
  outboxRows: number;
  peakRssMb: number;
}

/** Intro pairing (src/intros/pairing.ts), each size in a fresh process, after six rounds of history. */
function introBench(): void {
  console.log(
    '\nIntro pairing, with six earlier rounds never to repeat (goal: 10,000 opted-in members in ≤ 2 s)',
  );
  const rows = [1000, 10000, 30000].map(
    (members) => JSON.parse(runScript('introPairing.js', [String(members)])) as PairingFigures,
  );
  // The whole round as the planner runs it: SQLite reads, pairing, groups recorded, DMs in the outbox.
  const planned = rows.map(
    (r) => JSON.parse(runScript('introPlanning.js', [String(r.members)])) as PlannedRoundFigures,
  );
  console.table(
    rows.map((r, i) => ({
      members: r.members,
      'median (ms)': r.medianMs,
      'rounds (ms)': r.roundsMs.join(' '),
      groups: r.groups,
      trios: r.trios,
      'left out': r.leftOut,
      'pairs sharing an interest (%)': r.sharingSomething,
      'mean shared tags': r.meanShared,
      'repeats of the last 6 rounds': r.repeats,
      'peak RSS (MB)': r.peakRssMb,
      'full round incl. SQLite + Block Kit (ms)': planned[i]?.plannedRoundMs,
      'full round peak RSS (MB)': planned[i]?.peakRssMb,
    })),
  );
}

/** `npm run bench` runs every section; `npm run bench -- ack cold` runs only those named. */
async function main(): Promise<void> {
  const sections: Record<string, () => void | Promise<void>> = {
    digest: digestBench,
    intro: introBench,
    ack: ackBench,
    cold: coldStartBench,
  };
  const chosen = process.argv.slice(2);
  const unknown = chosen.filter((name) => !(name in sections));
  if (unknown.length > 0)
    throw new Error(`unknown bench section ${unknown.join(', ')}: use ${Object.keys(sections).join(', ')}`);
  for (const [name, run] of Object.entries(sections)) {
    if (chosen.length === 0 || chosen.includes(name)) await run();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
