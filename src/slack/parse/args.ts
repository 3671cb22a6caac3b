import { z } from 'zod';

/** Longest command text we read; Slack itself caps a message far above any sensible command. */
export const MAX_COMMAND_LENGTH = 4000;

// Invisible characters could hide a verb ("he\u200Blp"); strip them before reading the words.
const invisible = /[\p{Cc}\p{Cf}]/gu;

/** NFKC folds full-width letters and digits (ＨＥＬＰ, ２６) and half-width katakana (ﾍﾙﾌﾟ) to what we match. */
export function cleanText(raw: string): string {
  return raw.slice(0, MAX_COMMAND_LENGTH).normalize('NFKC').replace(invisible, ' ');
}

/** The first word and what follows it. */
export function split(text: string): { word: string; rest: string } {
  const trimmed = text.trim();
  const match = /^(\S+)\s*([\s\S]*)$/.exec(trimmed);
  return match === null ? { word: '', rest: '' } : { word: match[1] ?? '', rest: match[2] ?? '' };
}

// A polite ending typed after a Japanese verb (「ヘルプです」, 「削除します」) says nothing more.
// 「オフにします」「毎週にする」: the に before します goes too.
const politeEnding = /(?:をお願いします|お願いします|に?してください|に?します|にする|です|ます)$/;

/** A verb or sub-verb as we compare it: lower case, a polite Japanese ending dropped. */
export function foldWord(word: string): string {
  const lower = word.toLowerCase();
  const plain = lower.replace(politeEnding, '');
  return plain === '' ? lower : plain;
}

/** The sub-verb (by any of its names) and the words after it; `undefined` action when none matched. */
export function subVerb<A extends string>(
  rest: string,
  names: Readonly<Record<A, readonly string[]>>,
): { action: A | undefined; word: string; rest: string } {
  const { word, rest: after } = split(rest);
  const folded = foldWord(word);
  const actions = Object.keys(names) as A[];
  const action = actions.find((name) => names[name].includes(folded));
  return { action, word: folded, rest: after };
}

// With should_escape the command arrives as <@U123|name>; DMs carry <@U123>.
export const mentionArg = z
  .string()
  .regex(/^<@([UW][A-Z0-9]+)(?:\|[^>]*)?>$/)
  .transform((text) => text.slice(2).split(/[|>]/)[0] ?? '');

/** A word that looks like a mention typed by hand (full-width ＠ is folded by NFKC first): Slack sends real mentions as <@U…>. */
export const plainAt = (word: string | undefined): boolean => word !== undefined && /^@\S+$/.test(word);

// "12" or "#12", as cards and lists show ids.
export const idArg = z
  .string()
  .regex(/^#?\d{1,9}$/)
  .transform((text) => Number(text.replace('#', '')))
  .pipe(z.number().int().positive());

/**
 * An id as a member copies it from a card or list: "12", "#12", "Event #12", "イベント #12",
 * "Announcement #3", "求人 #4". The word before the number is only a label.
 */
export const labelledIdArg = z
  .string()
  .transform((text) => text.trim().replace(/^\p{L}+\s*(?=#)/u, ''))
  .pipe(idArg);
