/**
 * Real bot processes for the fault tests: spawned as an operator runs them (node on src/main,
 * transpiled once per set of sources), a proxy in front of the fake Slack that answers posts after a few milliseconds, and
 * bounded waits. Real time throughout.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import net from 'node:net';
import type { FakeSlack } from '../support/fakeSlack';
import { transpiledMain } from '../support/transpiledBuild';
import { hash01 } from './support';

export interface Running {
  readonly child: ChildProcess;
  readonly exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  output(): string;
}

export function startMain(cwd: string, env: Record<string, string>): Running {
  const child = spawn(process.execPath, [transpiledMain()], {
    cwd,
    env: {
      PATH: process.env.PATH ?? '/usr/bin:/bin',
      HOME: process.env.HOME ?? cwd,
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.setEncoding('utf8').on('data', (chunk: string) => (output += chunk));
  child.stderr?.setEncoding('utf8').on('data', (chunk: string) => (output += chunk));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.once('close', (code, signal) => resolve({ code, signal })),
  );
  return { child, exited, output: () => output };
}

export async function freePort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

/** Polls until `done()` or throws after `ms` with `describe()`; every wait in this file is bounded. */
export async function until(
  done: () => boolean | Promise<boolean>,
  ms: number,
  describe: () => string,
  everyMs = 25,
): Promise<void> {
  const deadline = Date.now() + ms;
  while (!(await done())) {
    if (Date.now() > deadline) throw new Error(`timed out after ${ms} ms: ${describe()}`);
    await new Promise((resolve) => setTimeout(resolve, everyMs));
  }
}

/** The promise's value, or an error after `ms`; the timer never outlives the wait. */
export async function within<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  try {
    return await Promise.race([
      promise,
      new Promise<never>((_resolve, reject) => (timer = setTimeout(() => reject(new Error(what)), ms))),
    ]);
  } finally {
    clearTimeout(timer);
  }
}

export async function healthy(running: Running, port: number): Promise<void> {
  await until(
    async () => {
      if (running.child.exitCode !== null) throw new Error(`the bot exited:\n${running.output()}`);
      try {
        return (
          (await fetch(`http://127.0.0.1:${port}/healthz`, { signal: AbortSignal.timeout(1000) })).status ===
          200
        );
      } catch {
        return false;
      }
    },
    60_000,
    () => `no /healthz 200\n${running.output()}`,
    100,
  );
}

/**
 * Forwards the Web API to the fake, answering chat.postMessage only after 5–20 ms. A request that
 * arrived whole is forwarded even if its sender has died meanwhile: Slack does not un-post a
 * message because the client went away.
 */
export async function slowProxy(
  fake: FakeSlack,
): Promise<{ url: string; inFlight: () => number; close: () => Promise<void> }> {
  let inFlight = 0;
  let count = 0;
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      inFlight += 1;
      count += 1;
      const delay = (req.url ?? '').includes('chat.postMessage')
        ? 5 + Math.floor(hash01('kill-proxy', count) * 16)
        : 0;
      const forward = async (): Promise<void> => {
        await new Promise((resolve) => setTimeout(resolve, delay));
        const headers: Record<string, string> = {};
        for (const name of ['content-type', 'authorization']) {
          const value = req.headers[name];
          if (typeof value === 'string') headers[name] = value;
        }
        const answer = await fetch(new URL(req.url ?? '/', fake.apiUrl.replace(/\/api\/$/, '/')), {
          method: req.method,
          headers,
          body: Buffer.concat(chunks),
        });
        const body = Buffer.from(await answer.arrayBuffer());
        if (!res.destroyed) {
          res.writeHead(answer.status, {
            'content-type': answer.headers.get('content-type') ?? 'application/json',
          });
          res.end(body);
        }
      };
      forward()
        .catch(() => {
          if (!res.destroyed) res.destroy();
        })
        .finally(() => {
          inFlight -= 1;
        });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/api/`,
    inFlight: () => inFlight,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
