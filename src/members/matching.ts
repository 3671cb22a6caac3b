import { canonicalTag } from '../interests/tags';
import type { DirectoryEntry } from '../storage/members';

export interface Match {
  readonly entry: DirectoryEntry;
  readonly score: number;
  /** Tags the match has that the query named or the caller shares. */
  readonly sharedTags: readonly string[];
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
const PROFILE_TEXT = 10;
const SHARED_WITH_CALLER = 1;

/** Scores candidates against a find query; pure, so it is tested without Slack or SQL. */
export function rankMatches(input: RankInput): Match[] {
  const words = canonicalTag(input.queryWords)
    .split(' ')
    .filter((word) => word.length > 0)
    .map(input.normalizeTag);
  const phrase = canonicalTag(input.queryWords);
  const matches: Match[] = [];
  for (const entry of input.candidates) {
    let score = 0;
    const named: string[] = [];
    for (const tag of entry.interests) {
      if (tag === input.query) {
        score += EXACT_TAG;
        named.push(tag);
      } else if (words.includes(tag)) {
        score += WORD_TAG;
        named.push(tag);
      } else if (
        phrase.length >= 2 &&
        (tag.includes(phrase) || words.some((word) => word.length >= 3 && tag.includes(word)))
      ) {
        score += PARTIAL_TAG;
        named.push(tag);
      }
    }
    const text = [entry.displayName, entry.company, entry.title, entry.location, entry.bio]
      .filter((part): part is string => part !== null)
      .map(canonicalTag)
      .join('\n');
    if (phrase.length > 0 && text.includes(phrase)) score += PROFILE_TEXT;
    if (score === 0) continue;
    const shared = entry.interests.filter((tag) => input.callerInterests.has(tag) && !named.includes(tag));
    score += shared.length * SHARED_WITH_CALLER;
    matches.push({ entry, score, sharedTags: [...named, ...shared] });
  }
  return matches.sort(
    (a, b) =>
      b.score - a.score ||
      (a.entry.displayName ?? a.entry.userId).localeCompare(b.entry.displayName ?? b.entry.userId),
  );
}
