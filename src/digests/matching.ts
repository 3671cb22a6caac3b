/**
 * Which roles and events each member should hear about: only what matches their interests
 * and what they were not sent before, best match first. Pure and allocation-light, because
 * it runs for every member of a large community in one go (see `npm run bench`).
 */
export interface DigestCandidate {
  readonly id: number;
  readonly tags: readonly string[];
  /** Tie-break: higher first (newer roles, sooner events). */
  readonly rank: number;
  /** Who may hear of it (the members of its private channel); undefined: everyone. */
  readonly audience?: ReadonlySet<string>;
}

export interface DigestRecipient {
  readonly userId: string;
  readonly interests: readonly string[];
}

export interface MatchedItem {
  readonly id: number;
  readonly score: number;
  readonly sharedTags: readonly string[];
}

export interface DigestSelection {
  readonly jobs: readonly MatchedItem[];
  readonly events: readonly MatchedItem[];
}

export interface DigestLimits {
  readonly jobs: number;
  readonly events: number;
}

export const DEFAULT_DIGEST_LIMITS: DigestLimits = { jobs: 5, events: 3 };

/**
 * tag → candidates carrying it; built once per run. Scoring uses one counter array shared by
 * every query (reset after each), so matching a member allocates almost nothing.
 */
export class TagIndex {
  private readonly byTag = new Map<string, number[]>();
  private readonly scores: Int32Array;
  private readonly touched: number[] = [];

  private readonly byId = new Map<number, number>();

  constructor(readonly candidates: readonly DigestCandidate[]) {
    candidates.forEach((candidate, index) => {
      this.byId.set(candidate.id, index);
      for (const tag of candidate.tags) {
        const list = this.byTag.get(tag);
        if (list === undefined) this.byTag.set(tag, [index]);
        else list.push(index);
      }
    });
    this.scores = new Int32Array(candidates.length);
  }

  /**
   * Candidates sharing at least one interest, not yet sent, best first, at most `limit`. With a
   * `recipient`, candidates with an audience they are not in are left out; without one, all such are.
   */
  candidate(id: number): DigestCandidate | undefined {
    const index = this.byId.get(id);
    return index === undefined ? undefined : this.candidates[index];
  }

  best(
    interests: readonly string[],
    alreadySent: ReadonlySet<number> | undefined,
    limit: number,
    recipient?: string,
  ): MatchedItem[] {
    if (limit <= 0) return [];
    const { scores, touched, candidates } = this;
    for (const tag of interests) {
      const carrying = this.byTag.get(tag);
      if (carrying === undefined) continue;
      for (const index of carrying) {
        if (scores[index] === 0) touched.push(index);
        scores[index] = (scores[index] ?? 0) + 1;
      }
    }
    // Keep the best `limit` in a small sorted array: cheaper than sorting everything touched.
    const top: number[] = [];
    const better = (a: number, b: number): boolean => {
      const sa = scores[a] ?? 0;
      const sb = scores[b] ?? 0;
      if (sa !== sb) return sa > sb;
      const ca = candidates[a];
      const cb = candidates[b];
      if (ca === undefined || cb === undefined) return false;
      return ca.rank !== cb.rank ? ca.rank > cb.rank : ca.id < cb.id;
    };
    for (const index of touched) {
      const candidate = candidates[index];
      if (candidate === undefined || alreadySent?.has(candidate.id) === true) continue;
      if (candidate.audience !== undefined && (recipient === undefined || !candidate.audience.has(recipient)))
        continue;
      const last = top[top.length - 1];
      if (top.length === limit && last !== undefined && !better(index, last)) continue;
      let at = top.length;
      while (at > 0) {
        const previous = top[at - 1];
        if (previous === undefined || !better(index, previous)) break;
        at -= 1;
      }
      top.splice(at, 0, index);
      if (top.length > limit) top.pop();
    }
    const result: MatchedItem[] = [];
    for (const index of top) {
      const candidate = candidates[index];
      // Interests and tags are short lists: includes() beats building a Set per member.
      if (candidate !== undefined)
        result.push({
          id: candidate.id,
          score: scores[index] ?? 0,
          sharedTags: candidate.tags.filter((tag) => interests.includes(tag)),
        });
    }
    for (const index of touched) scores[index] = 0;
    touched.length = 0;
    return result;
  }
}

/**
 * The candidates with these ids, in the order given, that the recipient may hear of and was not
 * sent, at most `limit`: items that come first whatever the member's interests (their chapters' events).
 */
export function pickFirst(
  index: TagIndex,
  ids: readonly number[] | undefined,
  interests: readonly string[],
  alreadySent: ReadonlySet<number> | undefined,
  limit: number,
  recipient: string,
): MatchedItem[] {
  const result: MatchedItem[] = [];
  for (const id of ids ?? []) {
    if (result.length >= limit) break;
    const candidate = index.candidate(id);
    if (candidate === undefined || alreadySent?.has(id) === true) continue;
    if (candidate.audience !== undefined && !candidate.audience.has(recipient)) continue;
    const sharedTags = candidate.tags.filter((tag) => interests.includes(tag));
    result.push({ id, score: sharedTags.length, sharedTags });
  }
  return result;
}

export interface DigestInputs {
  readonly recipients: readonly DigestRecipient[];
  readonly jobs: TagIndex;
  readonly events: TagIndex;
  /** Per member, ids already sent: "job:12" style keys are split into two sets for speed. */
  readonly sentJobs: ReadonlyMap<string, ReadonlySet<number>>;
  readonly sentEvents: ReadonlyMap<string, ReadonlySet<number>>;
  readonly limits?: DigestLimits;
  /** Per member, the events of their chapters, soonest first: these come before any match (issue 14 §4). */
  readonly firstEvents?: ReadonlyMap<string, readonly number[]>;
}

/** Every recipient with something relevant; members with nothing new are left out (no empty digests). */
export function selectDigests(inputs: DigestInputs): Map<string, DigestSelection> {
  const limits = inputs.limits ?? DEFAULT_DIGEST_LIMITS;
  const selections = new Map<string, DigestSelection>();
  for (const recipient of inputs.recipients) {
    const chapterEvents = inputs.firstEvents?.get(recipient.userId);
    if (recipient.interests.length === 0 && chapterEvents === undefined) continue;
    const jobs = inputs.jobs.best(
      recipient.interests,
      inputs.sentJobs.get(recipient.userId),
      limits.jobs,
      recipient.userId,
    );
    const sent = inputs.sentEvents.get(recipient.userId);
    const first = pickFirst(
      inputs.events,
      chapterEvents,
      recipient.interests,
      sent,
      limits.events,
      recipient.userId,
    );
    // A set per member only for the few with chapter events picked: the matching stays allocation-light.
    const notAgain = first.length === 0 ? sent : new Set([...(sent ?? []), ...first.map((item) => item.id)]);
    const events = [
      ...first,
      ...inputs.events.best(recipient.interests, notAgain, limits.events - first.length, recipient.userId),
    ];
    if (jobs.length > 0 || events.length > 0) selections.set(recipient.userId, { jobs, events });
  }
  return selections;
}
