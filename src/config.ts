import fs from 'node:fs';
import cron from 'node-cron';
import { z } from 'zod';
import { LOCALES, type Languages, type Locale } from './i18n';

/** Thrown when the environment cannot run the bot; `message` is one line meant for the operator. */
export class ConfigError extends Error {}

const slackUserId = /^[UW][A-Z0-9]{2,}$/;

function isReadableFile(file: string): boolean {
  try {
    fs.accessSync(file, fs.constants.R_OK);
    return fs.statSync(file).isFile();
  } catch {
    return false;
  }
}

function isIanaZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

/**
 * postgres://… or postgresql://… (pg reads user, password, host, port, database and options from it;
 * `postgres://user@/db?host=/var/run/postgresql` names a Unix socket, so the host may be empty).
 */
function isPostgresUrl(value: string): boolean {
  return /^postgres(ql)?:\/\/\S+$/.test(value);
}

function isLocale(value: string): value is Locale {
  return (LOCALES as readonly string[]).includes(value);
}

/** "ja,en" → ['ja', 'en']: one or two different languages we speak, in the order given. */
function parseChannelLanguages(value: string): Languages | undefined {
  const [first, ...rest] = value
    .toLowerCase()
    .split(',')
    .map((part) => part.trim());
  if (first === undefined || !isLocale(first) || rest.length > 1) return undefined;
  const second = rest[0];
  if (second === undefined) return [first];
  return isLocale(second) && second !== first ? [first, second] : undefined;
}

const optionalText = z
  .string()
  .trim()
  .transform((value) => (value === '' ? undefined : value))
  .optional();

const envSchema = z
  .object({
    SLACK_BOT_TOKEN: z
      .string({ error: 'is required: set it to the bot token (xoxb-…) from OAuth & Permissions' })
      .trim()
      .regex(
        /^xoxb-/,
        'must be a bot token starting with xoxb- (OAuth & Permissions → Bot User OAuth Token)',
      ),
    SLACK_SIGNING_SECRET: optionalText,
    SLACK_APP_TOKEN: optionalText.refine((value) => value === undefined || value.startsWith('xapp-'), {
      message:
        'must be an app-level token starting with xapp- (Basic Information → App-Level Tokens), or unset for HTTP mode',
    }),
    SLACK_API_URL: z
      .string()
      .trim()
      .default('https://slack.com/api/')
      .refine((value) => /^https?:\/\/\S+$/.test(value), {
        message: 'must be an http(s) URL such as https://slack.com/api/',
      })
      .transform((value) => (value.endsWith('/') ? value : `${value}/`)),
    PORT: z
      .string()
      .trim()
      // An empty PORT= in .env means "not set", never "any free port".
      .transform((value) => (value === '' ? '3000' : value))
      .default('3000')
      .refine((value) => /^\d{1,5}$/.test(value) && Number(value) <= 65535, {
        message: 'must be a port number between 0 and 65535',
      })
      .transform(Number),
    DATABASE_PATH: z
      .string()
      .trim()
      .min(1, 'must be a file path such as ./data/alumni.sqlite')
      .default('./data/alumni.sqlite'),
    // Postgres, shared by every replica; unset keeps the SQLite file at DATABASE_PATH.
    DATABASE_URL: optionalText.refine((value) => value === undefined || isPostgresUrl(value), {
      message:
        'must be a Postgres URL such as postgres://user:password@host:5432/homecoming, or unset to use the SQLite file at DATABASE_PATH',
    }),
    DEFAULT_TIMEZONE: z
      .string()
      .trim()
      .default('Asia/Tokyo')
      .refine(isIanaZone, { message: 'must be an IANA time zone such as Asia/Tokyo or Europe/London' }),
    DEFAULT_LOCALE: z.enum(['en', 'ja'], { error: 'must be en or ja' }).default('en'),
    CHANNEL_LANGUAGES: optionalText.transform((value, ctx) => {
      if (value === undefined) return undefined;
      const languages = parseChannelLanguages(value);
      if (languages === undefined) {
        ctx.addIssue({
          code: 'custom',
          message:
            'must be en, ja, ja,en or en,ja: the language of posts in channels, or both with the first one first (unset: DEFAULT_LOCALE)',
        });
        return z.NEVER;
      }
      return languages;
    }),
    ADMIN_USER_IDS: z
      .string()
      .default('')
      .transform((value) =>
        value
          .split(',')
          .map((id) => id.trim())
          .filter((id) => id !== ''),
      )
      .refine((ids) => ids.every((id) => slackUserId.test(id)), {
        message: 'must be comma-separated Slack user ids such as U012ABCDEF,U034GHIJKL',
      }),
    COMMUNITY_CHANNEL_ID: optionalText.refine(
      (value) => value === undefined || /^[CG][A-Z0-9]{2,}$/.test(value),
      {
        message: 'must be a channel id such as C012ABCDEF (channel details → About), or unset',
      },
    ),
    COMMUNITY_TEXT_PATH: optionalText.refine((value) => value === undefined || isReadableFile(value), {
      message:
        'must name a readable file: copy content/community.json, edit it, and point this at the copy (or leave it unset)',
    }),
    EVENTS_CHANNEL_ID: optionalText.refine(
      (value) => value === undefined || /^[CG][A-Z0-9]{2,}$/.test(value),
      {
        message: 'must be a channel id such as C012ABCDEF where event cards are posted, or unset',
      },
    ),
    JOBS_CHANNEL_ID: optionalText.refine((value) => value === undefined || /^[CG][A-Z0-9]{2,}$/.test(value), {
      message: 'must be a channel id such as C012ABCDEF where role cards are posted, or unset',
    }),
    ASKS_CHANNEL_ID: optionalText.refine((value) => value === undefined || /^[CG][A-Z0-9]{2,}$/.test(value), {
      message: 'must be a channel id such as C012ABCDEF where ask and offer cards are posted, or unset',
    }),
    MODERATION_CHANNEL_ID: optionalText.refine(
      (value) => value === undefined || /^[CG][A-Z0-9]{2,}$/.test(value),
      {
        message:
          'must be a channel id such as C012ABCDEF where reports to moderators are posted (a private channel of admins), or unset',
      },
    ),
    APPROVAL: z
      .enum(['on', 'off'], { message: 'must be on (admins approve who may join) or off' })
      .default('off'),
    ADMIN_CHANNEL_ID: optionalText.refine(
      (value) => value === undefined || /^[CG][A-Z0-9]{2,}$/.test(value),
      {
        message: 'must be a channel id such as C012ABCDEF where admins decide join requests, or unset',
      },
    ),
    AUTO_APPROVE_EMAIL_DOMAINS: optionalText.transform((value, ctx) => {
      const domains = (value ?? '')
        .split(',')
        .map((domain) => domain.trim().toLowerCase().replace(/^@/, ''))
        .filter((domain) => domain !== '');
      if (domains.some((domain) => !/^[a-z0-9-]+(\.[a-z0-9-]+)+$/.test(domain))) {
        ctx.addIssue({
          code: 'custom',
          message: 'must be a comma list of email domains such as example.com,alumni.example.com',
        });
        return z.NEVER;
      }
      return domains;
    }),
    ORGANIZER_CHANNEL_ID: optionalText.refine(
      (value) => value === undefined || /^[CG][A-Z0-9]{2,}$/.test(value),
      {
        message:
          "must be a channel id such as C012ABCDEF where supporters' proposals go to organizers, or unset (each organizer gets them by DM)",
      },
    ),
    SUPPORTERS_POST_DIRECTLY: z.enum(['on', 'off'], { message: 'must be on or off' }).default('off'),
    COLLAB_IDLE_DAYS: z
      .string()
      .trim()
      .default('30')
      .refine((value) => /^\d+$/.test(value) && Number(value) >= 1 && Number(value) <= 365, {
        message: 'must be a whole number of days from 1 to 365, such as 30',
      })
      .transform(Number),
    DIGEST_CRON: z
      .string()
      .trim()
      .default('0 9 * * 1')
      .refine((value) => cron.validate(value), {
        message: 'must be a cron expression such as "0 9 * * 1" (Mondays at 09:00)',
      }),
    DIGEST_PAGE_SIZE: z
      .string()
      .trim()
      .default('1000')
      .refine((value) => /^\d+$/.test(value) && Number(value) >= 1 && Number(value) <= 10000, {
        message: 'must be a whole number of members from 1 to 10000, such as 1000',
      })
      .transform(Number),
    // Checked weekly; the intro planner itself keeps every other week (see src/intros/schedule.ts).
    INTROS_CRON: z
      .string()
      .trim()
      .default('0 10 * * 1')
      .refine((value) => cron.validate(value), {
        message:
          'must be a cron expression such as "0 10 * * 1" (Mondays at 10:00; rounds run every other week)',
      }),
    // Optional: the pace finds Slack's limit by itself (scheduler/pacer.ts); this is a ceiling.
    BULK_POSTS_PER_SECOND: z
      .string()
      .trim()
      .optional()
      .refine(
        (value) =>
          value === undefined ||
          value === '' ||
          (/^\d+(\.\d+)?$/.test(value) && Number(value) > 0 && Number(value) <= 1000),
        { message: 'must be a number of posts per second between 0.1 and 1000, such as 50, or left out' },
      )
      .transform((value) => (value === undefined || value === '' ? undefined : Number(value))),
    SCHEDULER_CRON: z
      .string()
      .trim()
      .default('* * * * *')
      .refine((value) => cron.validate(value), {
        message:
          'must be a cron expression such as "* * * * *" (every minute) or "*/10 * * * * *" (every 10 seconds)',
      }),
    SCHEDULER_LEASE: z.enum(['on', 'off'], { message: 'must be on or off' }).default('on'),
    SCHEDULER_LEASE_SECONDS: z
      .string()
      .trim()
      .default('90')
      .refine((value) => /^\d+$/.test(value) && Number(value) >= 10 && Number(value) <= 3600, {
        message: 'must be a whole number of seconds between 10 and 3600, such as 90',
      })
      .transform(Number),
    LOG_LEVEL: z.enum(['debug', 'info', 'warn', 'error']).default('info'),
  })
  .superRefine((env, ctx) => {
    if (env.SLACK_APP_TOKEN === undefined && env.SLACK_SIGNING_SECRET === undefined) {
      ctx.addIssue({
        code: 'custom',
        path: ['SLACK_SIGNING_SECRET'],
        message:
          'is required in HTTP mode: copy it from Basic Information → App Credentials, or set SLACK_APP_TOKEN for Socket Mode',
      });
    }
  });

export interface Config {
  readonly botToken: string;
  readonly signingSecret: string | undefined;
  readonly appToken: string | undefined;
  readonly socketMode: boolean;
  readonly slackApiUrl: string;
  readonly port: number;
  readonly databasePath: string;
  /** Postgres when set (several replicas may share it); otherwise the SQLite file at databasePath. */
  readonly databaseUrl: string | undefined;
  readonly defaultTimezone: string;
  readonly defaultLocale: 'en' | 'ja';
  /** What every post in a channel is written in (cards, their states, thread reminders), first language first. */
  readonly channelLanguages: Languages;
  readonly adminUserIds: readonly string[];
  readonly communityChannelId: string | undefined;
  readonly communityTextPath: string | undefined;
  readonly eventsChannelId: string | undefined;
  readonly schedulerCron: string;
  /** One replica at a time runs the planners and bulk delivery (a lease row); off only for tests. */
  readonly schedulerLease: boolean;
  readonly schedulerLeaseSeconds: number;
  /** A ceiling for the pace of bulk posts; undefined: the pace finds Slack's limit unbounded. */
  readonly bulkPostsPerSecond: number | undefined;
  readonly jobsChannelId: string | undefined;
  /** Where cards of asks and offers for all alumni are posted; unset: they are only listed (`asks`). */
  readonly asksChannelId: string | undefined;
  /** Where reports to moderators are posted (admins only); unset: members are told reports are not set up. */
  readonly moderationChannelId: string | undefined;
  /** Admins approve who may join (issue 14 §1); off keeps the community open to anyone who agrees. */
  readonly approval: boolean;
  /** Where join requests are decided; unset: requests wait and admins are told by DM (see approval). */
  readonly adminChannelId: string | undefined;
  /** Members whose Slack email is at one of these domains (lower case) are approved without an admin. */
  readonly autoApproveEmailDomains: readonly string[];
  /** Where supporters' proposals go for approval; unset: each organizer gets them by DM. */
  readonly organizerChannelId: string | undefined;
  /** Supporters post events and announcements themselves (still credited) instead of proposing them. */
  readonly supportersPostDirectly: boolean;
  /** A collaboration channel quiet this many days gets a heads-up, and is archived a week later. */
  readonly collabIdleDays: number;
  readonly digestCron: string;
  /** Members a digest run reads, plans and writes at a time: memory stays bounded by this, not by the community. */
  readonly digestPageSize: number;
  /** When intro rounds may run, in defaultTimezone; only occurrences in even weeks from 2024-01-01 do. */
  readonly introsCron: string;
  readonly logLevel: 'debug' | 'info' | 'warn' | 'error';
}

/** Validates the environment; throws ConfigError naming the first bad variable and how to fix it. */
export function loadConfig(env: NodeJS.ProcessEnv): Config {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const variable = issue?.path.join('.') ?? 'environment';
    const message = (issue?.message ?? 'is invalid').replace(/\s+/g, ' ');
    throw new ConfigError(`${variable} ${message}`);
  }
  const e = parsed.data;
  const channelLanguages: Languages = e.CHANNEL_LANGUAGES ?? [e.DEFAULT_LOCALE];
  return Object.freeze({
    botToken: e.SLACK_BOT_TOKEN,
    signingSecret: e.SLACK_SIGNING_SECRET,
    appToken: e.SLACK_APP_TOKEN,
    socketMode: e.SLACK_APP_TOKEN !== undefined,
    slackApiUrl: e.SLACK_API_URL,
    port: e.PORT,
    databasePath: e.DATABASE_PATH,
    databaseUrl: e.DATABASE_URL,
    defaultTimezone: e.DEFAULT_TIMEZONE,
    defaultLocale: e.DEFAULT_LOCALE,
    channelLanguages: Object.freeze(channelLanguages),
    adminUserIds: Object.freeze([...e.ADMIN_USER_IDS]),
    communityChannelId: e.COMMUNITY_CHANNEL_ID,
    communityTextPath: e.COMMUNITY_TEXT_PATH,
    eventsChannelId: e.EVENTS_CHANNEL_ID,
    schedulerCron: e.SCHEDULER_CRON,
    schedulerLease: e.SCHEDULER_LEASE === 'on',
    schedulerLeaseSeconds: e.SCHEDULER_LEASE_SECONDS,
    bulkPostsPerSecond: e.BULK_POSTS_PER_SECOND,
    jobsChannelId: e.JOBS_CHANNEL_ID,
    asksChannelId: e.ASKS_CHANNEL_ID,
    moderationChannelId: e.MODERATION_CHANNEL_ID,
    approval: e.APPROVAL === 'on',
    adminChannelId: e.ADMIN_CHANNEL_ID,
    autoApproveEmailDomains: Object.freeze([...e.AUTO_APPROVE_EMAIL_DOMAINS]),
    organizerChannelId: e.ORGANIZER_CHANNEL_ID,
    supportersPostDirectly: e.SUPPORTERS_POST_DIRECTLY === 'on',
    collabIdleDays: e.COLLAB_IDLE_DAYS,
    digestCron: e.DIGEST_CRON,
    digestPageSize: e.DIGEST_PAGE_SIZE,
    introsCron: e.INTROS_CRON,
    logLevel: e.LOG_LEVEL,
  });
}
