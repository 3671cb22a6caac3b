/**
 * `npm run bench`: prints figures, asserts nothing. Each scenario runs in a fresh Node process
 * so that its peak RSS is its own; timings are medians of several rounds.
 */
import { execFileSync } from 'node:child_process';
import path from 'node:path';

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
  return execFileSync(process.execPath, ['--expose-gc', path.join(__dirname, script), ...args], { encoding: 'utf8', maxBuffer: 16 * 1024 * 1024 });
}

function digestBench(): void {
  console.log('\nDigest matching (goal: 30,000 members × 1,000 roles in ≤ 1 s, RSS ≤ 200 MB)');
  const sizes = [3000, 30000];
  const matching = sizes.map((members) => JSON.parse(runScript('digestMatching.js', [String(members), '1000', 'matching'])) as MatchingFigures);
  const planned = sizes.map((members) => JSON.parse(runScript('digestMatching.js', [String(members), '1000', 'planned'])) as PlannedFigures);
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
    console.log(`growth 3k → 30k members: matching ×${(large.matchingMedianMs / Math.max(small.matchingMedianMs, 0.1)).toFixed(1)} (linear would be ×10)`);
  }
}

digestBench();
