/**
 * The bot as an operator runs it: `node -r ts-node/register/transpile-only src/main.ts` in a temp
 * working directory (so no developer .env is read) with only PATH, HOME and the given environment.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';

const REPO = path.resolve(__dirname, '..', '..');
const MAIN = path.join(REPO, 'src', 'main.ts');
/** Resolved from the repo: the child runs in a temp dir where `ts-node` would not be found by name. */
const TS_NODE_REGISTER = require.resolve('ts-node/register/transpile-only');

export interface MainProcess {
  readonly child: ChildProcess;
  readonly cwd: string;
  /** Resolves when the process has exited, with its code or signal. */
  readonly exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  hasExited(): boolean;
  stdout(): string;
  stderr(): string;
  /** SIGKILLs the process if it still runs and removes its working directory. */
  dispose(): Promise<void>;
}

export async function freePort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const address = server.address();
  const port = typeof address === 'object' && address !== null ? address.port : 0;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

/**
 * Starts the bot from its TypeScript sources, or with `script` (e.g. scripts/start.js, what
 * `npm start` runs) as a plain Node script.
 */
export function startMain(env: (cwd: string) => Record<string, string>, script?: string): MainProcess {
  const cwd = fs.mkdtempSync(path.join(os.tmpdir(), 'homecoming-main-'));
  const args = script === undefined ? ['-r', TS_NODE_REGISTER, MAIN] : [script];
  const child = spawn(process.execPath, args, {
    cwd,
    env: {
      PATH: process.env.PATH ?? '/usr/bin:/bin',
      HOME: process.env.HOME ?? cwd,
      // ts-node looks for tsconfig.json from the working directory, which is a temp dir here.
      TS_NODE_PROJECT: path.join(REPO, 'tsconfig.json'),
      ...env(cwd),
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  let err = '';
  let done = false;
  child.stdout?.setEncoding('utf8').on('data', (chunk: string) => (out += chunk));
  child.stderr?.setEncoding('utf8').on('data', (chunk: string) => (err += chunk));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.once('close', (code, signal) => {
      done = true;
      resolve({ code, signal });
    }),
  );
  return {
    child,
    cwd,
    exited,
    hasExited: () => done,
    stdout: () => out,
    stderr: () => err,
    async dispose() {
      if (!done) {
        child.kill('SIGKILL');
        await exited;
      }
      fs.rmSync(cwd, { recursive: true, force: true });
    },
  };
}

/** Polls GET /healthz until it answers 200; throws if the process exits or `ms` pass first. */
export async function waitForHealthy(main: MainProcess, port: number, ms: number): Promise<void> {
  const deadline = Date.now() + ms;
  let last = 'no answer';
  while (Date.now() < deadline && !main.hasExited()) {
    try {
      const response = await fetch(`http://127.0.0.1:${port}/healthz`, { signal: AbortSignal.timeout(1000) });
      if (response.status === 200) return;
      last = `HTTP ${response.status}`;
    } catch (error) {
      last = error instanceof Error ? error.message : String(error);
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(
    `/healthz never answered 200 (${main.hasExited() ? 'the process exited' : `last: ${last}`})\nstderr: ${main.stderr()}`,
  );
}
