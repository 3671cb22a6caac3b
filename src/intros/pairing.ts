/**
 * Who meets whom in an intro round. Pure: no Slack, no SQL, no clock, so it is tested alone and
 * benchmarked at 10,000 members (`npm run bench`).
 *
 * Rules, in order of strength:
 * 1. Never repeat a pair that met in the recent rounds (the caller passes those pairs): a hard rule.
 *    A member who cannot be placed without a repeat sits the round out.
 * 2. At most one trio per round, and only when someone would otherwise be left alone (odd count).
 * 3. Pairs share as many interests as possible.
 *
 * Algorithm: greedy maximum-weight matching on "shared interests" edges. For each member we find the
 * few candidates sharing the most tags (via a tag → members index, scanning rare tags first, with a
 * per-member scan budget so that a tag everybody has cannot make it quadratic), then take edges best
 * first. Greedy is within a factor two of the optimum and runs in about a second for 10,000 members.
 *
 * Complexity (issue 15), n members of t tags: the community O(n·t); a greedy pass O(min(n·scanBudget,
 * scanWork) + n·k) (the per-member budget shrinks as n grows), at most `passes` of them; the fallback
 * O(n·64); leftover repair and the trio O(leftovers·n), leftovers being a handful. Linear in n.
 * Members left over are matched again among themselves, then paired at random (no shared interest),
 * then repaired by swapping with an existing pair when only a repeat was left. A seeded shuffle breaks
 * ties, so the same inputs and seed give the same round (a preview shows what will happen).
 */
import { Community } from './pairingCommunity';

export interface PairingCandidate {
  readonly userId: string;
  /** Canonical tags (see interests/tags). */
  readonly tags: readonly string[];
}

export interface PairingInput {
  readonly candidates: readonly PairingCandidate[];
  /** Pairs who met in the recent rounds; never paired again. Members not among the candidates are ignored. */
  readonly recentPairs: readonly (readonly [string, string])[];
  /** Tie-breaks (and the order of members without shared interests) follow this seed. */
  readonly seed: string;
  readonly limits?: Partial<PairingLimits>;
}

export interface PairingLimits {
  /** Best candidates kept per member as matching edges. */
  readonly candidatesPerMember: number;
  /** Entries of the tag index one member may scan when scoring candidates. */
  readonly scanBudget: number;
  /** Entries of the tag index one greedy pass may scan in all; and per member, however large the round. */
  readonly scanWork: number;
  readonly minScanBudget: number;
  /** Greedy passes over the members still unmatched. */
  readonly passes: number;
}

// scanWork: 30,000 members at the full budget, so rounds of that size keep the quality measured before.
export const DEFAULT_PAIRING_LIMITS: PairingLimits = {
  candidatesPerMember: 8,
  scanBudget: 4000,
  scanWork: 120_000_000,
  minScanBudget: 600,
  passes: 6,
};

export interface IntroGroup {
  /** Two members, or three for the round's trio; sorted by user id. */
  readonly members: readonly string[];
  /** For a pair, the tags both hold; for a trio, the tags at least two hold (most widely held first). */
  readonly sharedTags: readonly string[];
}

export interface Pairing {
  readonly groups: readonly IntroGroup[];
  /** Members who could not be placed without repeating a recent pair (or a lone member). */
  readonly leftOut: readonly string[];
}

/** How far a member scans forward for a partner they have not met, when nobody shares an interest. */
const FALLBACK_LOOKAHEAD = 64;

/**
 * One greedy pass over `active` members: best candidate edges per member, then edges taken best
 * first. Writes partners into `partner` (-1 = none yet).
 */
function greedyPass(
  community: Community,
  active: readonly number[],
  partner: Int32Array,
  limits: PairingLimits,
): void {
  const tagCount = community.tagNames.length;
  // The tag index over the active members only (compressed rows).
  const postingStart = new Int32Array(tagCount + 1);
  for (const member of active) {
    for (let i = community.tagStart[member] ?? 0; i < (community.tagStart[member + 1] ?? 0); i += 1) {
      const tag = community.tagIds[i] ?? 0;
      postingStart[tag + 1] = (postingStart[tag + 1] ?? 0) + 1;
    }
  }
  for (let t = 0; t < tagCount; t += 1)
    postingStart[t + 1] = (postingStart[t + 1] ?? 0) + (postingStart[t] ?? 0);
  const fill = postingStart.slice(0, tagCount);
  const postings = new Int32Array(postingStart[tagCount] ?? 0);
  for (const member of active) {
    for (let i = community.tagStart[member] ?? 0; i < (community.tagStart[member + 1] ?? 0); i += 1) {
      const tag = community.tagIds[i] ?? 0;
      postings[fill[tag] ?? 0] = member;
      fill[tag] = (fill[tag] ?? 0) + 1;
    }
  }
  const postingLength = (tag: number): number => (postingStart[tag + 1] ?? 0) - (postingStart[tag] ?? 0);

  const k = limits.candidatesPerMember;
  // The whole pass scans at most scanWork entries: the budget per member shrinks as the round
  // grows, so that a pass stays linear in the members (a member's rarest tags still come first).
  const scanBudget = Math.max(
    limits.minScanBudget,
    Math.min(limits.scanBudget, Math.floor(limits.scanWork / Math.max(1, active.length))),
  );
  const scores = new Int32Array(community.size);
  const touched = new Int32Array(community.size);
  const topMember = new Int32Array(k);
  const topScore = new Int32Array(k);
  const edgeA: number[] = [];
  const edgeB: number[] = [];
  const edgeScore: number[] = [];
  let maxScore = 0;

  let order = new Int32Array(16);
  for (const member of active) {
    // Rare tags first: they say the most about a person, and they are cheap to scan in full.
    // An insertion sort into one reused buffer (a member holds a few tags; stable, as sort() was).
    const from = community.tagStart[member] ?? 0;
    const tagCountOf = (community.tagStart[member + 1] ?? 0) - from;
    if (order.length < tagCountOf) order = new Int32Array(tagCountOf);
    for (let i = 0; i < tagCountOf; i += 1) {
      const tag = community.tagIds[from + i] ?? 0;
      const length = postingLength(tag);
      let at = i;
      while (at > 0 && postingLength(order[at - 1] ?? 0) > length) {
        order[at] = order[at - 1] ?? 0;
        at -= 1;
      }
      order[at] = tag;
    }
    let budget = scanBudget;
    let touchedCount = 0;
    for (let o = 0; o < tagCountOf; o += 1) {
      const tag = order[o] ?? 0;
      if (budget <= 0) break;
      const start = postingStart[tag] ?? 0;
      const length = postingLength(tag);
      const take = Math.min(length, budget);
      budget -= take;
      // Start at a place that depends on the member: members holding the same tag then keep different
      // candidates among equals (otherwise all would want the tag's first holders), and a tag with more
      // holders than the budget is sampled in different windows.
      const offset = length === 0 ? 0 : (member * 2654435761) % length;
      // The window [offset, offset + take) wraps around the tag's list once: a subtraction, no modulo.
      const end = start + length;
      for (let n = 0, at = start + offset; n < take; n += 1, at += 1) {
        const other = postings[at < end ? at : at - length] ?? member;
        if (other === member) continue;
        if (scores[other] === 0) touched[touchedCount++] = other;
        scores[other] = (scores[other] ?? 0) + 1;
      }
    }
    let kept = 0;
    for (let n = 0; n < touchedCount; n += 1) {
      const other = touched[n] ?? 0;
      const score = scores[other] ?? 0;
      scores[other] = 0;
      if (kept === k && score <= (topScore[k - 1] ?? 0)) continue;
      if (!community.mayMeet(member, other)) continue;
      let at = kept < k ? kept : k - 1;
      while (at > 0 && (topScore[at - 1] ?? 0) < score) {
        topScore[at] = topScore[at - 1] ?? 0;
        topMember[at] = topMember[at - 1] ?? 0;
        at -= 1;
      }
      topScore[at] = score;
      topMember[at] = other;
      if (kept < k) kept += 1;
    }
    for (let n = 0; n < kept; n += 1) {
      const score = topScore[n] ?? 0;
      edgeA.push(member);
      edgeB.push(topMember[n] ?? 0);
      edgeScore.push(score);
      if (score > maxScore) maxScore = score;
    }
  }

  // Best edges first: a counting sort by score keeps generation order among equals.
  const byScore: number[][] = Array.from({ length: maxScore + 1 }, () => []);
  for (let e = 0; e < edgeScore.length; e += 1) byScore[edgeScore[e] ?? 0]?.push(e);
  for (let score = maxScore; score > 0; score -= 1) {
    for (const e of byScore[score] ?? []) {
      const a = edgeA[e] ?? 0;
      const b = edgeB[e] ?? 0;
      if (partner[a] === -1 && partner[b] === -1) {
        partner[a] = b;
        partner[b] = a;
      }
    }
  }
}

function unmatched(partner: Int32Array, from: readonly number[]): number[] {
  return from.filter((member) => partner[member] === -1);
}

/** Pairs the members of an intro round; see the module comment for the rules. */
export function pairMembers(input: PairingInput): Pairing {
  const limits: PairingLimits = { ...DEFAULT_PAIRING_LIMITS, ...input.limits };
  const community = new Community(input);
  const everyone = Array.from({ length: community.size }, (_, i) => i);
  const partner = new Int32Array(community.size).fill(-1);

  let waiting = everyone;
  for (let pass = 0; pass < limits.passes && waiting.length > 1; pass += 1) {
    greedyPass(community, waiting, partner, limits);
    const still = unmatched(partner, waiting);
    if (still.length === waiting.length) break;
    waiting = still;
  }

  // Nobody left shares an interest: pair in the shuffled order, skipping anyone met recently.
  for (let i = 0; i < waiting.length; i += 1) {
    const a = waiting[i] ?? 0;
    if (partner[a] !== -1) continue;
    for (let j = i + 1; j < Math.min(waiting.length, i + 1 + FALLBACK_LOOKAHEAD); j += 1) {
      const b = waiting[j] ?? 0;
      if (partner[b] === -1 && community.mayMeet(a, b)) {
        partner[a] = b;
        partner[b] = a;
        break;
      }
    }
  }

  const pairs: [number, number][] = [];
  for (const member of everyone) {
    const other = partner[member] ?? -1;
    if (other > member) pairs.push([member, other]);
  }
  let leftover = unmatched(partner, everyone);

  // Only repeats were left among the leftovers: swap two of them into an existing pair (a, b) + (c, d)
  // → (a, c) + (b, d) when that breaks no rule. Happens in small communities.
  while (leftover.length >= 2) {
    const [a, b] = leftover;
    if (a === undefined || b === undefined) break;
    const at = pairs.findIndex(
      ([c, d]) =>
        (community.mayMeet(a, c) && community.mayMeet(b, d)) ||
        (community.mayMeet(a, d) && community.mayMeet(b, c)),
    );
    const found = pairs[at];
    if (found === undefined) break;
    const [c, d] = found;
    pairs.splice(
      at,
      1,
      ...((community.mayMeet(a, c) && community.mayMeet(b, d)
        ? [
            [a, c],
            [b, d],
          ]
        : [
            [a, d],
            [b, c],
          ]) as [number, number][]),
    );
    leftover = leftover.slice(2);
  }

  // One member alone: they join the pair they share most with, met by neither → the round's trio.
  let trio: [number, number, number] | undefined;
  if (leftover.length % 2 === 1 && pairs.length > 0) {
    for (const x of [...leftover]) {
      let best = -1;
      let bestShared = -1;
      pairs.forEach(([c, d], index) => {
        if (!community.mayMeet(x, c) || !community.mayMeet(x, d)) return;
        const shared = community.shared(x, c) + community.shared(x, d);
        if (shared > bestShared) {
          best = index;
          bestShared = shared;
        }
      });
      const chosen = pairs[best];
      if (chosen !== undefined) {
        pairs.splice(best, 1);
        trio = [chosen[0], chosen[1], x];
        leftover = leftover.filter((member) => member !== x);
        break;
      }
    }
  }

  const groups: IntroGroup[] = pairs.map((pair) => group(community, pair));
  if (trio !== undefined) groups.push(group(community, trio));
  groups.sort((g, h) => ((g.members[0] ?? '') < (h.members[0] ?? '') ? -1 : 1));
  return { groups, leftOut: leftover.map((member) => community.ids[member] ?? '').sort() };
}

function group(community: Community, members: readonly number[]): IntroGroup {
  const [a, b] = members;
  if (members.length === 2 && a !== undefined && b !== undefined) {
    // A pair: the first member's tags the second holds, in the first member's order (as below).
    const sharedTags: string[] = [];
    for (let i = community.tagStart[a] ?? 0; i < (community.tagStart[a + 1] ?? 0); i += 1) {
      const tag = community.tagIds[i] ?? 0;
      if (community.holds(b, tag)) sharedTags.push(community.tagNames[tag] ?? '');
    }
    const x = community.ids[a] ?? '';
    const y = community.ids[b] ?? '';
    return { members: x < y ? [x, y] : [y, x], sharedTags };
  }
  const holders = new Map<number, number>();
  for (const member of members)
    for (const tag of community.tagsOf(member)) holders.set(tag, (holders.get(tag) ?? 0) + 1);
  // Map keeps first-seen order, so among equals the first member's own order of tags wins.
  const sharedTags = [...holders]
    .filter(([, count]) => count >= 2)
    .sort((x, y) => y[1] - x[1])
    .map(([tag]) => community.tagNames[tag] ?? '');
  return { members: members.map((member) => community.ids[member] ?? '').sort(), sharedTags };
}

/** The pairs inside a group (one for a pair, three for a trio): what "never repeat" is about. */
export function pairsIn(members: readonly string[]): [string, string][] {
  const pairs: [string, string][] = [];
  for (let i = 0; i < members.length; i += 1) {
    for (let j = i + 1; j < members.length; j += 1) {
      const a = members[i];
      const b = members[j];
      if (a !== undefined && b !== undefined) pairs.push(a < b ? [a, b] : [b, a]);
    }
  }
  return pairs;
}
