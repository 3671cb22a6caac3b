import type { Profile } from '../members/types';
import type { AskRepository } from '../storage/asks';
import { picked, rankAsks, type RankedAsk } from './rules';

/** Most items a digest or App Home shows; the rest are counted and left to the `asks` verb. */
export const MAX_PICKED = 3;

/** An item picked for a member, and whether it may name its author. */
export interface AskPick extends RankedAsk {
  readonly authorNamed: boolean;
}

/** What a digest or App Home shows of asks and offers: a few items, and how many qualified. */
export interface AskPicks {
  readonly items: readonly AskPick[];
  readonly total: number;
}

export interface PickDeps {
  readonly repository: AskRepository;
  readonly profileOf: (userId: string) => Promise<Profile | undefined>;
}

export interface PickOptions {
  readonly now: Date;
  /** Only items posted after this moment (a digest brings what is new since the one before). */
  readonly since?: Date;
}

/**
 * For digests and App Home: per member, the open items of others they may see that share their
 * interests or suit an "open to" flag they hold, matching first, up to MAX_PICKED each. Members
 * with none are absent. A few queries for all members at once, none per member.
 */
export async function pickAsks(
  deps: PickDeps,
  members: readonly { readonly userId: string; readonly interests: readonly string[] }[],
  { now, since }: PickOptions,
): Promise<Map<string, AskPicks>> {
  const picks = new Map<string, AskPicks>();
  // An item past its expiry that the planner has not lapsed yet is over all the same.
  const items = (await deps.repository.open()).filter(
    (item) =>
      item.expiresAt.getTime() > now.getTime() &&
      (since === undefined || item.createdAt.getTime() > since.getTime()),
  );
  if (items.length === 0 || members.length === 0) return picks;
  const openTo = await deps.repository.openToOf(
    members.map((member) => member.userId),
    now,
  );
  const named = new Map<string, boolean>();
  for (const member of members) {
    const interests = new Set(member.interests);
    const flags = openTo.get(member.userId) ?? new Set<string>();
    const chosen = items.flatMap(
      (item) => picked(item, { userId: member.userId, interests, openTo: flags }) ?? [],
    );
    if (chosen.length === 0) continue;
    const ranked = rankAsks(
      chosen.map((entry) => entry.item),
      interests,
    ).slice(0, MAX_PICKED);
    const shown: AskPick[] = [];
    for (const entry of ranked) {
      const author = entry.item.author;
      // Asked once per author shown, not per item: a hidden author is never named.
      if (!named.has(author)) named.set(author, (await deps.profileOf(author))?.visibility === 'all');
      shown.push({ ...entry, authorNamed: named.get(author) ?? false });
    }
    picks.set(member.userId, { items: shown, total: chosen.length });
  }
  return picks;
}
