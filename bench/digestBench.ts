/**
 * `npm run bench -- digest`: matching alone, then a whole run planned against a database: today's
 * code on SQLite and on Postgres, and the baseline build on SQLite, each in a fresh process.
 */
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { baseline } from './baseline';
import { sayPostgresSkipped, scratchDatabase } from './scratchPostgres';

interface MatchingFigures {
  members: number;
  roles: number;
  matchingMedianMs: number;
  matchingRounds: number[];
  withSomethingToSend: number;
  peakRssMb: number;
}

interface PlannedFigures {
  members: number;
  plannedRunMs: number;
  /** Absent from the baseline build's script. */
  plannedRunCpuMs?: number;
  outboxRows: number;
  peakRssMb: number;
}

/** Runs a compiled bench script (npm run bench compiles first) in a fresh Node process. */
export function runScript(
  script: string,
  args: string[],
  options: { benchDir?: string; env?: Record<string, string> } = {},
): string {
  return execFileSync(
    process.execPath,
    ['--expose-gc', path.join(options.benchDir ?? __dirname, script), ...args],
    { encoding: 'utf8', maxBuffer: 16 * 1024 * 1024, env: { ...process.env, ...options.env } },
  );
}

const ROLES = '1000';

async function plannedOnPostgres(members: number): Promise<PlannedFigures | undefined> {
  const scratch = await scratchDatabase();
  if (scratch === undefined) return undefined;
  try {
    return JSON.parse(
      runScript('digestPlanning.js', [String(members), ROLES, 'postgres'], {
        env: { BENCH_DATABASE_URL: scratch.url },
      }),
    ) as PlannedFigures;
  } finally {
    await scratch.drop();
  }
}

export async function digestBench(): Promise<void> {
  console.log(
    '\nDigests, 1,000 open roles (goals: matching 30,000 members in ≤ 1 s and ≤ 200 MB; a planned run on SQLite no slower than the baseline build; a planned run of 100,000 members in ≤ 10 s and ≤ 300 MB on both engines)',
  );
  const old = baseline();
  const sizes = [3000, 30000, 100000];
  const rows = [];
  let postgresSkipped = false;
  for (const members of sizes) {
    const matching = JSON.parse(runScript('digestMatching.js', [String(members), ROLES])) as MatchingFigures;
    const sqlite = JSON.parse(
      runScript('digestPlanning.js', [String(members), ROLES, 'sqlite']),
    ) as PlannedFigures;
    const base =
      old === undefined
        ? undefined
        : (JSON.parse(
            runScript('digestMatching.js', [String(members), ROLES, 'planned'], { benchDir: old.benchDir }),
          ) as PlannedFigures);
    const postgres = await plannedOnPostgres(members);
    postgresSkipped = postgres === undefined;
    rows.push({
      members,
      'matching median (ms)': matching.matchingMedianMs,
      'matching peak RSS (MB)': matching.peakRssMb,
      'with a digest': matching.withSomethingToSend,
      'goal (ms / MB)': members >= 100000 ? '≤ 10000 / ≤ 300' : '-',
      'planned run, SQLite (ms)': sqlite.plannedRunMs,
      'SQLite CPU (ms)': sqlite.plannedRunCpuMs ?? '-',
      'baseline SQLite (ms)': base?.plannedRunMs ?? '-',
      'SQLite/baseline (goal ≤ 1)':
        base === undefined ? '-' : Math.round((sqlite.plannedRunMs / base.plannedRunMs) * 100) / 100,
      'planned run, Postgres (ms)': postgres?.plannedRunMs ?? 'skipped',
      'Postgres CPU (ms)': postgres?.plannedRunCpuMs ?? '-',
      'Postgres/SQLite':
        postgres === undefined ? '-' : Math.round((postgres.plannedRunMs / sqlite.plannedRunMs) * 100) / 100,
      'peak RSS SQLite / Postgres (MB)': `${sqlite.peakRssMb} / ${postgres?.peakRssMb ?? '-'}`,
      'outbox rows': sqlite.outboxRows,
    });
  }
  if (postgresSkipped) sayPostgresSkipped('digest planning');
  console.table(rows);
  console.log(
    "A planned run, a page of 1,000 members at a time (DIGEST_PAGE_SIZE; roles, events and audiences read once): the page's members, interests, planned keys and what they already got read from the database, matching, the stored locale of every recipient, Block Kit for each member, one outbox row per member, one transaction per page. CPU: the planning process's own time (the machine may be shared); peak RSS: the whole process, seeding included.",
  );
}
