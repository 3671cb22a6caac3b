/**
 * The bot as an operator runs it: a real `node` process started on src/main.ts, from an empty
 * working directory (so no developer .env is read) with a minimal environment.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { FakeSlack } from '../support/fakeSlack';
import { formEncode, postSigned } from '../support/signing';
import slashFixture from '../fixtures/payloads/slash_command.json';
import { freePort } from '../support/mainProcess';

jest.setTimeout(90_000);

const REPO = path.resolve(__dirname, '..', '..');
const MAIN = path.join(REPO, 'src', 'main.ts');
/** Resolved from the repo: the child runs in a temp dir where `ts-node` would not be found by name. */
const TS_NODE_REGISTER = require.resolve('ts-node/register/transpile-only');
const SIGNING_SECRET = 'process-test-signing-secret';

interface Exit {
  code: number | null;
  signal: NodeJS.Signals | null;
}

interface Running {
  readonly child: ChildProcess;
  readonly exited: Promise<Exit>;
  stdout(): string;
  stderr(): string;
}

const children: ChildProcess[] = [];
const dirs: string[] = [];
let fake: FakeSlack | undefined;

function tempDir(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'homecoming-process-'));
  dirs.push(dir);
  return dir;
}

/** Starts `node -r ts-node/register/transpile-only src/main.ts` in `cwd` with only PATH, HOME and `env`. */
function startMain(cwd: string, env: Record<string, string>): Running {
  const child = spawn(process.execPath, ['-r', TS_NODE_REGISTER, MAIN], {
    cwd,
    env: {
      PATH: process.env.PATH ?? '/usr/bin:/bin',
      HOME: process.env.HOME ?? cwd,
      // ts-node looks for tsconfig.json from the working directory, which is a temp dir here.
      TS_NODE_PROJECT: path.join(REPO, 'tsconfig.json'),
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.push(child);
  let out = '';
  let err = '';
  child.stdout?.setEncoding('utf8').on('data', (chunk: string) => (out += chunk));
  child.stderr?.setEncoding('utf8').on('data', (chunk: string) => (err += chunk));
  const exited = new Promise<Exit>((resolve) =>
    child.once('close', (code, signal) => resolve({ code, signal })),
  );
  return { child, exited, stdout: () => out, stderr: () => err };
}

/** Resolves with the exit, or rejects after `ms` with what the process printed so far. */
async function exitWithin(running: Running, ms: number): Promise<Exit> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_resolve, reject) => {
    timer = setTimeout(
      () =>
        reject(
          new Error(
            `process did not exit within ${ms} ms\nstdout: ${running.stdout()}\nstderr: ${running.stderr()}`,
          ),
        ),
      ms,
    );
  });
  try {
    return await Promise.race([running.exited, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

function nonEmptyLines(text: string): string[] {
  return text.split('\n').filter((line) => line.trim() !== '');
}

/** Polls GET /healthz until it answers 200, the process exits, or the deadline passes. */
async function waitForHealthy(
  running: Running,
  port: number,
  ms: number,
): Promise<{ status: number; body: unknown }> {
  const deadline = Date.now() + ms;
  let exited = false;
  void running.exited.then(() => (exited = true));
  let last = 'no answer';
  while (Date.now() < deadline && !exited) {
    try {
      const response = await fetch(`http://127.0.0.1:${port}/healthz`, { signal: AbortSignal.timeout(1000) });
      const body: unknown = await response.json();
      if (response.status === 200) return { status: response.status, body };
      last = `HTTP ${response.status}`;
    } catch (error) {
      last = error instanceof Error ? error.message : String(error);
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(
    `/healthz never answered 200 (${exited ? 'the process exited' : `last: ${last}`})\nstdout: ${running.stdout()}\nstderr: ${running.stderr()}`,
  );
}

afterEach(async () => {
  for (const child of children.splice(0)) {
    if (child.exitCode === null && child.signalCode === null) {
      const closed = new Promise((resolve) => child.once('close', resolve));
      child.kill('SIGKILL');
      await closed;
    }
  }
  await fake?.stop();
  fake = undefined;
  for (const dir of dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

describe('the bot as a process', () => {
  it('without SLACK_BOT_TOKEN exits 1 with one line naming it and no stack trace', async () => {
    const cwd = tempDir();
    const running = startMain(cwd, {
      SLACK_SIGNING_SECRET: SIGNING_SECRET,
      DATABASE_PATH: path.join(cwd, 'db', 'a.sqlite'),
    });
    const exit = await exitWithin(running, 45_000);
    expect(exit.code).toBe(1);
    const lines = nonEmptyLines(running.stderr());
    expect(lines).toHaveLength(1);
    expect(lines[0]).toContain('SLACK_BOT_TOKEN');
    expect(running.stderr()).not.toContain('    at ');
    expect(running.stdout()).not.toContain('    at ');
  });

  it.each([
    ['a file that does not exist', (_cwd: string) => '/nowhere/community.json'],
    [
      'a file that is not a community text',
      (cwd: string) => {
        const file = path.join(cwd, 'community.json');
        fs.writeFileSync(file, '{"version": 3}');
        return file;
      },
    ],
  ])('with COMMUNITY_TEXT_PATH naming %s exits 1 with one line naming the setting', async (_what, file) => {
    const cwd = tempDir();
    const running = startMain(cwd, {
      SLACK_BOT_TOKEN: 'xoxb-community-text',
      SLACK_SIGNING_SECRET: SIGNING_SECRET,
      // Never reached: the community text is checked before anything talks to Slack.
      SLACK_API_URL: 'http://127.0.0.1:9/api/',
      DATABASE_PATH: path.join(cwd, 'db', 'a.sqlite'),
      COMMUNITY_TEXT_PATH: file(cwd),
    });
    const exit = await exitWithin(running, 45_000);
    expect(exit.code).toBe(1);
    const lines = nonEmptyLines(running.stderr());
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^Configuration error: COMMUNITY_TEXT_PATH /);
    expect(running.stderr()).not.toContain('    at ');
  });

  it('with CHANNEL_LANGUAGES naming a language it does not speak exits 1 with one line saying what it takes', async () => {
    const cwd = tempDir();
    const running = startMain(cwd, {
      SLACK_BOT_TOKEN: 'xoxb-channel-languages',
      SLACK_SIGNING_SECRET: SIGNING_SECRET,
      // Never reached: the configuration is checked before anything talks to Slack.
      SLACK_API_URL: 'http://127.0.0.1:9/api/',
      DATABASE_PATH: path.join(cwd, 'db', 'a.sqlite'),
      CHANNEL_LANGUAGES: 'ja,fr',
    });
    const exit = await exitWithin(running, 45_000);
    expect(exit.code).toBe(1);
    const lines = nonEmptyLines(running.stderr());
    expect(lines).toEqual([
      'Configuration error: CHANNEL_LANGUAGES must be en, ja, ja,en or en,ja: the language of posts in channels, or both with the first one first (unset: DEFAULT_LOCALE)',
    ]);
  });

  it('with a token Slack refuses exits 1 with one line, never printing the token', async () => {
    const slack = await FakeSlack.start();
    fake = slack;
    slack.override('auth.test', () => ({ body: { ok: false, error: 'invalid_auth' } }));
    const token = 'xoxb-1111-2222-SuperSecretTokenValue';
    const cwd = tempDir();
    const running = startMain(cwd, {
      SLACK_BOT_TOKEN: token,
      SLACK_SIGNING_SECRET: SIGNING_SECRET,
      SLACK_API_URL: slack.apiUrl,
      PORT: String(await freePort()),
      DATABASE_PATH: path.join(cwd, 'data', 'alumni.sqlite'),
    });
    const exit = await exitWithin(running, 45_000);
    expect(slack.callsTo('auth.test').length).toBeGreaterThan(0);
    expect(exit.code).toBe(1);
    const lines = nonEmptyLines(running.stderr());
    expect(lines).toHaveLength(1);
    expect(lines[0]).toContain('SLACK_BOT_TOKEN');
    expect(running.stderr()).not.toContain('    at ');
    for (const secret of [token, 'SuperSecretTokenValue']) {
      expect(running.stdout()).not.toContain(secret);
      expect(running.stderr()).not.toContain(secret);
    }
  });

  it('when Slack cannot be reached exits 1 within seconds, ending with one line that says so', async () => {
    const cwd = tempDir();
    const closedPort = await freePort();
    const running = startMain(cwd, {
      SLACK_BOT_TOKEN: 'xoxb-unreachable',
      SLACK_SIGNING_SECRET: SIGNING_SECRET,
      SLACK_API_URL: `http://127.0.0.1:${closedPort}/api/`,
      PORT: String(await freePort()),
      DATABASE_PATH: path.join(cwd, 'data', 'alumni.sqlite'),
    });
    const exit = await exitWithin(running, 45_000);
    expect(exit.code).toBe(1);
    const lines = nonEmptyLines(running.stderr());
    expect(lines[lines.length - 1]).toContain('could not reach the Slack Web API');
    expect(running.stderr()).not.toContain('    at ');
  });

  it('starts, serves /healthz and /alumni help, creates its database, and stops cleanly on SIGTERM', async () => {
    const slack = await FakeSlack.start();
    fake = slack;
    const cwd = tempDir();
    const databasePath = path.join(cwd, 'not', 'yet', 'there', 'alumni.sqlite');
    expect(fs.existsSync(path.dirname(databasePath))).toBe(false);
    const port = await freePort();
    const running = startMain(cwd, {
      SLACK_BOT_TOKEN: 'xoxb-process-test',
      SLACK_SIGNING_SECRET: SIGNING_SECRET,
      SLACK_API_URL: slack.apiUrl,
      PORT: String(port),
      DATABASE_PATH: databasePath,
    });

    const health = await waitForHealthy(running, port, 45_000);
    expect(health).toEqual({ status: 200, body: { ok: true } });

    const fields = {
      ...slashFixture,
      text: 'help',
      response_url: slack.responseUrl(),
      trigger_id: `trig-${Date.now()}`,
    };
    const reply = await postSigned(`http://127.0.0.1:${port}/slack/events`, formEncode(fields), {
      signingSecret: SIGNING_SECRET,
      contentType: 'application/x-www-form-urlencoded',
    });
    expect(reply.status).toBe(200);
    expect(reply.text).toContain('interests add');
    expect(slack.violations).toEqual([]);

    const started = Date.now();
    running.child.kill('SIGTERM');
    const exit = await exitWithin(running, 5_000);
    expect(exit).toEqual({ code: 0, signal: null });
    expect(Date.now() - started).toBeLessThan(5_000);
    expect(running.stderr()).not.toContain('    at ');

    expect(fs.existsSync(databasePath)).toBe(true);
    const db = new Database(databasePath, { readonly: true, fileMustExist: true });
    try {
      const version = db.pragma('user_version', { simple: true });
      expect(typeof version).toBe('number');
      expect(version).toBeGreaterThanOrEqual(1);
    } finally {
      db.close();
    }
  });
});
