import { canonicalTag } from '../interests/tags';
import type { DirectoryEntry } from '../storage/members';

export interface Match {
  readonly entry: DirectoryEntry;
  readonly score: number;
  /** Tags the match has that the query named or the caller shares. */
  readonly sharedTags: readonly string[];
}

/** A find query in the forms it is compared in: as a tag, word by word, and as a phrase. */
export interface FindTerms {
  /** The whole query as a tag (synonyms applied). */
  readonly query: string;
  /** Each word of the query as a tag. */
  readonly words: readonly string[];
  /** The query's canonical spelling, looked for inside tags and profile text. */
  readonly phrase: string;
}

interface RankInput {
  /** The whole query as a tag (synonyms applied). */
  readonly query: string;
  /** The query as typed, for word and profile-text matching. */
  readonly queryWords: string;
  readonly callerInterests: ReadonlySet<string>;
  readonly candidates: readonly DirectoryEntry[];
  readonly normalizeTag: (tag: string) => string;
}

// Weights: naming a member's exact tag beats a partial tag hit, which beats profile text.
const EXACT_TAG = 100;
const WORD_TAG = 40;
const PARTIAL_TAG = 20;
export const PROFILE_TEXT = 10;
export const SHARED_WITH_CALLER = 1;

export function findTerms(
  query: string,
  queryWords: string,
  normalizeTag: (tag: string) => string,
): FindTerms {
  const phrase = canonicalTag(queryWords);
  const words = phrase
    .split(' ')
    .filter((word) => word.length > 0)
    .map(normalizeTag);
  return { query, words, phrase };
}

/** What holding `tag` adds to a member's score for this query: 0 when the tag does not match it. */
export function tagWeight(terms: FindTerms, tag: string): number {
  if (tag === terms.query) return EXACT_TAG;
  if (terms.words.includes(tag)) return WORD_TAG;
  if (
    terms.phrase.length >= 2 &&
    (tag.includes(terms.phrase) || terms.words.some((word) => word.length >= 3 && tag.includes(word)))
  )
    return PARTIAL_TAG;
  return 0;
}

/**
 * The profile text find searches, in the spelling it compares: each part canonical, one per line
 * (a query, being canonical, has no line break, so it never matches across two parts).
 */
export function profileBody(parts: readonly (string | null)[]): string {
  return parts
    .filter((part): part is string => part !== null)
    .map(canonicalTag)
    .join('\n');
}

export function bodyMatches(terms: FindTerms, body: string): boolean {
  return terms.phrase.length > 0 && body.includes(terms.phrase);
}

/** Best first: the higher score, then the name (or id) in the reader-neutral collation. */
export function compareRanked(
  a: { readonly score: number; readonly name: string },
  b: { readonly score: number; readonly name: string },
): number {
  return b.score - a.score || a.name.localeCompare(b.name);
}

/** Scores candidates against a find query; pure, so it is tested without Slack or SQL. */
export function rankMatches(input: RankInput): Match[] {
  const terms = findTerms(input.query, input.queryWords, input.normalizeTag);
  const matches: Match[] = [];
  for (const entry of input.candidates) {
    let score = 0;
    const named: string[] = [];
    for (const tag of entry.interests) {
      const weight = tagWeight(terms, tag);
      if (weight === 0) continue;
      score += weight;
      named.push(tag);
    }
    const body = profileBody([entry.displayName, entry.company, entry.title, entry.location, entry.bio]);
    if (bodyMatches(terms, body)) score += PROFILE_TEXT;
    if (score === 0) continue;
    const shared = entry.interests.filter((tag) => input.callerInterests.has(tag) && !named.includes(tag));
    score += shared.length * SHARED_WITH_CALLER;
    matches.push({ entry, score, sharedTags: [...named, ...shared] });
  }
  return matches.sort((a, b) =>
    compareRanked(
      { score: a.score, name: a.entry.displayName ?? a.entry.userId },
      { score: b.score, name: b.entry.displayName ?? b.entry.userId },
    ),
  );
}
