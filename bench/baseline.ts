/**
 * The baseline the SQLite figures are held against: the code as it was before the storage moved
 * to async Kysely (issue 10), built once into a temporary directory and run by the same driver in
 * the same run, so that machine noise falls on both alike. Its bench scripts speak the same
 * protocol as today's (ackServer.js prints {port}; digestMatching.js prints one JSON line).
 *
 * BENCH_BASELINE_REF picks another commit; BENCH_BASELINE=off skips the baseline columns.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/** The last commit on main whose repositories were synchronous better-sqlite3 (before 6510996). */
const DEFAULT_REF = '118655fc9c1954b354e3ddff558e3011f294990e';
const ROOT = path.join(__dirname, '..', '..');

export interface Baseline {
  readonly ref: string;
  /** The compiled bench directory of the baseline (holds ackServer.js, digestMatching.js). */
  readonly benchDir: string;
}

let cached: Baseline | undefined | null = null;

/** Builds the baseline on first use (about half a minute), then reuses it; undefined when skipped or impossible. */
export function baseline(): Baseline | undefined {
  if (cached !== null) return cached;
  cached = buildBaseline();
  return cached;
}

function buildBaseline(): Baseline | undefined {
  if (process.env.BENCH_BASELINE === 'off') {
    console.log('(baseline columns skipped: BENCH_BASELINE=off)');
    return undefined;
  }
  const wanted = process.env.BENCH_BASELINE_REF?.trim() || DEFAULT_REF;
  let ref: string;
  try {
    ref = execFileSync('git', ['-C', ROOT, 'rev-parse', '--verify', `${wanted}^{commit}`], {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'ignore'],
    }).trim();
  } catch {
    console.log(`(baseline columns skipped: commit ${wanted} is not in this repository's history)`);
    return undefined;
  }
  const dir = path.join(os.tmpdir(), `homecoming-bench-baseline-${ref.slice(0, 12)}`);
  const benchDir = path.join(dir, 'dist', 'bench');
  const done = path.join(dir, '.built');
  if (!fs.existsSync(done)) {
    console.log(`(building the baseline ${ref.slice(0, 12)} in ${dir}: once, about half a minute)`);
    fs.rmSync(dir, { recursive: true, force: true });
    fs.mkdirSync(dir, { recursive: true });
    const archive = execFileSync('git', ['-C', ROOT, 'archive', '--format=tar', ref], {
      maxBuffer: 256 * 1024 * 1024,
    });
    execFileSync('tar', ['-x', '-C', dir], { input: archive });
    // Same dependencies as today (package.json did not change them), so today's install serves.
    fs.symlinkSync(path.join(ROOT, 'node_modules'), path.join(dir, 'node_modules'), 'dir');
    execFileSync(
      process.execPath,
      [path.join(ROOT, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', 'tsconfig.bench.json'],
      { cwd: dir, stdio: 'inherit' },
    );
    fs.writeFileSync(done, `${ref}\n`);
  }
  return { ref, benchDir };
}
