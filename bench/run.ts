/**
 * `npm run bench`: prints figures, asserts nothing. Each scenario runs in a fresh Node process
 * so that its peak RSS is its own; timings are medians of several rounds.
 */
import { ackBench } from './ackBench';
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

/** Intro pairing (src/intros/pairing.ts), each size in a fresh process, after six rounds of history. */
function introBench(): void {
  console.log(
    '\nIntro pairing, with six earlier rounds never to repeat (goals: 10,000 opted-in members in ≤ 2 s; 100,000 in ≤ 3 s, no repeats, ≥ 99 % of pairs sharing an interest)',
  );
  const rows = [1000, 30000, 100000].map(
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
