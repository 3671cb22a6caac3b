import http from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * A bare-bones Slack Web API for benchmarks: answers every method with ok:true (and the fields
 * the bot reads), and can rate-limit chat.postMessage with a token bucket, answering 429 with
 * Retry-After the way Slack does. The test suite's FakeSlack checks contracts; this one is fast.
 */
export interface BenchSlack {
  readonly url: string;
  readonly port: number;
  /** chat.postMessage calls Slack accepted, by outbox key (from message metadata). */
  readonly acceptedKeys: Map<string, number>;
  /** When (Date.now()) each key was first accepted. */
  readonly acceptedAt: Map<string, number>;
  /** Accepted chat.postMessage calls by bot token: which replica posted. */
  readonly acceptedByToken: Map<string, number>;
  rejected429: number;
  /** Forgets what was accepted and rejected (between bench rounds). */
  reset(): void;
  setPostRate(perSecond: number | undefined, burst?: number): void;
  close(): Promise<void>;
}

function parseBody(raw: string, contentType: string | undefined): Record<string, unknown> {
  if (contentType?.includes('application/json') === true) {
    try {
      return JSON.parse(raw) as Record<string, unknown>;
    } catch {
      return {};
    }
  }
  return Object.fromEntries(new URLSearchParams(raw));
}

export async function startBenchSlack(): Promise<BenchSlack> {
  let ts = 1_700_000_000_000_000;
  let rate: number | undefined;
  let burst = 1;
  let tokens = 0;
  let last = Date.now();
  const acceptedKeys = new Map<string, number>();
  const acceptedAt = new Map<string, number>();
  const acceptedByToken = new Map<string, number>();
  const state = { rejected429: 0 };
  const server = http.createServer((req, res) => {
    let raw = '';
    req.setEncoding('utf8');
    req.on('data', (chunk: string) => (raw += chunk));
    req.on('end', () => {
      const method = (req.url ?? '').replace(/^\/api\//, '').split('?')[0] ?? '';
      const body = parseBody(raw, req.headers['content-type']);
      const reply = (status: number, payload: unknown, headers: Record<string, string> = {}): void => {
        res.writeHead(status, { 'content-type': 'application/json', ...headers });
        res.end(JSON.stringify(payload));
      };
      if (method === 'chat.postMessage' && rate !== undefined) {
        const now = Date.now();
        tokens = Math.min(burst, tokens + ((now - last) / 1000) * rate);
        last = now;
        if (tokens < 1) {
          state.rejected429 += 1;
          reply(429, { ok: false, error: 'ratelimited' }, { 'retry-after': '1' });
          return;
        }
        tokens -= 1;
      }
      ts += 100;
      const stamp = `${Math.floor(ts / 1e6)}.${String(ts % 1e6).padStart(6, '0')}`;
      switch (method) {
        case 'auth.test':
          return reply(200, {
            ok: true,
            user_id: 'UBOT',
            bot_id: 'BBOT',
            team_id: 'T111',
            team: 'bench',
            user: 'bot',
            url: 'https://bench.slack.com/',
          });
        case 'users.info':
          return reply(200, {
            ok: true,
            user: {
              id: typeof body.user === 'string' ? body.user : '',
              name: 'bench',
              locale: 'en-US',
              tz: 'Asia/Tokyo',
              profile: { display_name: 'Bench' },
            },
          });
        case 'chat.postMessage': {
          const metadata =
            typeof body.metadata === 'string'
              ? (JSON.parse(body.metadata) as { event_payload?: { key?: string } })
              : undefined;
          const key = metadata?.event_payload?.key;
          if (key !== undefined) {
            acceptedKeys.set(key, (acceptedKeys.get(key) ?? 0) + 1);
            if (!acceptedAt.has(key)) acceptedAt.set(key, Date.now());
          }
          const token = (req.headers.authorization ?? '').replace(/^Bearer /, '');
          acceptedByToken.set(token, (acceptedByToken.get(token) ?? 0) + 1);
          return reply(200, {
            ok: true,
            channel: typeof body.channel === 'string' ? body.channel : 'C1',
            ts: stamp,
            message: { ts: stamp },
          });
        }
        case 'conversations.open':
          return reply(200, {
            ok: true,
            channel: { id: `D${(typeof body.users === 'string' ? body.users : 'X').split(',')[0] ?? 'X'}` },
          });
        case 'conversations.history':
          return reply(200, { ok: true, messages: [], has_more: false });
        default:
          return reply(200, { ok: true, channel: 'C1', ts: stamp, view: { id: 'V1', hash: 'h' } });
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${port}/api/`,
    port,
    acceptedKeys,
    acceptedAt,
    acceptedByToken,
    reset() {
      acceptedKeys.clear();
      acceptedAt.clear();
      acceptedByToken.clear();
      state.rejected429 = 0;
    },
    get rejected429() {
      return state.rejected429;
    },
    set rejected429(value: number) {
      state.rejected429 = value;
    },
    setPostRate(perSecond, newBurst = 1) {
      rate = perSecond;
      burst = newBurst;
      tokens = newBurst;
      last = Date.now();
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
