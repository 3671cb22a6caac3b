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

/** tag → candidates carrying it; built once per run. */
export class TagIndex {
  private readonly byTag = new Map<string, DigestCandidate[]>();

  constructor(readonly candidates: readonly DigestCandidate[]) {
    for (const candidate of candidates) {
      for (const tag of candidate.tags) {
        const list = this.byTag.get(tag);
        if (list === undefined) this.byTag.set(tag, [candidate]);
        else list.push(candidate);
      }
    }
  }

  /** Candidates sharing at least one interest, not yet sent, best first, at most `limit`. */
  best(interests: readonly string[], alreadySent: ReadonlySet<number> | undefined, limit: number): MatchedItem[] {
    if (limit <= 0) return [];
    const shared = new Map<DigestCandidate, string[]>();
    for (const tag of interests) {
      const carrying = this.byTag.get(tag);
      if (carrying === undefined) continue;
      for (const candidate of carrying) {
        if (alreadySent?.has(candidate.id) === true) continue;
        const tags = shared.get(candidate);
        if (tags === undefined) shared.set(candidate, [tag]);
        else tags.push(tag);
      }
    }
    if (shared.size === 0) return [];
    return [...shared.entries()]
      .sort(([a, aTags], [b, bTags]) => bTags.length - aTags.length || b.rank - a.rank || a.id - b.id)
      .slice(0, limit)
      .map(([candidate, tags]) => ({ id: candidate.id, score: tags.length, sharedTags: tags }));
  }
}

export interface DigestInputs {
  readonly recipients: readonly DigestRecipient[];
  readonly jobs: TagIndex;
  readonly events: TagIndex;
  /** Per member, ids already sent: "job:12" style keys are split into two sets for speed. */
  readonly sentJobs: ReadonlyMap<string, ReadonlySet<number>>;
  readonly sentEvents: ReadonlyMap<string, ReadonlySet<number>>;
  readonly limits?: DigestLimits;
}

/** Every recipient with something relevant; members with nothing new are left out (no empty digests). */
export function selectDigests(inputs: DigestInputs): Map<string, DigestSelection> {
  const limits = inputs.limits ?? DEFAULT_DIGEST_LIMITS;
  const selections = new Map<string, DigestSelection>();
  for (const recipient of inputs.recipients) {
    if (recipient.interests.length === 0) continue;
    const jobs = inputs.jobs.best(recipient.interests, inputs.sentJobs.get(recipient.userId), limits.jobs);
    const events = inputs.events.best(recipient.interests, inputs.sentEvents.get(recipient.userId), limits.events);
    if (jobs.length > 0 || events.length > 0) selections.set(recipient.userId, { jobs, events });
  }
  return selections;
}
