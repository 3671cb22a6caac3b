/**
 * Cold start: from spawning `npm start` (which compiles only when the sources changed) to the
 * first 200 from GET /healthz, with a database of 30,000 or 100,000 members, on SQLite or Postgres. One start before the timed
 * rounds makes sure the build is current; Node's own start-up (an empty script) is measured
 * alongside as the floor.
 */
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { copySqliteToPostgres } from '../src/storage/copyToPostgres';
import { openDatabase } from '../src/storage/database';
import { openPostgresPool } from '../src/storage/postgres/connect';
import { startBenchSlack } from './fakeSlackApi';
import { median } from './synthetic';

const ROOT = path.join(__dirname, '..', '..');
const NPM = process.platform === 'win32' ? 'npm.cmd' : 'npm';

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = net.createServer();
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address !== null ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

function healthy(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const req = http.get({ host: '127.0.0.1', port, path: '/healthz', timeout: 200 }, (res) => {
      res.resume();
      resolve(res.statusCode === 200);
    });
    req.on('error', () => resolve(false));
    req.on('timeout', () => {
      req.destroy();
      resolve(false);
    });
  });
}

export function seedMembers(file: string, members: number): void {
  const db = openDatabase(file);
  const now = new Date().toISOString();
  db.transaction(() => {
    const member = db.prepare(
      "INSERT INTO members (user_id, created_at, agreed_at, agreed_version) VALUES (?, ?, ?, '2026-11-24')",
    );
    const interest = db.prepare('INSERT INTO member_interests (user_id, tag, added_at) VALUES (?, ?, ?)');
    for (let i = 0; i < members; i += 1) {
      const user = `U${String(i).padStart(8, '0')}`;
      member.run(user, now, now);
      for (let t = 0; t < 5; t += 1) interest.run(user, `tag-${(i * 7 + t * 13) % 400}`, now);
    }
  })();
  db.close();
}

/** Where the bot under test keeps its data: a SQLite file, or a Postgres database (DATABASE_URL). */
export type ColdStartDatabase =
  { readonly kind: 'sqlite' } | { readonly kind: 'postgres'; readonly url: string };

export async function coldStart(
  members: number,
  rounds = 5,
  database: ColdStartDatabase = { kind: 'sqlite' },
): Promise<{ startMs: number; rounds: number[]; nodeFloorMs: number }> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'homecoming-coldstart-'));
  const file = path.join(dir, 'alumni.sqlite');
  seedMembers(file, members);
  const where: Record<string, string> = { DATABASE_PATH: file };
  if (database.kind === 'postgres') {
    // The same community, moved by the project's own copy (the path an operator takes).
    const pool = openPostgresPool(database.url);
    const source = openDatabase(file);
    try {
      await copySqliteToPostgres(source, pool);
    } finally {
      source.close();
      await pool.end();
    }
    where.DATABASE_URL = database.url;
  }
  const slack = await startBenchSlack();
  const times: number[] = [];
  try {
    // Round 0 is the warm-up: it compiles if the sources changed since the last build.
    for (let round = 0; round <= rounds; round += 1) {
      const port = await freePort();
      const started = process.hrtime.bigint();
      // detached: its own process group, so that SIGTERM reaches the bot under npm too.
      const child = spawn(NPM, ['start', '--silent'], {
        cwd: ROOT,
        detached: true,
        stdio: 'ignore',
        env: {
          PATH: process.env.PATH ?? '',
          HOME: process.env.HOME ?? dir,
          SLACK_BOT_TOKEN: 'xoxb-bench',
          SLACK_SIGNING_SECRET: 'bench',
          SLACK_API_URL: slack.url,
          PORT: String(port),
          ...where,
          LOG_LEVEL: 'error',
        },
      });
      // The warm-up may compile (tens of seconds on a busy machine); a timed round that never
      // answers is an error, not a figure.
      const deadline = Date.now() + (round === 0 ? 180_000 : 30_000);
      let up = false;
      while (!up && Date.now() < deadline) {
        up = await healthy(port);
        if (!up) await new Promise((resolve) => setTimeout(resolve, 5));
      }
      const elapsedMs = Number(process.hrtime.bigint() - started) / 1e6;
      if (!up) {
        if (child.pid !== undefined) process.kill(-child.pid, 'SIGTERM');
        throw new Error(`cold start: the bot did not answer /healthz within ${Math.round(elapsedMs)} ms`);
      }
      if (round > 0) times.push(elapsedMs);
      await new Promise<void>((resolve) => {
        child.once('exit', () => resolve());
        if (child.pid !== undefined) process.kill(-child.pid, 'SIGTERM');
      });
    }
  } finally {
    await slack.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
  const floors: number[] = [];
  for (let i = 0; i < rounds; i += 1) {
    const started = process.hrtime.bigint();
    spawnSync(process.execPath, ['-e', '0']);
    floors.push(Number(process.hrtime.bigint() - started) / 1e6);
  }
  return { startMs: median(times), rounds: times.map(Math.round), nodeFloorMs: median(floors) };
}
