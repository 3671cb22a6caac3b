import { createHmac } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { ErrorCode, LogLevel, WebClient, type WebAPIPlatformError } from '@slack/web-api';
import { SocketModeClient } from '@slack/socket-mode';
import { FakeSlack } from '../support/fakeSlack';
import { formEncode, interactivityBody, postSigned, slackSignature } from '../support/signing';

let fake: FakeSlack;

beforeAll(async () => {
  fake = await FakeSlack.start();
});

afterAll(async () => {
  await fake.stop();
});

beforeEach(() => {
  fake.reset();
});

function webClient(): WebClient {
  return new WebClient('xoxb-test', {
    slackApiUrl: fake.apiUrl,
    logLevel: LogLevel.ERROR,
    retryConfig: { retries: 2, factor: 1, minTimeout: 10, maxTimeout: 20 },
  });
}

const helloBlocks = [
  { type: 'header', text: { type: 'plain_text', text: 'Welcome back' } },
  { type: 'section', block_id: 'intro', text: { type: 'mrkdwn', text: 'Hello *alumni*' } },
];

describe('FakeSlack Web API', () => {
  test('records chat.postMessage with decoded blocks, the token, and answers like Slack', async () => {
    const client = webClient();
    const result = await client.chat.postMessage({
      channel: 'C123',
      text: 'Welcome back',
      blocks: helloBlocks,
      metadata: { event_type: 'welcome', event_payload: { member: 'U1' } },
    });

    expect(result.ok).toBe(true);
    expect(result.channel).toBe('C123');
    expect(result.ts).toMatch(/^\d{10}\.\d{6}$/);
    expect(result.message?.bot_id).toBe('BBOT');

    const call = await fake.waitForCall('chat.postMessage');
    expect(call.args.blocks).toEqual(helloBlocks);
    expect(call.args.metadata).toEqual({ event_type: 'welcome', event_payload: { member: 'U1' } });
    expect(call.args.text).toBe('Welcome back');
    expect(call.args).not.toHaveProperty('token');
    expect(call.token).toBe('xoxb-test');
    expect(call.status).toBe(200);
    expect(fake.violations).toEqual([]);

    const second = await client.chat.postMessage({ channel: 'C123', text: 'second' });
    expect(Number(second.ts)).toBeGreaterThan(Number(result.ts));

    const history = await client.conversations.history({
      channel: 'C123',
      limit: 1,
      include_all_metadata: true,
    });
    expect(history.messages?.map((m) => m.text)).toEqual(['second']);
    expect(history.has_more).toBe(true);
    const all = await client.conversations.history({ channel: 'C123', include_all_metadata: true });
    expect(all.messages?.map((m) => m.text)).toEqual(['second', 'Welcome back']);
    expect(all.messages?.[1]?.metadata).toEqual({ event_type: 'welcome', event_payload: { member: 'U1' } });
    const withoutMetadata = await client.conversations.history({
      channel: 'C123',
      oldest: result.ts,
      inclusive: true,
    });
    expect(withoutMetadata.messages?.[1]).not.toHaveProperty('metadata');
    const newer = await client.conversations.history({ channel: 'C123', oldest: result.ts });
    expect(newer.messages?.map((m) => m.text)).toEqual(['second']);
  });

  test('a DM to a user id lands in the D channel conversations.open returns', async () => {
    const client = webClient();
    const opened = await client.conversations.open({ users: 'U42' });
    const posted = await client.chat.postMessage({ channel: 'U42', text: 'hi' });
    expect(posted.channel).toBe(opened.channel?.id);
    const history = await client.conversations.history({ channel: posted.channel ?? '' });
    expect(history.messages?.map((m) => m.text)).toEqual(['hi']);
  });

  test('a missing required argument shows up in violations', async () => {
    await webClient().apiCall('chat.postMessage', { text: 'no channel' });
    expect(fake.violations).toContainEqual(expect.stringMatching(/^chat\.postMessage: .*"channel"/));
  });

  test('Block Kit problems in messages and views show up in violations', async () => {
    const client = webClient();
    await client.chat.postMessage({
      channel: 'C123',
      text: 'too long',
      blocks: [{ type: 'header', text: { type: 'plain_text', text: 'x'.repeat(151) } }],
    });
    expect(fake.violations.some((v) => v.startsWith('chat.postMessage:'))).toBe(true);

    fake.reset();
    await client.views.open({
      trigger_id: '111.222.xxx',
      view: {
        type: 'modal',
        title: { type: 'plain_text', text: 'A title far longer than 24 chars' },
        blocks: [],
      },
    });
    expect(fake.violations.some((v) => v.startsWith('views.open:'))).toBe(true);
  });

  test('views.open and views.publish echo the view with an id and hash', async () => {
    const client = webClient();
    const view = {
      type: 'modal' as const,
      callback_id: 'profile',
      title: { type: 'plain_text' as const, text: 'Profile' },
      submit: { type: 'plain_text' as const, text: 'Save' },
      blocks: [
        {
          type: 'input',
          block_id: 'name',
          label: { type: 'plain_text' as const, text: 'Name' },
          element: { type: 'plain_text_input' as const, action_id: 'value' },
        },
      ],
    };
    const opened = await client.views.open({ trigger_id: '111.222.xxx', view });
    expect(opened.view?.id).toMatch(/^V/);
    expect(opened.view?.callback_id).toBe('profile');
    expect(typeof opened.view?.hash).toBe('string');
    expect((await fake.waitForCall('views.open')).args.view).toEqual(view);

    const home = { type: 'home' as const, blocks: helloBlocks };
    const first = await client.views.publish({ user_id: 'U1', view: home });
    const again = await client.views.publish({ user_id: 'U1', view: home, hash: first.view?.hash });
    expect(again.view?.id).toBe(first.view?.id);
    await expect(client.views.publish({ user_id: 'U1', view: home, hash: 'stale' })).rejects.toMatchObject({
      data: { error: 'hash_conflict' },
    });
    expect(fake.violations).toEqual([]);
  });

  test('users.info returns locale only when include_locale is passed', async () => {
    const client = webClient();
    fake.setUser('U1', { locale: 'ja-JP', tz: 'Asia/Tokyo', name: 'hanako' });
    const withLocale = await client.users.info({ user: 'U1', include_locale: true });
    expect(withLocale.user).toMatchObject({ id: 'U1', name: 'hanako', locale: 'ja-JP', tz: 'Asia/Tokyo' });
    expect(withLocale.user?.tz_offset).toBe(9 * 3600);
    const without = await client.users.info({ user: 'U1' });
    expect(without.user).not.toHaveProperty('locale');
    const unknown = await client.users.info({ user: 'U999', include_locale: true });
    expect(unknown.user).toMatchObject({ locale: 'en-US', tz: 'Asia/Tokyo', deleted: false });
  });

  test('a 429 with Retry-After is retried by the client and the message is stored once', async () => {
    fake.override('chat.postMessage', (_args, callIndex) =>
      callIndex === 0 ? { status: 429, headers: { 'Retry-After': '1' } } : undefined,
    );
    const started = Date.now();
    const result = await webClient().chat.postMessage({ channel: 'C777', text: 'after the pause' });
    expect(result.ok).toBe(true);
    expect(Date.now() - started).toBeGreaterThanOrEqual(900);

    const calls = fake.callsTo('chat.postMessage');
    expect(calls.map((c) => c.status)).toEqual([429, 200]);
    expect(calls.filter((c) => c.status === 200)).toHaveLength(1);
    const history = await webClient().conversations.history({ channel: 'C777' });
    expect(history.messages?.map((m) => m.text)).toEqual(['after the pause']);
  });

  test('an override can answer ok:false; other methods keep their default', async () => {
    fake.override('chat.postMessage', () => ({ body: { ok: false, error: 'channel_not_found' } }));
    const client = webClient();
    const error = await client.chat.postMessage({ channel: 'C404', text: 'x' }).then(
      () => undefined,
      (e: unknown) => e as WebAPIPlatformError,
    );
    expect(error?.code).toBe(ErrorCode.PlatformError);
    expect(error?.data.error).toBe('channel_not_found');
    expect((await client.auth.test()).user_id).toBe('UBOT');
  });

  test('an unknown method answers unknown_method and is a violation', async () => {
    await expect(webClient().apiCall('chat.doesNotExist', { channel: 'C1' })).rejects.toMatchObject({
      data: { error: 'unknown_method' },
    });
    expect(fake.violations.some((v) => v.startsWith('chat.doesNotExist:'))).toBe(true);
  });

  test('filesUploadV2 round trip ends in uploads', async () => {
    const client = webClient();
    const result = await client.filesUploadV2({
      channel_id: 'C123',
      filename: 'members.csv',
      title: 'Members',
      content: 'id,name\nU1,hanako\n',
    });
    expect(result.ok).toBe(true);
    expect(fake.uploads).toHaveLength(1);
    const upload = fake.uploads[0];
    expect(upload?.content.toString('utf8')).toBe('id,name\nU1,hanako\n');

    const urlCall = await fake.waitForCall('files.getUploadURLExternal');
    expect(urlCall.args).toMatchObject({ filename: 'members.csv', length: '18' });
    const complete = await fake.waitForCall('files.completeUploadExternal');
    expect(complete.args.files).toEqual([{ id: upload?.fileId, title: 'Members' }]);
    expect(complete.args.channel_id).toBe('C123');
    expect(fake.violations).toEqual([]);
  });

  test('posts to a response_url are recorded and can be awaited', async () => {
    const url = fake.responseUrl();
    const waiting = fake.waitForResponse((r) => r.body.text === 'done');
    const res = await fetch(url, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ response_type: 'ephemeral', text: 'done' }),
    });
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ ok: true });
    const recorded = await waiting;
    expect(recorded.path).toBe(new URL(url).pathname);
    expect(fake.violations).toEqual([]);
  });

  test('JSON bodies are accepted, a view sent as a JSON string is decoded, a missing token is flagged', async () => {
    const view = { type: 'home', blocks: helloBlocks };
    const res = await fetch(`${fake.apiUrl}views.publish`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json; charset=utf-8', Authorization: 'Bearer xoxb-json' },
      body: JSON.stringify({ user_id: 'U7', view: JSON.stringify(view) }),
    });
    expect(await res.json()).toMatchObject({ ok: true, view: { type: 'home' } });
    const call = await fake.waitForCall('views.publish');
    expect(call.args.view).toEqual(view);
    expect(call.token).toBe('xoxb-json');
    expect(fake.violations).toEqual([]);

    const anonymous = await fetch(`${fake.apiUrl}auth.test`, { method: 'POST' });
    expect(await anonymous.json()).toEqual({ ok: false, error: 'not_authed' });
    expect(fake.violations).toEqual([expect.stringMatching(/^auth\.test: no token/)]);
  });

  test('waitForCall rejects with the methods called so far', async () => {
    await webClient().auth.test();
    await expect(fake.waitForCall('chat.postMessage', undefined, 50)).rejects.toThrow(
      /no call to chat\.postMessage within 50 ms.*auth\.test/,
    );
  });

  test('waitForCall resolves on a future call', async () => {
    const waiting = fake.waitForCall('chat.update', (c) => c.args.ts === '1700000000.000100');
    await webClient().chat.update({ channel: 'C1', ts: '1700000000.000100', text: 'edited' });
    expect((await waiting).args.text).toBe('edited');
  });
});

describe('FakeSlack Socket Mode', () => {
  interface SlashCommandEvent {
    ack: (response?: Record<string, unknown>) => Promise<void>;
    envelope_id: string;
    body: Record<string, unknown>;
  }

  test('a SocketModeClient connects, receives a slash command envelope and acks it', async () => {
    const socketClient = new SocketModeClient({
      appToken: 'xapp-1-test',
      clientOptions: { slackApiUrl: fake.apiUrl },
      logLevel: LogLevel.ERROR,
    });
    const received: Record<string, unknown>[] = [];
    const errors: unknown[] = [];
    socketClient.on('slash_commands', (event: SlashCommandEvent) => {
      received.push(event.body);
      event.ack({ text: 'pong' }).catch((e: unknown) => errors.push(e));
    });

    try {
      await socketClient.start();
      await fake.socket.connected();
      expect(fake.socket.clientCount()).toBe(1);
      expect(fake.callsTo('apps.connections.open')[0]?.token?.startsWith('xapp-')).toBe(true);

      const envelope = {
        envelope_id: '1d3c79ab-0ffb-41f3-a080-d19e85f53649',
        payload: {
          token: 'verification-token',
          team_id: 'T111',
          team_domain: 'xxx',
          channel_id: 'C111',
          channel_name: 'random',
          user_id: 'U111',
          user_name: 'testxyz',
          command: '/alumni',
          text: 'help',
          api_app_id: 'A111',
          response_url: fake.responseUrl(),
          trigger_id: '111.222.xxx',
        },
        type: 'slash_commands',
        accepts_response_payload: true,
      };
      const ack = await fake.socket.sendEnvelope(envelope);
      expect(ack).toEqual({ envelope_id: envelope.envelope_id, payload: { text: 'pong' } });
      expect(received).toEqual([envelope.payload]);
      expect(errors).toEqual([]);
      expect(fake.violations).toEqual([]);
    } finally {
      await socketClient.disconnect();
    }
  });

  test('sendEnvelope without a client rejects clearly', async () => {
    await expect(fake.socket.sendEnvelope({ type: 'events_api', envelope_id: 'x' })).rejects.toThrow(
      /no Socket Mode client connected/,
    );
  });
});

describe('signing helpers', () => {
  const secret = '8f742231b10e8888abcd99yyyzzz85a5';
  const timestamp = 1531420618;
  const body = 'token=xyzz0WbapA4vBCDEFasx0q6G&team_id=T1DC2JH3J&command=%2Fweather&text=94070';

  test('slackSignature matches an HMAC-SHA256 computed by hand', () => {
    const byHand = 'v0=' + createHmac('sha256', secret).update(`v0:${timestamp}:${body}`).digest('hex');
    expect(slackSignature(secret, timestamp, body)).toBe(byHand);
    // The same vector computed independently (Python hmac/hashlib) when this test was written.
    expect(slackSignature(secret, timestamp, body)).toBe(
      'v0=a45771c0f181b7fb1752e9a26cc1ffb2c428f52ac8ab774ffa4adf8cf2874576',
    );
  });

  test('formEncode and interactivityBody build bodies as Slack sends them', () => {
    expect(formEncode({ command: '/alumni', text: 'join now' })).toBe('command=%2Falumni&text=join+now');
    const payload = { type: 'block_actions', actions: [{ action_id: 'a b' }] };
    const encoded = interactivityBody(payload);
    expect(encoded.startsWith('payload=')).toBe(true);
    expect(JSON.parse(new URLSearchParams(encoded).get('payload') ?? '')).toEqual(payload);
  });

  test('postSigned sends the signature headers over the raw body', async () => {
    const seen: { headers: http.IncomingHttpHeaders; body: string }[] = [];
    const server = http.createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        seen.push({ headers: req.headers, body: Buffer.concat(chunks).toString('utf8') });
        res.writeHead(200, { 'Content-Type': 'application/json' });
        res.end(JSON.stringify({ ok: true }));
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    try {
      const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/slack/events`;
      const response = await postSigned(url, body, {
        signingSecret: secret,
        contentType: 'application/x-www-form-urlencoded',
        timestamp,
        headers: { 'X-Slack-Retry-Num': '1' },
      });
      expect(response).toEqual({ status: 200, text: '{"ok":true}', json: { ok: true } });
      const unsigned = await postSigned(url, '{}', {
        signingSecret: secret,
        contentType: 'application/json',
        sign: false,
      });
      expect(unsigned.status).toBe(200);

      expect(seen[0]?.body).toBe(body);
      expect(seen[0]?.headers['x-slack-request-timestamp']).toBe(String(timestamp));
      expect(seen[0]?.headers['x-slack-signature']).toBe(slackSignature(secret, timestamp, body));
      expect(seen[0]?.headers['x-slack-retry-num']).toBe('1');
      expect(seen[0]?.headers['content-type']).toBe('application/x-www-form-urlencoded');
      expect(seen[1]?.headers).not.toHaveProperty('x-slack-signature');
    } finally {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    }
  });
});
