import type { Clock } from '../clock';
import type { Logger } from '../logger';
import type { LocaleRepository } from '../storage/locales';
import { fromSlackLocale, type Locale } from './index';

/** Asks Slack for a member's locale (users.info include_locale); undefined when unknown. */
export type SlackLocaleLookup = (userId: string) => Promise<string | undefined>;

const REFRESH_AFTER_MS = 24 * 60 * 60 * 1000;

/**
 * Each member's language, from their Slack locale. Answers come from the database when
 * fresh; a lookup that is slow or fails falls back to the default so that no reply waits on it.
 */
export class LocaleService {
  private readonly inFlight = new Map<string, Promise<Locale>>();

  constructor(
    private readonly repository: LocaleRepository,
    private readonly lookup: SlackLocaleLookup,
    private readonly defaultLocale: Locale,
    private readonly clock: Clock,
    private readonly logger: Logger,
    private readonly timeoutMs = 1500,
  ) {}

  async localeOf(userId: string): Promise<Locale> {
    const cached = await this.repository.get(userId);
    const now = this.clock.now();
    if (cached !== undefined && now.getTime() - cached.fetchedAt.getTime() < REFRESH_AFTER_MS) {
      return fromSlackLocale(cached.locale) ?? this.defaultLocale;
    }
    const pending = this.inFlight.get(userId) ?? this.fetch(userId, cached?.locale);
    this.inFlight.set(userId, pending);
    try {
      return await pending;
    } finally {
      this.inFlight.delete(userId);
    }
  }

  /**
   * The locale we already know, however old, without asking Slack: for bulk sends, where one
   * users.info per member (Tier 4, ~100 a minute) would take hours.
   */
  async knownLocaleOf(userId: string): Promise<Locale> {
    return fromSlackLocale((await this.repository.get(userId))?.locale) ?? this.defaultLocale;
  }

  /** `knownLocaleOf` for many members at once: a digest or intro batch reads them in one query. */
  async knownLocalesOf(userIds: readonly string[]): Promise<(userId: string) => Locale> {
    const stored = await this.repository.many(userIds);
    return (userId) => fromSlackLocale(stored.get(userId)) ?? this.defaultLocale;
  }

  /** Forgets a member's cached locale (privacy erasure). */
  async forget(userId: string): Promise<void> {
    await this.repository.delete(userId);
  }

  private async fetch(userId: string, stale: string | undefined): Promise<Locale> {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<undefined>((resolve) => {
      timer = setTimeout(() => resolve(undefined), this.timeoutMs);
    });
    try {
      const slackLocale = await Promise.race([this.lookup(userId), timeout]);
      if (slackLocale !== undefined) {
        await this.repository.put(userId, slackLocale, this.clock.now());
        return fromSlackLocale(slackLocale) ?? this.defaultLocale;
      }
    } catch (error) {
      this.logger.warn(`locale lookup failed for ${userId}:`, error);
    } finally {
      clearTimeout(timer);
    }
    return fromSlackLocale(stale) ?? this.defaultLocale;
  }
}
