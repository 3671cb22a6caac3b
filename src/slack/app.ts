import type { Server } from 'node:http';
import { App, LogLevel, type CustomRoute } from '@slack/bolt';
import type { Config } from '../config';
import type { Logger } from '../logger';
import type { Services } from '../services';
import { registerListeners } from './listeners';

export interface SlackApp {
  readonly app: App;
  /** Starts listening; resolves with the HTTP port that serves /healthz (and /slack/events in HTTP mode). */
  start(): Promise<number>;
  stop(): Promise<void>;
}

function healthRoute(isHealthy: () => boolean): CustomRoute {
  return {
    path: '/healthz',
    method: ['GET'],
    handler: (_req, res) => {
      const healthy = isHealthy();
      res.writeHead(healthy ? 200 : 503, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ ok: healthy }));
    },
  };
}

const levels: Record<Config['logLevel'], LogLevel> = {
  debug: LogLevel.DEBUG,
  info: LogLevel.INFO,
  warn: LogLevel.WARN,
  error: LogLevel.ERROR,
};

/**
 * The Bolt app in HTTP mode (signatures verified by Bolt) or, when SLACK_APP_TOKEN is set,
 * Socket Mode. Either way GET /healthz is served on config.port.
 */
export function createSlackApp(config: Config, services: Services, logger: Logger, isHealthy: () => boolean): SlackApp {
  const common = {
    token: config.botToken,
    logger,
    logLevel: levels[config.logLevel],
    clientOptions: { slackApiUrl: config.slackApiUrl },
    customRoutes: [healthRoute(isHealthy)],
    deferInitialization: true,
  };
  const app = config.socketMode
    ? new App({ ...common, appToken: config.appToken, socketMode: true, port: config.port })
    : new App({ ...common, signingSecret: config.signingSecret, signatureVerification: true });

  registerListeners(app, services);
  app.error(async (error) => {
    logger.error('unhandled error in a listener:', error);
    return Promise.resolve();
  });

  return {
    app,
    async start(): Promise<number> {
      await app.init();
      if (config.socketMode) {
        await app.start();
        return config.port;
      }
      const server = (await app.start(config.port)) as Server;
      const address = server.address();
      return typeof address === 'object' && address !== null ? address.port : config.port;
    },
    async stop(): Promise<void> {
      await app.stop();
    },
  };
}
