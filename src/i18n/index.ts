import { en, type Catalogue } from './en';
import { ja } from './ja';

export const LOCALES = ['en', 'ja'] as const;
export type Locale = (typeof LOCALES)[number];
/** The languages a post is written in, first language first (e.g. a channel's: CHANNEL_LANGUAGES). */
export type Languages = readonly [Locale, ...Locale[]];
export type { Catalogue };

const catalogues: Record<Locale, Catalogue> = { en, ja };

export function messages(locale: Locale): Catalogue {
  return catalogues[locale];
}

/** Maps a Slack locale such as "ja-JP" or "en-GB" to one we speak, or undefined. */
export function fromSlackLocale(slackLocale: string | undefined | null): Locale | undefined {
  if (slackLocale === undefined || slackLocale === null) return undefined;
  const language = slackLocale.toLowerCase().split(/[-_]/)[0];
  return LOCALES.find((locale) => locale === language);
}

/** A member by mention, with the honorific Japanese puts on every name (「<@U1> さん」). */
export function person(locale: Locale, userId: string): string {
  return locale === 'ja' ? `<@${userId}> さん` : `<@${userId}>`;
}

/** Members by mention, each with its honorific, joined the way each language does. */
export function people(locale: Locale, userIds: readonly string[]): string {
  return joinList(
    locale,
    userIds.map((id) => person(locale, id)),
  );
}

/** "Label: text", with the colon each language writes (Japanese: full-width, no space). */
export function labelled(locale: Locale, label: string, text: string): string {
  return locale === 'ja' ? `${label}：${text}` : `${label}: ${text}`;
}

/** Joins a list the way each language does. */
export function joinList(locale: Locale, items: readonly string[]): string {
  return items.join(locale === 'ja' ? '、' : ', ');
}
