import type { MemberSearchRepository, SearchHit } from '../storage/memberSearch';
import type { MemberRepository } from '../storage/members';
import {
  PROFILE_TEXT,
  SHARED_WITH_CALLER,
  bodyMatches,
  compareRanked,
  findTerms,
  rankMatches,
  tagWeight,
  type Match,
} from './matching';

export interface FindInput {
  readonly callerId: string;
  readonly seesStaffOnly: boolean;
  /** The whole query as a tag (synonyms applied). */
  readonly query: string;
  /** The query as typed. */
  readonly queryWords: string;
  readonly normalizeTag: (tag: string) => string;
  readonly limit: number;
}

interface Scored {
  readonly userId: string;
  readonly score: number;
  readonly name: string;
}

/**
 * Find through the database's indexes (issue 15): the query's tags are picked from the distinct
 * tags (hundreds, not the members' millions of rows), their holders and the profile texts holding
 * the phrase come from the indexes, each hit is scored from what found it, and only the page shown
 * is read whole and ranked by rankMatches, the same scoring the whole directory went through
 * before. The score of a hit here and rankMatches's agree by construction: both add tagWeight per
 * tag, PROFILE_TEXT for the phrase in the text, SHARED_WITH_CALLER per other tag of the caller's.
 */
export async function findMembers(
  members: MemberRepository,
  search: MemberSearchRepository,
  input: FindInput,
): Promise<{ matches: Match[]; total: number }> {
  const terms = findTerms(input.query, input.queryWords, input.normalizeTag);
  const weights = new Map<string, number>();
  // The query and its words weigh in even before anyone's tag is in the vocabulary table.
  for (const tag of new Set([terms.query, ...terms.words, ...(await search.vocabulary())])) {
    const weight = tagWeight(terms, tag);
    if (weight > 0) weights.set(tag, weight);
  }
  const callerInterests = new Set(await members.interests(input.callerId));
  const query = {
    callerId: input.callerId,
    seesStaffOnly: input.seesStaffOnly,
    weights,
    phrase: terms.phrase,
    sharedTags: [...callerInterests].filter((tag) => !weights.has(tag)),
  };
  // The engine scores and sorts; only the rows that can be on the page (ties included) come back.
  const ranked = await search.ranked(query, input.limit);
  let page: Scored[];
  let total: number;
  if (ranked !== undefined) {
    page = topByRank(
      ranked.hits.map((hit) => ({
        userId: hit.userId,
        score: hit.score,
        name: hit.displayName ?? hit.userId,
      })),
      input.limit,
    );
    total = ranked.total;
  } else {
    const scored = (await search.hits(query)).flatMap((hit) =>
      score(hit, (body) => bodyMatches(terms, body)),
    );
    page = topByRank(scored, input.limit);
    total = scored.length;
  }
  const entries = await members.entries(page.map((hit) => hit.userId));
  const matches = rankMatches({
    query: input.query,
    queryWords: input.queryWords,
    callerInterests,
    candidates: entries,
    normalizeTag: input.normalizeTag,
  });
  return { matches, total };
}

function score(hit: SearchHit, inText: (body: string) => boolean): Scored[] {
  let points = hit.points;
  if (hit.body !== null && inText(hit.body)) points += PROFILE_TEXT;
  if (points === 0) return [];
  return [
    {
      userId: hit.userId,
      score: points + hit.shared * SHARED_WITH_CALLER,
      name: hit.displayName ?? hit.userId,
    },
  ];
}

/**
 * The first `limit` in rank order without sorting every hit: one pass keeping a sorted page, so a
 * popular tag's tens of thousands of hits cost about one comparison each. O(n·log limit + k·limit).
 */
function topByRank(scored: readonly Scored[], limit: number): Scored[] {
  const page: Scored[] = [];
  for (const hit of scored) {
    const last = page[page.length - 1];
    if (page.length === limit && last !== undefined && compareRanked(hit, last) >= 0) continue;
    let at = page.length;
    while (at > 0 && compareRanked(hit, page[at - 1] as Scored) < 0) at -= 1;
    page.splice(at, 0, hit);
    if (page.length > limit) page.pop();
  }
  return page;
}
