import { messages, type Catalogue, type Languages, type Locale } from '../../i18n';
import { truncate } from './text';

/*
 * Posts written in several languages at once (a channel's CHANNEL_LANGUAGES, a group DM whose members
 * read different ones). The first language comes first; words both languages write alike appear once.
 * A post in one language reads exactly as it did before.
 */

export type Say = (m: Catalogue, locale: Locale) => string;

/** What each language says, first language first, without repeats. */
export function eachLanguage(languages: Languages, say: Say): string[] {
  return [...new Set(languages.map((locale) => say(messages(locale), locale)))];
}

/**
 * Lengths that fit `budget` together: each part keeps all of itself if it can, and the longest ones
 * share what is left evenly, so a short line is never cut to make room for a long one.
 */
export function fairShares(lengths: readonly number[], budget: number): number[] {
  let left = budget;
  let parts = lengths.length;
  let cap = Number.POSITIVE_INFINITY;
  for (const length of [...lengths].sort((a, b) => a - b)) {
    const even = Math.floor(left / parts);
    if (length > even) {
      cap = even;
      break;
    }
    left -= length;
    parts -= 1;
  }
  return lengths.map((length) => Math.min(length, cap));
}

/** Joins the parts with the separator within `max` characters, cutting the longest parts first. */
export function joinWithin(parts: readonly string[], separator: string, max: number): string {
  const joined = parts.join(separator);
  if (joined.length <= max) return joined;
  const budget = max - separator.length * Math.max(0, parts.length - 1);
  const shares = fairShares(
    parts.map((part) => part.length),
    budget,
  );
  return parts
    .map((part, i) => {
      const share = shares[i] ?? 0;
      return share > 0 ? truncate(part, share) : '';
    })
    .join(separator);
}

/**
 * A short label in every language on one line, `参加 / Going` (buttons, ids, words in a line). When
 * both would not fit in `max`, the first language alone: a label cut in half helps nobody.
 */
export function label(languages: Languages, say: Say, max = 75): string {
  const parts = eachLanguage(languages, say);
  const joined = parts.join(' / ');
  return joined.length <= max ? joined : truncate(parts[0] ?? '', max);
}

/** Text in every language, each on lines of its own, first language first, within `max` characters. */
export function stacked(languages: Languages, say: Say, max = 3000): string {
  return joinWithin(eachLanguage(languages, say), '\n', max);
}
