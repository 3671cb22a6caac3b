/**
 * `npm run bench`: prints figures, asserts nothing. Each scenario runs in a fresh Node process
 * so that its peak RSS is its own; timings are medians of several rounds.
 */
import { ackBench } from './ackBench';
import { baseline } from './baseline';
import { coldStart } from './coldStart';
import { digestBench, runScript } from './digestBench';
import { findBench } from './findBench';
import { sayPostgresSkipped, scratchDatabase } from './scratchPostgres';
import { replicasBench } from './replicas';

async function coldStartBench(): Promise<void> {
  console.log(
    '\nCold start: `npm start` to GET /healthz 200 (goal ≤ 1.5 s at 100,000 members, on SQLite and on Postgres)',
  );
  const rows = [];
  for (const members of [30000, 100000]) {
    const sqlite = await coldStart(members);
    const scratch = await scratchDatabase();
    let postgres: Awaited<ReturnType<typeof coldStart>> | undefined;
    try {
      if (scratch !== undefined)
        postgres = await coldStart(members, 5, { kind: 'postgres', url: scratch.url });
    } finally {
      await scratch?.drop();
    }
    if (scratch === undefined) sayPostgresSkipped('cold start');
    rows.push({
      members,
      'SQLite median (ms)': Math.round(sqlite.startMs),
      'SQLite rounds (ms)': sqlite.rounds.join(' '),
      'Postgres median (ms)': postgres === undefined ? 'skipped' : Math.round(postgres.startMs),
      'Postgres rounds (ms)': postgres?.rounds.join(' ') ?? '-',
      'goal (ms)': 1500,
      'node -e 0 alone (ms)': Math.round(sqlite.nodeFloorMs),
    });
  }
  console.table(rows);
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

/** The whole round planned on a scratch Postgres database; undefined without TEST_DATABASE_URL. */
async function plannedRoundOnPostgres(members: number): Promise<PlannedRoundFigures | undefined> {
  const scratch = await scratchDatabase();
  if (scratch === undefined) return undefined;
  try {
    return JSON.parse(
      runScript('introPlanning.js', [String(members), 'postgres'], {
        env: { BENCH_DATABASE_URL: scratch.url },
      }),
    ) as PlannedRoundFigures;
  } finally {
    await scratch.drop();
  }
}

/** Intro pairing (src/intros/pairing.ts), each size in a fresh process, after six rounds of history. */
async function introBench(): Promise<void> {
  console.log(
    '\nIntro pairing, with six earlier rounds never to repeat (goals: 10,000 opted-in members in ≤ 2 s; 100,000 in ≤ 3 s, no repeats, ≥ 99 % of pairs sharing an interest)',
  );
  // The baseline build's pairing, same community and history, run beside today's in the same minutes.
  const old = baseline();
  const rows = [1000, 30000, 100000].map((members) => ({
    now: JSON.parse(runScript('introPairing.js', [String(members)])) as PairingFigures,
    before:
      old === undefined
        ? undefined
        : (JSON.parse(
            runScript('introPairing.js', [String(members)], { benchDir: old.benchDir }),
          ) as PairingFigures),
  }));
  console.table(
    rows.map(({ now: r, before }) => ({
      members: r.members,
      'median (ms)': r.medianMs,
      'rounds (ms)': r.roundsMs.join(' '),
      'baseline median (ms)': before?.medianMs ?? 'skipped',
      'goal (ms)': r.members >= 100000 ? 3000 : r.members >= 10000 ? 2000 : '-',
      groups: r.groups,
      trios: r.trios,
      'left out': r.leftOut,
      'pairs sharing an interest (%)': r.sharingSomething,
      'mean shared tags': r.meanShared,
      'repeats of the last 6 rounds': r.repeats,
      'peak RSS (MB)': r.peakRssMb,
    })),
  );
  // The whole round as the planner runs it: reads, pairing, groups recorded, DMs in the outbox.
  console.log(
    '\nA whole intro round planned (IntroService.plan: reads, pairing, groups and outbox rows written)',
  );
  const planned = [];
  let postgresSkipped = false;
  for (const members of [1000, 30000, 100000]) {
    const sqlite = JSON.parse(
      runScript('introPlanning.js', [String(members), 'sqlite']),
    ) as PlannedRoundFigures;
    const postgres = await plannedRoundOnPostgres(members);
    postgresSkipped = postgres === undefined;
    planned.push({
      members,
      'SQLite (ms)': sqlite.plannedRoundMs,
      'SQLite peak RSS (MB)': sqlite.peakRssMb,
      'Postgres (ms)': postgres?.plannedRoundMs ?? 'skipped',
      'Postgres peak RSS (MB)': postgres?.peakRssMb ?? '-',
      'goal (ms)': members >= 100000 ? 3000 : members >= 10000 ? 2000 : '-',
      groups: sqlite.groups,
      'outbox rows': sqlite.outboxRows,
    });
  }
  if (postgresSkipped) sayPostgresSkipped('intro planning');
  console.table(planned);
}

/** `npm run bench` runs every section; `npm run bench -- ack cold` runs only those named. */
async function main(): Promise<void> {
  const sections: Record<string, () => void | Promise<void>> = {
    digest: digestBench,
    intro: introBench,
    ack: ackBench,
    replicas: replicasBench,
    cold: coldStartBench,
    find: findBench,
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
