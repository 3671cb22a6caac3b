/**
 * Fault: bodies Slack would never send, correctly signed (as a leaked secret or a broken proxy
 * would send them). Each gets a 4xx at once; the bot keeps serving, changes nothing and calls no
 * Web API method. Before this, `payload=null` threw inside Bolt's receiver, outside every handler,
 * and ended the process; `[]` or `42` held the request for three seconds and then got a 404.
 */
import { EventEmitter } from 'node:events';
import path from 'node:path';
import { LogLevel } from '@slack/bolt';
import { LineLogger } from '../../src/logger';
import { keepServingOnStrayErrors } from '../../src/processGuard';
import { FakeSlack } from '../support/fakeSlack';
import { freePort, startMain, waitForHealthy, type MainProcess } from '../support/mainProcess';
import { formEncode, slackSignature } from '../support/signing';
import { SIGNING_SECRET, TestBot, allText } from '../support/testBot';
import slashFixture from '../fixtures/payloads/slash_command.json';

jest.setTimeout(60_000);

const FORM = 'application/x-www-form-urlencoded';
const JSON_TYPE = 'application/json';
type ContentType = typeof FORM | typeof JSON_TYPE;

/**
 * A POST signed as Slack signs it, that gives up after 10 s: a request the bot never answers must
 * fail this test, not hang it.
 */
async function send(
  url: string,
  body: string,
  contentType: ContentType,
  secret: string | null = SIGNING_SECRET,
): Promise<number> {
  const timestamp = Math.floor(Date.now() / 1000);
  const headers: Record<string, string> = { 'Content-Type': contentType };
  if (secret !== null) {
    headers['X-Slack-Request-Timestamp'] = String(timestamp);
    headers['X-Slack-Signature'] = slackSignature(secret, timestamp, body);
  }
  const response = await fetch(url, { method: 'POST', headers, body, signal: AbortSignal.timeout(10_000) });
  await response.text();
  return response.status;
}

const payload = (value: unknown): string => `payload=${encodeURIComponent(JSON.stringify(value))}`;

/** Signed bodies of the wrong shape: none of them is something Slack sends. */
const BAD_BODIES: readonly [string, string, ContentType][] = [
  ['payload=null', 'payload=null', FORM],
  ['payload=[]', 'payload=[]', FORM],
  ['payload=42', 'payload=42', FORM],
  ['payload="x"', payload('x'), FORM],
  ['payload that is not JSON', 'payload=%7B', FORM],
  ['two payload fields', `${payload({ type: 'block_actions' })}&payload=1`, FORM],
  ['block_actions without actions or user', payload({ type: 'block_actions' }), FORM],
  [
    'block_actions with actions: [null]',
    payload({ type: 'block_actions', user: { id: 'U1' }, container: { type: 'message' }, actions: [null] }),
    FORM,
  ],
  [
    'view_submission with view: null',
    payload({ type: 'view_submission', user: { id: 'U1' }, view: null }),
    FORM,
  ],
  [
    'view_submission without a view id',
    payload({
      type: 'view_submission',
      user: { id: 'U1' },
      view: { callback_id: 'event.modal', state: { values: {} } },
    }),
    FORM,
  ],
  [
    'an interactivity type we never asked for',
    payload({ type: 'shortcut', user: { id: 'U1' }, callback_id: 'x' }),
    FORM,
  ],
  ['a form that is no command', 'foo=bar', FORM],
  ['a command given twice', 'command=%2Falumni&command=%2Falumni&user_id=U1&text=help', FORM],
  ['null as a form', 'null', FORM],
  ['JSON null', 'null', JSON_TYPE],
  ['JSON []', '[]', JSON_TYPE],
  ['JSON 42', '42', JSON_TYPE],
  ['a JSON string', '"event_callback"', JSON_TYPE],
  ['JSON {}', '{}', JSON_TYPE],
  [
    'event_callback with event: null',
    JSON.stringify({ type: 'event_callback', event: null, event_id: 'EvBad1' }),
    JSON_TYPE,
  ],
  ['body that is not JSON', '{"type":', JSON_TYPE],
];

describe('signed bodies of the wrong shape', () => {
  let tb: TestBot;

  beforeAll(async () => {
    tb = await TestBot.start();
  });
  afterAll(async () => {
    await tb.stop();
  });

  it.each(BAD_BODIES)('%s gets 400 and changes nothing', async (_label, body, contentType) => {
    await tb.settle();
    const calls = tb.fake.calls.length;
    const before = await tb.snapshot();
    const logged = tb.logs.length;
    expect(await send(tb.eventsUrl, body, contentType)).toBe(400);
    await tb.settle();
    expect(tb.fake.calls.slice(calls).map((call) => call.method)).toEqual([]);
    expect(await tb.snapshot()).toBe(before);
    const lines = tb.logs.slice(logged);
    expect(
      lines.some(
        (line) => line.includes('WARN') && line.includes('malformed') && line.includes('answered 400'),
      ),
    ).toBe(true);
    expect(lines.filter((line) => line.includes(' ERROR '))).toEqual([]);
  });

  it('the same bodies unsigned, or signed with another secret, get 401', async () => {
    for (const [, body, contentType] of BAD_BODIES) {
      expect(await send(tb.eventsUrl, body, contentType, null)).toBe(401);
      expect(await send(tb.eventsUrl, body, contentType, 'not-the-secret')).toBe(401);
    }
  });

  it('afterwards /healthz is green and a member still gets /alumni help', async () => {
    await Promise.all(BAD_BODIES.map(([, body, contentType]) => send(tb.eventsUrl, body, contentType)));
    const health = await fetch(`${tb.baseUrl}/healthz`);
    expect(health.status).toBe(200);
    expect(await health.json()).toEqual({ ok: true });
    const help = await tb.command('help', 'UBADBODY1');
    expect(help.status).toBe(200);
    expect(allText(help.json)).toContain('interests add');
  });

  it('Slack’s own ssl_check still gets 200', async () => {
    expect(await send(tb.eventsUrl, 'ssl_check=1&token=x', FORM, null)).toBe(200);
  });
});

describe('the bot as a process, sent payload=null', () => {
  let slack: FakeSlack | undefined;
  let main: MainProcess | undefined;

  afterEach(async () => {
    await main?.dispose();
    await slack?.stop();
    main = undefined;
    slack = undefined;
  });

  it('answers 400, logs it, and keeps serving /healthz and /alumni help', async () => {
    const fake = await FakeSlack.start();
    slack = fake;
    const port = await freePort();
    const running = startMain((cwd) => ({
      SLACK_BOT_TOKEN: 'xoxb-bad-body-test',
      SLACK_SIGNING_SECRET: SIGNING_SECRET,
      SLACK_API_URL: fake.apiUrl,
      PORT: String(port),
      DATABASE_PATH: path.join(cwd, 'data', 'alumni.sqlite'),
    }));
    main = running;
    await waitForHealthy(running, port, 20_000);
    const url = `http://127.0.0.1:${port}/slack/events`;

    expect(await send(url, 'payload=null', FORM)).toBe(400);
    expect(await send(url, 'null', JSON_TYPE)).toBe(400);

    expect(running.hasExited()).toBe(false);
    const health = await fetch(`http://127.0.0.1:${port}/healthz`, { signal: AbortSignal.timeout(5000) });
    expect(health.status).toBe(200);
    const fields = {
      ...slashFixture,
      text: 'help',
      response_url: fake.responseUrl(),
      trigger_id: `trig-${Date.now()}`,
    };
    const timestamp = Math.floor(Date.now() / 1000);
    const body = formEncode(fields);
    const reply = await fetch(url, {
      method: 'POST',
      headers: {
        'Content-Type': FORM,
        'X-Slack-Request-Timestamp': String(timestamp),
        'X-Slack-Signature': slackSignature(SIGNING_SECRET, timestamp, body),
      },
      body,
      signal: AbortSignal.timeout(10_000),
    });
    expect(reply.status).toBe(200);
    expect(await reply.text()).toContain('interests add');
    expect(running.stderr()).toContain('malformed');
    expect(running.stderr()).not.toContain('    at ');
  });
});

describe('the process-level guard', () => {
  it('logs an error no handler caught, by code location only, and removes itself when asked', () => {
    const lines: string[] = [];
    const target = new EventEmitter();
    const remove = keepServingOnStrayErrors(
      target,
      new LineLogger(LogLevel.DEBUG, (line) => lines.push(line)),
    );
    // A message can quote what a member typed (JSON.parse does); the log keeps only where it came from.
    target.emit('uncaughtException', new SyntaxError('Unexpected token in "my secret note"'));
    target.emit('unhandledRejection', new TypeError("Cannot read properties of null (reading 'ssl_check')"));
    target.emit('unhandledRejection', null);
    expect(lines).toHaveLength(3);
    expect(lines[0]).toMatch(
      /ERROR .*uncaught exception \(ref [0-9a-f]{6}\): SyntaxError in .*badBodies\.test\.ts.*; still serving/,
    );
    expect(lines[1]).toMatch(/unhandled promise rejection \(ref [0-9a-f]{6}\): TypeError in /);
    expect(lines[2]).toContain('a thrown null');
    expect(lines.join('\n')).not.toContain('my secret note');
    remove();
    expect(target.listenerCount('uncaughtException')).toBe(0);
    expect(target.listenerCount('unhandledRejection')).toBe(0);
  });
});
