/**
 * Socket Mode: with SLACK_APP_TOKEN set the bot opens a WebSocket (apps.connections.open with the
 * app-level token), answers envelopes through acks, and still serves /healthz on PORT.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { LogLevel } from '@slack/bolt';
import { ManualClock } from '../../src/clock';
import { loadConfig } from '../../src/config';
import { LineLogger } from '../../src/logger';
import { startBot, type RunningBot } from '../../src/main';
import { FakeSlack } from '../support/fakeSlack';
import { allText } from '../support/testBot';
import slashEnvelope from '../fixtures/payloads/socket_slash_envelope.json';
import homeOpenedFixture from '../fixtures/payloads/event_app_home_opened.json';
import { freePort } from '../support/mainProcess';

const APP_TOKEN = 'xapp-1-test';
const BOT_TOKEN = 'xoxb-test';

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

interface SocketBot {
  readonly fake: FakeSlack;
  readonly bot: RunningBot;
  readonly dir: string;
  readonly logs: string[];
}

/** The real bot in Socket Mode against a fresh FakeSlack, connected. */
async function startSocketBot(port: number): Promise<SocketBot> {
  const fake = await FakeSlack.start();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'homecoming-socket-'));
  const logs: string[] = [];
  try {
    const config = loadConfig({
      SLACK_APP_TOKEN: APP_TOKEN,
      SLACK_BOT_TOKEN: BOT_TOKEN,
      SLACK_API_URL: fake.apiUrl,
      PORT: String(port),
      DATABASE_PATH: path.join(dir, 'alumni.sqlite'),
      LOG_LEVEL: 'debug',
    });
    const bot = await startBot(config, {
      clock: new ManualClock('2026-11-24T01:00:00Z'),
      logger: new LineLogger(LogLevel.DEBUG, (line) => logs.push(line)),
    });
    await fake.socket.connected(5000);
    return { fake, bot, dir, logs };
  } catch (error) {
    await fake.stop();
    fs.rmSync(dir, { recursive: true, force: true });
    throw error;
  }
}

async function stopSocketBot(running: SocketBot | undefined): Promise<void> {
  if (running === undefined) return;
  const { fake, bot, dir } = running;
  // The bot first, so that its Socket Mode client does not try to reconnect to a stopped fake.
  await bot.stop();
  // Bolt's stop() resolves once the close frame is sent; let the close handshake finish so that
  // no Socket Mode timer outlives the test.
  const deadline = Date.now() + 3000;
  while (fake.socket.clientCount() > 0 && Date.now() < deadline)
    await new Promise((resolve) => setTimeout(resolve, 20));
  await new Promise((resolve) => setTimeout(resolve, 50));
  await fake.stop();
  fs.rmSync(dir, { recursive: true, force: true });
}

describe('Socket Mode', () => {
  let running: SocketBot | undefined;
  let fake: FakeSlack;
  let port: number;

  beforeAll(async () => {
    port = await freePort();
    running = await startSocketBot(port);
    fake = running.fake;
  });

  afterAll(async () => {
    await stopSocketBot(running);
  });

  it('reports the configured PORT as its /healthz port', () => {
    expect(running?.bot.port).toBe(port);
  });

  it('opens the connection with the app-level token', () => {
    const opens = fake.callsTo('apps.connections.open');
    expect(opens.length).toBeGreaterThanOrEqual(1);
    expect(opens.map((call) => call.token)).toEqual(opens.map(() => APP_TOKEN));
    expect(fake.socket.clientCount()).toBe(1);
  });

  it('uses the bot token, never the app token, for everything else', () => {
    const others = fake.calls.filter((call) => call.method !== 'apps.connections.open');
    expect(others.map((call) => call.token).filter((token) => token !== BOT_TOKEN)).toEqual([]);
  });

  it('answers /alumni help in the ack of a slash_commands envelope', async () => {
    const envelopeId = 'env-slash-help-1';
    const ack = await fake.socket.sendEnvelope(
      { ...slashEnvelope, envelope_id: envelopeId, payload: { ...slashEnvelope.payload, text: 'help' } },
      5000,
    );
    expect(ack.envelope_id).toBe(envelopeId);
    const payload = ack.payload;
    expect(isRecord(payload)).toBe(true);
    expect(allText(payload)).toContain('interests add');
    // An ephemeral reply: either said so, or left to Slack's default for slash command acks.
    expect(isRecord(payload) ? (payload.response_type ?? 'ephemeral') : undefined).toBe('ephemeral');
    expect(fake.violations).toEqual([]);
  });

  it('serves /healthz on PORT', async () => {
    const response = await fetch(`http://127.0.0.1:${port}/healthz`);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ ok: true });
  });

  it('acks an app_home_opened events_api envelope and publishes the Home tab', async () => {
    const envelopeId = 'env-home-opened-1';
    const published = fake.callsTo('views.publish').length;
    const ack = await fake.socket.sendEnvelope(
      {
        envelope_id: envelopeId,
        type: 'events_api',
        accepts_response_payload: false,
        payload: {
          ...homeOpenedFixture,
          event: { ...homeOpenedFixture.event, user: 'U222', tab: 'home' },
          event_id: 'EvSocketHome1',
          event_time: Math.floor(Date.now() / 1000),
        },
      },
      5000,
    );
    expect(ack.envelope_id).toBe(envelopeId);
    const call = await fake.waitForCall('views.publish', (c) => c.args.user_id === 'U222', 5000);
    expect(fake.callsTo('views.publish').length).toBe(published + 1);
    expect(call.token).toBe(BOT_TOKEN);
    expect(isRecord(call.args.view) && call.args.view.type).toBe('home');
    expect(fake.violations).toEqual([]);
  });
});

describe('Socket Mode with PORT=0', () => {
  let running: SocketBot | undefined;

  beforeAll(async () => {
    running = await startSocketBot(0);
  });

  afterAll(async () => {
    await stopSocketBot(running);
  });

  it('reports the port it actually serves /healthz on, as in HTTP mode', async () => {
    const port = running?.bot.port ?? 0;
    expect(port).toBeGreaterThan(0);
    const response = await fetch(`http://127.0.0.1:${port}/healthz`);
    expect(response.status).toBe(200);
    expect(running?.logs.some((line) => line.includes(`/healthz on port ${port}`))).toBe(true);
  });
});
