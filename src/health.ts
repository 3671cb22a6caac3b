import http from 'node:http';
import type { AddressInfo } from 'node:net';

export interface HealthServer {
  readonly port: number;
  close(): Promise<void>;
}

/** 200 {"ok":true} when the bot can serve (its database answers), 503 {"ok":false} otherwise. */
export function answerHealth(res: http.ServerResponse, isHealthy: () => Promise<boolean>): void {
  void isHealthy()
    .catch(() => false)
    .then((healthy) => {
      res.writeHead(healthy ? 200 : 503, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ ok: healthy }));
    });
}

/**
 * GET /healthz for Socket Mode, where Bolt has no HTTP server of its own to hang it on
 * (and would not tell us the port it chose for PORT=0).
 */
export async function startHealthServer(
  port: number,
  isHealthy: () => Promise<boolean>,
): Promise<HealthServer> {
  const server = http.createServer((req, res) => {
    if (req.method === 'GET' && (req.url === '/healthz' || req.url?.startsWith('/healthz?') === true)) {
      answerHealth(res, isHealthy);
      return;
    }
    res.writeHead(404, { 'content-type': 'application/json' });
    res.end(JSON.stringify({ ok: false, error: 'not_found' }));
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, () => {
      server.off('error', reject);
      resolve();
    });
  });
  return {
    port: (server.address() as AddressInfo).port,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeIdleConnections();
      }),
  };
}
