/**
 * Acknowledgement latency of signed requests, real app against a bare Bolt app, both in their
 * own processes, driven from this one over keep-alive HTTP at a fixed concurrency.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { createHmac } from 'node:crypto';
import http from 'node:http';
import path from 'node:path';
import readline from 'node:readline';
import { median, percentile } from './synthetic';

const SECRET = 'bench-signing-secret';

export interface Server {
  readonly port: number;
  readonly child: ChildProcess;
  readonly lines: AsyncIterator<string>;
  stop(): Promise<void>;
}

/** Starts ackServer.js from `benchDir` (today's build, or the baseline's) and waits for its port. */
export async function startServer(
  mode: 'bot' | 'bare',
  env: Record<string, string> = {},
  benchDir = __dirname,
  nodeArgs: readonly string[] = [],
): Promise<Server> {
  const child = spawn(process.execPath, [...nodeArgs, path.join(benchDir, 'ackServer.js'), mode], {
    stdio: ['pipe', 'pipe', 'inherit'],
    env: { ...process.env, ...env },
  });
  const reader = readline.createInterface({ input: child.stdout ?? process.stdin });
  const lines = reader[Symbol.asyncIterator]();
  const first = await lines.next();
  if (first.done === true) throw new Error(`the ${mode} server in ${benchDir} exited before it was ready`);
  const ready = JSON.parse(String(first.value)) as { port: number };
  return {
    port: ready.port,
    child,
    lines,
    stop: () =>
      new Promise<void>((resolve) => {
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
        setTimeout(() => child.kill('SIGKILL'), 3000).unref();
      }),
  };
}

export type RequestBody = { body: string; contentType: string };

export function slashBody(text: string, user: string, responseUrl: string): RequestBody {
  const fields = {
    token: 'x',
    team_id: 'T111',
    team_domain: 'bench',
    channel_id: 'C111',
    channel_name: 'general',
    user_id: user,
    user_name: 'bench',
    command: '/alumni',
    text,
    api_app_id: 'A111',
    response_url: responseUrl,
    trigger_id: '1.2.3',
  };
  return { body: new URLSearchParams(fields).toString(), contentType: 'application/x-www-form-urlencoded' };
}

export function rsvpBody(user: string, actionId: string, responseUrl: string): RequestBody {
  const payload = {
    type: 'block_actions',
    user: { id: user, username: 'bench', name: 'bench', team_id: 'T111' },
    api_app_id: 'A111',
    token: 'x',
    container: {
      type: 'message',
      message_ts: '1700000000.000100',
      channel_id: 'C0BENCH',
      is_ephemeral: false,
    },
    trigger_id: '1.2.3',
    team: { id: 'T111', domain: 'bench' },
    channel: { id: 'C0BENCH', name: 'events' },
    message: { type: 'message', text: 'Bench meetup', user: 'UBOT', ts: '1700000000.000100', blocks: [] },
    state: { values: {} },
    response_url: responseUrl,
    actions: [
      {
        action_id: actionId,
        block_id: 'event.1.rsvp',
        value: '1',
        type: 'button',
        action_ts: '1700000001.000000',
        text: { type: 'plain_text', text: 'Going' },
      },
    ],
  };
  return {
    body: `payload=${encodeURIComponent(JSON.stringify(payload))}`,
    contentType: 'application/x-www-form-urlencoded',
  };
}

const agent = new http.Agent({ keepAlive: true, maxSockets: 64 });

function send(port: number, request: RequestBody): Promise<{ status: number; ms: number }> {
  const timestamp = String(Math.floor(Date.now() / 1000));
  const signature = `v0=${createHmac('sha256', SECRET).update(`v0:${timestamp}:${request.body}`).digest('hex')}`;
  const started = process.hrtime.bigint();
  return new Promise((resolve, reject) => {
    const req = http.request(
      {
        host: '127.0.0.1',
        port,
        path: '/slack/events',
        method: 'POST',
        agent,
        headers: {
          'content-type': request.contentType,
          'content-length': Buffer.byteLength(request.body),
          'x-slack-request-timestamp': timestamp,
          'x-slack-signature': signature,
        },
      },
      (res) => {
        res.resume();
        res.on('end', () =>
          resolve({ status: res.statusCode ?? 0, ms: Number(process.hrtime.bigint() - started) / 1e6 }),
        );
      },
    );
    req.on('error', reject);
    req.end(request.body);
  });
}

/** `count` requests, `concurrency` in flight at a time; latencies in ms. */
export async function load(
  port: number,
  make: (i: number) => RequestBody,
  count: number,
  concurrency: number,
): Promise<{ latencies: number[]; errors: number }> {
  const latencies: number[] = [];
  let errors = 0;
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < count) {
      const i = next;
      next += 1;
      const { status, ms } = await send(port, make(i));
      if (status !== 200) errors += 1;
      latencies.push(ms);
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  return { latencies, errors };
}

export interface LatencyFigures {
  readonly p50: number;
  readonly p99: number;
  readonly errors: number;
}

/** Median over rounds of each round's p50 and p99. */
export async function measure(
  port: number,
  make: (i: number) => RequestBody,
  rounds = 3,
  count = 1000,
  concurrency = 50,
): Promise<LatencyFigures> {
  await load(port, make, 200, concurrency); // warm-up: JIT, connections, caches
  const p50s: number[] = [];
  const p99s: number[] = [];
  let errors = 0;
  for (let round = 0; round < rounds; round += 1) {
    const result = await load(port, make, count, concurrency);
    p50s.push(percentile(result.latencies, 50));
    p99s.push(percentile(result.latencies, 99));
    errors += result.errors;
  }
  return { p50: median(p50s), p99: median(p99s), errors };
}
