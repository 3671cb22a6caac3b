import { ConfigError, loadConfig } from '../../src/config';

/** The smallest environment that starts the bot in HTTP mode. */
const HTTP_ENV = { SLACK_BOT_TOKEN: 'xoxb-123-456-abc', SLACK_SIGNING_SECRET: 'secret' } as const;

/** Runs loadConfig and returns the ConfigError it throws (failing the test if it does not). */
function configError(env: Record<string, string | undefined>): ConfigError {
  let thrown: unknown;
  try {
    loadConfig(env);
  } catch (error) {
    thrown = error;
  }
  if (!(thrown instanceof ConfigError)) {
    const got =
      thrown === undefined
        ? 'no error'
        : thrown instanceof Error
          ? `${thrown.name}: ${thrown.message}`
          : JSON.stringify(thrown);
    throw new Error(`expected a ConfigError for ${JSON.stringify(env)}, got ${got}`);
  }
  return thrown;
}

function expectOneLineNaming(error: ConfigError, variable: string): void {
  expect(error.message.trim()).not.toBe('');
  expect(error.message).not.toMatch(/[\r\n]/);
  expect(error.message.startsWith(`${variable} `)).toBe(true);
}

describe('loadConfig', () => {
  describe('defaults', () => {
    it('fills in every documented default in HTTP mode', () => {
      const config = loadConfig(HTTP_ENV);
      expect(config).toMatchObject({
        botToken: 'xoxb-123-456-abc',
        signingSecret: 'secret',
        appToken: undefined,
        socketMode: false,
        slackApiUrl: 'https://slack.com/api/',
        port: 3000,
        databasePath: './data/alumni.sqlite',
        databaseUrl: undefined,
        defaultTimezone: 'Asia/Tokyo',
        defaultLocale: 'en',
        channelLanguages: ['en'],
        adminUserIds: [],
        communityChannelId: undefined,
        communityTextPath: undefined,
        schedulerLease: true,
        schedulerLeaseSeconds: 90,
        collabIdleDays: 30,
        digestPageSize: 1000,
        logLevel: 'info',
      });
    });

    it('reads every variable when given', () => {
      const config = loadConfig({
        ...HTTP_ENV,
        SLACK_API_URL: 'http://127.0.0.1:9999/api',
        PORT: '8080',
        DATABASE_PATH: '/var/lib/homecoming/db.sqlite',
        DEFAULT_TIMEZONE: 'Europe/London',
        DEFAULT_LOCALE: 'ja',
        ADMIN_USER_IDS: ' U012ABCDEF , W034GHIJKL ',
        COMMUNITY_CHANNEL_ID: 'C012ABCDEF',
        COLLAB_IDLE_DAYS: '14',
        DIGEST_PAGE_SIZE: '2000',
        LOG_LEVEL: 'debug',
      });
      expect(config).toMatchObject({
        collabIdleDays: 14,
        digestPageSize: 2000,
        slackApiUrl: 'http://127.0.0.1:9999/api/',
        port: 8080,
        databasePath: '/var/lib/homecoming/db.sqlite',
        defaultTimezone: 'Europe/London',
        defaultLocale: 'ja',
        adminUserIds: ['U012ABCDEF', 'W034GHIJKL'],
        communityChannelId: 'C012ABCDEF',
        logLevel: 'debug',
      });
    });

    it('CHANNEL_LANGUAGES: one language or both in the order given; unset or empty means DEFAULT_LOCALE', () => {
      const languages = (env: Record<string, string>) => loadConfig({ ...HTTP_ENV, ...env }).channelLanguages;
      expect(languages({ CHANNEL_LANGUAGES: 'ja' })).toEqual(['ja']);
      expect(languages({ CHANNEL_LANGUAGES: 'ja,en' })).toEqual(['ja', 'en']);
      expect(languages({ CHANNEL_LANGUAGES: 'en,ja' })).toEqual(['en', 'ja']);
      expect(languages({ CHANNEL_LANGUAGES: ' JA , en ' })).toEqual(['ja', 'en']);
      expect(languages({ DEFAULT_LOCALE: 'ja' })).toEqual(['ja']);
      expect(languages({ DEFAULT_LOCALE: 'ja', CHANNEL_LANGUAGES: '' })).toEqual(['ja']);
      expect(languages({ DEFAULT_LOCALE: 'ja', CHANNEL_LANGUAGES: 'en' })).toEqual(['en']);
    });

    it('CHANNEL_LANGUAGES that is wrong says which values it takes', () => {
      expect(configError({ ...HTTP_ENV, CHANNEL_LANGUAGES: 'jp' }).message).toBe(
        'CHANNEL_LANGUAGES must be en, ja, ja,en or en,ja: the language of posts in channels, or both with the first one first (unset: DEFAULT_LOCALE)',
      );
    });

    it('ignores unrelated variables, as found in a real process.env', () => {
      expect(() =>
        loadConfig({ ...HTTP_ENV, PATH: '/usr/bin', HOME: '/root', npm_config_x: 'y' }),
      ).not.toThrow();
    });

    it('the signing secret is optional in Socket Mode', () => {
      const config = loadConfig({ SLACK_BOT_TOKEN: 'xoxb-1', SLACK_APP_TOKEN: 'xapp-1-A111-222-abc' });
      expect(config.socketMode).toBe(true);
      expect(config.appToken).toBe('xapp-1-A111-222-abc');
      expect(config.signingSecret).toBeUndefined();
    });

    it('an empty SLACK_APP_TOKEN means HTTP mode', () => {
      const config = loadConfig({ ...HTTP_ENV, SLACK_APP_TOKEN: '' });
      expect(config.socketMode).toBe(false);
      expect(config.appToken).toBeUndefined();
    });

    it('BULK_POSTS_PER_SECOND is an optional ceiling: unset or empty, the pace finds the limit alone', () => {
      expect(loadConfig(HTTP_ENV).bulkPostsPerSecond).toBeUndefined();
      expect(loadConfig({ ...HTTP_ENV, BULK_POSTS_PER_SECOND: '' }).bulkPostsPerSecond).toBeUndefined();
      expect(loadConfig({ ...HTTP_ENV, BULK_POSTS_PER_SECOND: ' 2.5 ' }).bulkPostsPerSecond).toBe(2.5);
      for (const bad of ['0', 'fast', '-3', '5000']) {
        const error = configError({ ...HTTP_ENV, BULK_POSTS_PER_SECOND: bad });
        expectOneLineNaming(error, 'BULK_POSTS_PER_SECOND');
        expect(error.message).toMatch(/or left out/);
      }
    });

    it('PORT 0 (an ephemeral port) is allowed', () => {
      expect(loadConfig({ ...HTTP_ENV, PORT: '0' }).port).toBe(0);
    });

    it.each([
      ['postgres://homecoming:pw@db.internal:5432/alumni'],
      ['postgresql://homecoming@db.internal/alumni?sslmode=require'],
      ['postgres://homecoming@/alumni?host=/var/run/postgresql'],
    ])('DATABASE_URL %s selects Postgres', (url) => {
      expect(loadConfig({ ...HTTP_ENV, DATABASE_URL: ` ${url} ` }).databaseUrl).toBe(url);
    });

    it('an empty DATABASE_URL (as left by `DATABASE_URL=` in .env) keeps SQLite', () => {
      expect(loadConfig({ ...HTTP_ENV, DATABASE_URL: '' }).databaseUrl).toBeUndefined();
    });
  });

  describe('each missing or malformed variable is a one-line ConfigError naming it', () => {
    const cases: [string, string, Record<string, string | undefined>][] = [
      ['SLACK_BOT_TOKEN', 'missing', { SLACK_SIGNING_SECRET: 'secret' }],
      ['SLACK_BOT_TOKEN', 'empty', { ...HTTP_ENV, SLACK_BOT_TOKEN: '' }],
      ['SLACK_BOT_TOKEN', 'a user token (xoxp-)', { ...HTTP_ENV, SLACK_BOT_TOKEN: 'xoxp-123-456' }],
      ['SLACK_BOT_TOKEN', 'an app token (xapp-)', { ...HTTP_ENV, SLACK_BOT_TOKEN: 'xapp-1-A111-222' }],
      ['SLACK_SIGNING_SECRET', 'missing in HTTP mode', { SLACK_BOT_TOKEN: 'xoxb-1' }],
      [
        'SLACK_SIGNING_SECRET',
        'blank in HTTP mode',
        { SLACK_BOT_TOKEN: 'xoxb-1', SLACK_SIGNING_SECRET: '   ' },
      ],
      ['SLACK_APP_TOKEN', 'not xapp-', { ...HTTP_ENV, SLACK_APP_TOKEN: 'xoxb-not-an-app-token' }],
      ['SLACK_API_URL', 'not a URL', { ...HTTP_ENV, SLACK_API_URL: 'slack.com/api' }],
      ['SLACK_API_URL', 'not http(s)', { ...HTTP_ENV, SLACK_API_URL: 'ftp://slack.com/api/' }],
      ['PORT', 'not a number', { ...HTTP_ENV, PORT: 'eighty' }],
      ['PORT', 'negative', { ...HTTP_ENV, PORT: '-1' }],
      ['PORT', 'above 65535', { ...HTTP_ENV, PORT: '65536' }],
      ['PORT', 'not whole', { ...HTTP_ENV, PORT: '3000.5' }],
      ['DEFAULT_TIMEZONE', 'not an IANA zone', { ...HTTP_ENV, DEFAULT_TIMEZONE: 'Mars/Olympus_Mons' }],
      ['DEFAULT_TIMEZONE', 'an abbreviation-like word', { ...HTTP_ENV, DEFAULT_TIMEZONE: 'Tokyo' }],
      ['DEFAULT_LOCALE', 'not en or ja', { ...HTTP_ENV, DEFAULT_LOCALE: 'fr' }],
      ['DEFAULT_LOCALE', 'a Slack locale instead of a language', { ...HTTP_ENV, DEFAULT_LOCALE: 'ja-JP' }],
      ['CHANNEL_LANGUAGES', 'a language we do not speak', { ...HTTP_ENV, CHANNEL_LANGUAGES: 'fr' }],
      ['CHANNEL_LANGUAGES', 'one of two we do not speak', { ...HTTP_ENV, CHANNEL_LANGUAGES: 'ja,fr' }],
      ['CHANNEL_LANGUAGES', 'the same language twice', { ...HTTP_ENV, CHANNEL_LANGUAGES: 'ja,ja' }],
      ['CHANNEL_LANGUAGES', 'three languages', { ...HTTP_ENV, CHANNEL_LANGUAGES: 'ja,en,ja' }],
      ['CHANNEL_LANGUAGES', 'a Slack locale', { ...HTTP_ENV, CHANNEL_LANGUAGES: 'ja-JP' }],
      ['CHANNEL_LANGUAGES', 'a stray comma', { ...HTTP_ENV, CHANNEL_LANGUAGES: 'ja,' }],
      ['ADMIN_USER_IDS', 'a name instead of an id', { ...HTTP_ENV, ADMIN_USER_IDS: 'U012ABCDEF,aiko' }],
      ['ADMIN_USER_IDS', 'a mention instead of an id', { ...HTTP_ENV, ADMIN_USER_IDS: '<@U012ABCDEF>' }],
      ['ADMIN_USER_IDS', 'a lower-case id', { ...HTTP_ENV, ADMIN_USER_IDS: 'u012abcdef' }],
      ['COMMUNITY_CHANNEL_ID', 'a channel name', { ...HTTP_ENV, COMMUNITY_CHANNEL_ID: '#alumni' }],
      ['COMMUNITY_CHANNEL_ID', 'a user id', { ...HTTP_ENV, COMMUNITY_CHANNEL_ID: 'U012ABCDEF' }],
      [
        'COMMUNITY_TEXT_PATH',
        'a file that does not exist',
        { ...HTTP_ENV, COMMUNITY_TEXT_PATH: '/nowhere/community.json' },
      ],
      ['DATABASE_URL', 'a SQLite path', { ...HTTP_ENV, DATABASE_URL: './data/alumni.sqlite' }],
      ['DATABASE_URL', 'another engine', { ...HTTP_ENV, DATABASE_URL: 'mysql://u:p@host/db' }],
      ['DATABASE_URL', 'no scheme', { ...HTTP_ENV, DATABASE_URL: 'db.internal:5432/alumni' }],
      ['DATABASE_URL', 'nothing after the scheme', { ...HTTP_ENV, DATABASE_URL: 'postgres://' }],
      ['SCHEDULER_LEASE', 'not on or off', { ...HTTP_ENV, SCHEDULER_LEASE: 'yes' }],
      ['SCHEDULER_LEASE_SECONDS', 'below 10', { ...HTTP_ENV, SCHEDULER_LEASE_SECONDS: '5' }],
      ['SCHEDULER_LEASE_SECONDS', 'not whole', { ...HTTP_ENV, SCHEDULER_LEASE_SECONDS: '30.5' }],
      ['COLLAB_IDLE_DAYS', 'zero', { ...HTTP_ENV, COLLAB_IDLE_DAYS: '0' }],
      ['COLLAB_IDLE_DAYS', 'more than a year', { ...HTTP_ENV, COLLAB_IDLE_DAYS: '400' }],
      ['COLLAB_IDLE_DAYS', 'a duration with a unit', { ...HTTP_ENV, COLLAB_IDLE_DAYS: '30d' }],
      ['DIGEST_PAGE_SIZE', 'zero', { ...HTTP_ENV, DIGEST_PAGE_SIZE: '0' }],
      ['DIGEST_PAGE_SIZE', 'more than 10000', { ...HTTP_ENV, DIGEST_PAGE_SIZE: '20000' }],
    ];

    it.each(cases)('%s: %s', (variable, _why, env) => {
      expectOneLineNaming(configError(env), variable);
    });

    it('ConfigError is an Error', () => {
      expect(configError({})).toBeInstanceOf(Error);
    });

    it('names the first problem when several variables are wrong, still on one line', () => {
      const error = configError({ PORT: 'x', DEFAULT_LOCALE: 'fr' });
      expect(error.message).not.toMatch(/[\r\n]/);
      expect(error.message).toMatch(/^(SLACK_BOT_TOKEN|PORT|DEFAULT_LOCALE) /);
    });

    it.each([[''], ['   ']])(
      'PORT %j (as left by `PORT=` in .env) is refused or means the default 3000, never a random port',
      (port) => {
        let outcome: string;
        try {
          outcome = `port ${loadConfig({ ...HTTP_ENV, PORT: port }).port}`;
        } catch (error) {
          outcome =
            error instanceof ConfigError && /^PORT /.test(error.message)
              ? 'ConfigError naming PORT'
              : String(error);
        }
        expect(['port 3000', 'ConfigError naming PORT']).toContain(outcome);
      },
    );

    it('never echoes a token value back', () => {
      const error = configError({ ...HTTP_ENV, SLACK_BOT_TOKEN: 'xoxp-secret-user-token-value' });
      expect(error.message).not.toContain('secret-user-token-value');
      const appError = configError({ ...HTTP_ENV, SLACK_APP_TOKEN: 'xoxa-secret-app-token-value' });
      expect(appError.message).not.toContain('secret-app-token-value');
      const urlError = configError({ ...HTTP_ENV, DATABASE_URL: 'mysql://u:secret-db-password@h/db' });
      expect(urlError.message).not.toContain('secret-db-password');
    });
  });
});
