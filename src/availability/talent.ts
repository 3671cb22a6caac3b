import type { TalentCandidate, TalentMatch } from './types';

/**
 * HR's `talent`: members open to coming back whose interests match the tags, most matching tags
 * first, then the most recently active, then by name. Pure; the caller has already left out hidden
 * members and lapsed flags.
 */
export function rankTalent(
  candidates: readonly TalentCandidate[],
  tags: readonly string[],
  limit: number,
): { matches: TalentMatch[]; total: number } {
  const matches: TalentMatch[] = [];
  for (const candidate of candidates) {
    // In the order HR asked for them (a role's tags, or the words typed).
    const matchedTags = tags.filter((tag) => candidate.interests.includes(tag));
    if (matchedTags.length > 0) matches.push({ candidate, matchedTags });
  }
  matches.sort(
    (a, b) =>
      b.matchedTags.length - a.matchedTags.length ||
      (b.candidate.lastActiveAt ?? '').localeCompare(a.candidate.lastActiveAt ?? '') ||
      (a.candidate.displayName ?? a.candidate.userId).localeCompare(
        b.candidate.displayName ?? b.candidate.userId,
      ),
  );
  return { matches: matches.slice(0, limit), total: matches.length };
}
