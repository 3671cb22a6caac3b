import { webApi } from '@slack/bolt';
import dotenv from 'dotenv';
import { systemClock, type Clock } from './clock';
import { ConfigError, loadConfig, type Config } from './config';
import { TagVocabulary } from './interests/tags';
import { LineLogger, type Logger } from './logger';
import { CommunityCharter } from './onboarding/community';
import { createBulkClient, SlackMessenger } from './scheduler/messenger';
import type { SchedulerOptions } from './scheduler/scheduler';
import { createServices, type Services } from './services';
import { createSlackApp, INTERACTIVE_RETRIES } from './slack/app';
import { slackErrorCode } from './slack/errors';
import { eventMessages } from './slack/views/events';
import { announcementPost } from './slack/views/announcements';
import { digestJobActions, digestMessages } from './slack/views/digests';
import { jobMessages } from './slack/views/jobs';
import { introMessages } from './slack/views/intros';
import { availabilityMessages } from './slack/views/availability';
import { coffeeMessages } from './slack/views/coffee';
import { updateJobCard } from './slack/jobCards';
import { askMessages } from './slack/views/asks';
import { updateAskCard } from './slack/askCards';
import { SlackChannelDirectory } from './slack/channelDirectory';
import { SlackCollabChannels } from './slack/collabSlack';
import { collabMessages } from './slack/views/collab';
import { studyMessages } from './slack/views/study';
import { mentoringMessages } from './slack/views/mentoring';
import { moderationMessages } from './slack/views/moderation';
import { approvalMessages } from './slack/views/approval';
import type { Engine } from './storage/kysely/open';
import { closeEngine, DatabaseUnavailable, engineOpen, openEngine } from './storage/openEngine';
import { keepServingOnStrayErrors } from './processGuard';
import { LogLevel } from '@slack/bolt';

export interface RunningBot {
  readonly port: number;
  readonly services: Services;
  /** The SQLite file or the Postgres pool the bot runs on (DATABASE_URL selects Postgres). */
  readonly engine: Engine;
  stop(): Promise<void>;
}

export interface BotOptions {
  readonly clock?: Clock;
  readonly logger?: Logger;
  /** Cron factory, sleep and delivery settings for the scheduler (tests inject their own). */
  readonly scheduler?: SchedulerOptions;
}

const logLevels = {
  debug: LogLevel.DEBUG,
  info: LogLevel.INFO,
  warn: LogLevel.WARN,
  error: LogLevel.ERROR,
} as const;

/** The composition root: config → database → services → Slack app and listeners → (scheduler). */
export async function startBot(config: Config, options: BotOptions = {}): Promise<RunningBot> {
  const clock = options.clock ?? systemClock;
  const logger = options.logger ?? new LineLogger(logLevels[config.logLevel]);
  const engine = await openEngine(config, logger);
  let healthy = true;
  try {
    const lookupClient = new webApi.WebClient(config.botToken, {
      slackApiUrl: config.slackApiUrl,
      logger,
      logLevel: logLevels[config.logLevel],
      retryConfig: INTERACTIVE_RETRIES,
    });
    const charter = loadCharter(config.communityTextPath);
    const services = createServices({
      config,
      engine,
      clock,
      logger,
      vocabulary: TagVocabulary.fromFile(),
      charter,
      localeLookup: async (userId) => {
        const result = await lookupClient.users.info({ user: userId, include_locale: true });
        return result.user?.locale;
      },
      // Bulk sends get a client of their own, so a 429 pause there never stalls interactive replies.
      messenger: new SlackMessenger(
        createBulkClient({ token: config.botToken, slackApiUrl: config.slackApiUrl, logger }),
      ),
      eventMessages: eventMessages(config.defaultTimezone, config.channelLanguages),
      renderAnnouncement: (announcement, credit) =>
        announcementPost(announcement, credit, config.channelLanguages),
      digestMessages: digestMessages(config.defaultTimezone, digestJobActions),
      jobMessages: jobMessages(),
      introMessages: introMessages(),
      availabilityMessages: availabilityMessages(),
      coffeeMessages: coffeeMessages(),
      askMessages: askMessages(),
      mentoringMessages: mentoringMessages(),
      moderationMessages: moderationMessages(),
      approvalMessages: approvalMessages((locale) => charter.text(locale).name),
      // Cards of roles the planner closed; rare, so the lookup client (with its retries) is enough.
      onJobAutoClosed: (job) => updateJobCard(lookupClient, job, config.channelLanguages),
      onAskLapsed: (summary, authorNamed) =>
        updateAskCard(lookupClient, summary, authorNamed, config.channelLanguages),
      // A member waits for "Start a channel": the interactive client, with its few quick retries.
      collab: { slack: new SlackCollabChannels(lookupClient), messages: collabMessages() },
      studyMessages: studyMessages(),
      // Forms ask it before their 3-second ack: no retries and no waiting out a 429, so that a slow
      // Slack becomes "try again" on the field instead of a timed-out form.
      channelDirectory: new SlackChannelDirectory(
        new webApi.WebClient(config.botToken, {
          slackApiUrl: config.slackApiUrl,
          logger,
          logLevel: logLevels[config.logLevel],
          retryConfig: { retries: 0 },
          rejectRateLimitedCalls: true,
          timeout: 2000,
        }),
      ),
      scheduler: options.scheduler,
    });
    const slack = createSlackApp(config, services, logger, () =>
      healthy && engineOpen(engine) ? services.databaseAnswers() : Promise.resolve(false),
    );
    const port = await slack.start();
    logger.info(
      `Homecoming is running in ${config.socketMode ? 'Socket Mode' : 'HTTP mode'}; /healthz on port ${port}`,
    );
    services.scheduler.start(); // cron on SCHEDULER_CRON, plus one catch-up tick now
    let stopping: Promise<void> | undefined;
    return {
      port,
      services,
      engine,
      stop: () => {
        stopping ??= (async () => {
          healthy = false;
          await services.scheduler.stop(); // no new ticks; waits for the running one
          await slack.stop(); // no new requests
          const idle = await services.tasks.idle(10_000);
          if (!idle) logger.warn(`stopping with ${services.tasks.size} requests still in flight`);
          await closeEngine(engine);
          logger.info('Homecoming stopped');
        })();
        return stopping;
      },
    };
  } catch (error) {
    await closeEngine(engine);
    throw error;
  }
}

/** The community text; a file that is not the right shape stops the start with one line naming the setting. */
function loadCharter(file: string | undefined): CommunityCharter {
  try {
    return CommunityCharter.load(file ?? CommunityCharter.defaultFile());
  } catch (error) {
    if (file === undefined) throw error;
    const reason = error instanceof Error ? error.message.split('\n')[0] : String(error);
    throw new ConfigError(
      `COMMUNITY_TEXT_PATH names a file that is not a community text like content/community.json: ${reason}`,
    );
  }
}

/** Turns a start-up failure into the one line an operator needs. */
function describeStartFailure(error: unknown): string {
  if (error instanceof ConfigError) return `Configuration error: ${error.message}`;
  if (error instanceof DatabaseUnavailable) return error.message;
  const code = slackErrorCode(error);
  if (
    code === 'invalid_auth' ||
    code === 'not_authed' ||
    code === 'account_inactive' ||
    code === 'token_revoked'
  ) {
    return `Slack refused SLACK_BOT_TOKEN (${code}): copy the Bot User OAuth Token (xoxb-…) from OAuth & Permissions again`;
  }
  if (
    typeof error === 'object' &&
    error !== null &&
    'code' in error &&
    error.code === 'slack_webapi_request_error'
  ) {
    return 'Homecoming could not reach the Slack Web API: check the network, or SLACK_API_URL if you set it';
  }
  const message = error instanceof Error ? error.message : String(error);
  return `Homecoming could not start: ${message.split('\n')[0] ?? ''}`.replace(
    /\b(xox[abprs]|xapp)-[A-Za-z0-9-]+/g,
    '$1-***',
  );
}

/** The process entry: `npm start` (scripts/start.js) calls it once the build is current. */
export async function run(): Promise<void> {
  dotenv.config({ quiet: true });
  let bot: RunningBot;
  let logger: Logger;
  try {
    const config = loadConfig(process.env);
    logger = new LineLogger(logLevels[config.logLevel]);
    bot = await startBot(config, { logger });
  } catch (error) {
    process.stderr.write(`${describeStartFailure(error)}\n`);
    process.exit(1);
  }
  keepServingOnStrayErrors(process, logger);
  const shutdown = (signal: string): void => {
    process.stderr.write(`${signal} received: finishing requests in flight, then stopping\n`);
    bot.stop().then(
      () => process.exit(0),
      (error: unknown) => {
        process.stderr.write(`error while stopping: ${String(error)}\n`);
        process.exit(1);
      },
    );
  };
  process.once('SIGTERM', () => shutdown('SIGTERM'));
  process.once('SIGINT', () => shutdown('SIGINT'));
}

if (require.main === module) void run();
