import type { Server } from 'node:http';
import { App, HTTPReceiver, LogLevel, type CustomRoute } from '@slack/bolt';
import type { Config } from '../config';
import { answerHealth, startHealthServer, type HealthServer } from '../health';
import type { Logger } from '../logger';
import type { Services } from '../services';
import { AckFirst } from './ackFirst';
import { registerListeners } from './listeners';
import { guardRequests } from './requestGuard';

export interface SlackApp {
  readonly app: App;
  /** Starts listening; resolves with the HTTP port that serves /healthz (and /slack/events in HTTP mode). */
  start(): Promise<number>;
  stop(): Promise<void>;
}

function healthRoute(isHealthy: () => Promise<boolean>): CustomRoute {
  return {
    path: '/healthz',
    method: ['GET'],
    handler: (_req, res) => answerHealth(res, isHealthy),
  };
}

export const INTERACTIVE_RETRIES = { retries: 3, factor: 2, minTimeout: 300, maxTimeout: 3000 };

const levels: Record<Config['logLevel'], LogLevel> = {
  debug: LogLevel.DEBUG,
  info: LogLevel.INFO,
  warn: LogLevel.WARN,
  error: LogLevel.ERROR,
};

const EVENTS_ENDPOINT = '/slack/events';

/**
 * Bolt's HTTP receiver (signatures verified, GET /healthz), with every body to /slack/events
 * checked for Slack's shape before Bolt reads it (see requestGuard.ts).
 */
function httpReceiver(
  signingSecret: string,
  logger: Logger,
  isHealthy: () => Promise<boolean>,
  ackFirst: AckFirst,
): HTTPReceiver {
  const receiver = new HTTPReceiver({
    signingSecret,
    signatureVerification: true,
    endpoints: [EVENTS_ENDPOINT],
    customRoutes: [healthRoute(isHealthy)],
    logger,
  });
  receiver.requestListener = guardRequests(receiver.requestListener, {
    signingSecret,
    endpoints: [EVENTS_ENDPOINT],
    logger,
    ackFirst,
  });
  return receiver;
}

/**
 * The Bolt app in HTTP mode (signatures verified by Bolt) or, when SLACK_APP_TOKEN is set,
 * Socket Mode. Either way GET /healthz is served on config.port.
 */
export function createSlackApp(
  config: Config,
  services: Services,
  logger: Logger,
  isHealthy: () => Promise<boolean>,
): SlackApp {
  const common = {
    token: config.botToken,
    logger,
    logLevel: levels[config.logLevel],
    // A few quick retries: the client's default (ten over half an hour) would leave a member, or
    // a start-up against an unreachable Slack, waiting far longer than anyone would.
    clientOptions: { slackApiUrl: config.slackApiUrl, retryConfig: INTERACTIVE_RETRIES },
    deferInitialization: true,
    // We keep no conversation state in Bolt; its default store costs time on every request.
    convoStore: false as const,
  };
  const ackFirst = new AckFirst();
  let app: App;
  if (config.socketMode) {
    app = new App({ ...common, appToken: config.appToken, socketMode: true });
  } else {
    // loadConfig requires the secret without SLACK_APP_TOKEN; this only narrows the type.
    if (config.signingSecret === undefined) throw new Error('SLACK_SIGNING_SECRET is required in HTTP mode');
    app = new App({ ...common, receiver: httpReceiver(config.signingSecret, logger, isHealthy, ackFirst) });
  }
  let health: HealthServer | undefined;

  registerListeners(app, services, ackFirst);
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
        health = await startHealthServer(config.port, isHealthy);
        return health.port;
      }
      const server = (await app.start(config.port)) as Server;
      const address = server.address();
      return typeof address === 'object' && address !== null ? address.port : config.port;
    },
    async stop(): Promise<void> {
      await app.stop();
      await health?.close();
    },
  };
}
