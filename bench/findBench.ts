/**
 * `npm run bench -- find`: `find <interest>` at 100,000 members with 20 tags each, on SQLite and
 * on Postgres, each in a fresh process, beside the baseline: the same community searched the way
 * find worked before issue 15 (every member read and ranked in JavaScript), measured in this run.
 */
import { runScript } from './digestBench';
import { sayPostgresSkipped, scratchDatabase } from './scratchPostgres';

interface FindFigures {
  engine: string;
  members: number;
  queries: number;
  medianMs: number;
  p99Ms: number;
  maxMs: number;
  meanFound: number;
  peakRssMb: number;
}

const MEMBERS = Number(process.env.BENCH_FIND_MEMBERS ?? 100000);
const TAGS = '20';

async function onPostgres(): Promise<FindFigures | undefined> {
  const scratch = await scratchDatabase();
  if (scratch === undefined) return undefined;
  try {
    return JSON.parse(
      runScript('findQueries.js', [String(MEMBERS), TAGS, 'postgres'], {
        env: { BENCH_DATABASE_URL: scratch.url },
      }),
    ) as FindFigures;
  } finally {
    await scratch.drop();
  }
}

export async function findBench(): Promise<void> {
  console.log(
    `\nfind <interest>, ${MEMBERS.toLocaleString('en')} members with ${TAGS} tags each (goal: p99 ≤ 50 ms on both engines)`,
  );
  const sqlite = JSON.parse(runScript('findQueries.js', [String(MEMBERS), TAGS, 'sqlite'])) as FindFigures;
  const postgres = await onPostgres();
  if (postgres === undefined) sayPostgresSkipped('find');
  const scan = JSON.parse(
    runScript('findQueries.js', [String(MEMBERS), TAGS, 'sqlite', 'scan']),
  ) as FindFigures;
  const row = (what: string, f: FindFigures | undefined) => ({
    'find runs on': what,
    queries: f?.queries ?? '-',
    'median (ms)': f?.medianMs ?? 'skipped',
    'p99 (ms)': f?.p99Ms ?? '-',
    'goal p99 (ms)': 50,
    'max (ms)': f?.maxMs ?? '-',
    'mean members found': f?.meanFound ?? '-',
    'peak RSS (MB)': f?.peakRssMb ?? '-',
  });
  console.table([
    row('SQLite: member_interests(tag) + FTS5 trigram', sqlite),
    row('Postgres: member_interests(tag) + pg_trgm GIN', postgres),
    row('baseline: every member ranked in JS (SQLite)', scan),
  ]);
  console.log(
    'Queries: 200 interests drawn with the same popularity curve as members hold them (so the most held come up most), one in ten a word of profile text (Latin or Japanese), one in twenty two characters. The caller is a member with 20 tags.',
  );
}
