import type { OpenToFlag } from '../members/types';
import { ASK_LIMITS, type AskFieldProblem, type AskInput, type AskItem, type AskKind } from './types';
import { DAY_MS } from '../time/durations';

/** Everything wrong with a form's draft, field by field; empty when it may be saved. */
export function checkAsk(draft: Partial<AskInput>): AskFieldProblem[] {
  const problems: AskFieldProblem[] = [];
  if (draft.kind === undefined) problems.push({ field: 'kind', problem: 'missing' });
  const title = draft.title ?? '';
  if (title === '') problems.push({ field: 'title', problem: 'empty' });
  else if ([...title].length > ASK_LIMITS.title) problems.push({ field: 'title', problem: 'too_long' });
  if (draft.details !== undefined && draft.details !== null && [...draft.details].length > ASK_LIMITS.details)
    problems.push({ field: 'details', problem: 'too_long' });
  const tags = draft.tags ?? [];
  if (tags.length > ASK_LIMITS.tags) problems.push({ field: 'tags', problem: 'too_many' });
  else if (draft.audience === 'matches' && tags.length === 0)
    // Nobody could match an item without tags: it would be shown to no one.
    problems.push({ field: 'tags', problem: 'needed_for_matches' });
  if (draft.audience === undefined) problems.push({ field: 'audience', problem: 'missing' });
  const days = draft.days;
  if (days === undefined || !Number.isInteger(days) || days < ASK_LIMITS.minDays || days > ASK_LIMITS.maxDays)
    problems.push({ field: 'days', problem: 'out_of_range' });
  return problems;
}

export function expiryFrom(now: Date, days: number): Date {
  return new Date(now.getTime() + days * DAY_MS);
}

/**
 * An extension adds ASK_LIMITS.extendDays to the expiry (or to now, if the expiry is past), and an
 * item never runs more than ASK_LIMITS.maxDays ahead of now.
 */
export function extendedExpiry(current: Date, now: Date): Date {
  const from = Math.max(current.getTime(), now.getTime());
  const cap = now.getTime() + ASK_LIMITS.maxDays * DAY_MS;
  return new Date(Math.min(from + ASK_LIMITS.extendDays * DAY_MS, cap));
}

/** Items expiring by this moment are due their one reminder now. */
export function remindedUntil(now: Date): Date {
  return new Date(now.getTime() + ASK_LIMITS.reminderDays * DAY_MS);
}

/** The item's tags the member holds too, in the item's order. */
export function matchedTags(item: Pick<AskItem, 'tags'>, interests: ReadonlySet<string>): string[] {
  return item.tags.filter((tag) => interests.has(tag));
}

/**
 * Whether a member may see an item: every member sees one for all alumni; one for "my interests'
 * matches only" is seen by its author and by members who share at least one of its tags.
 */
export function maySee(
  item: Pick<AskItem, 'audience' | 'author' | 'tags'>,
  viewer: string,
  interests: ReadonlySet<string>,
): boolean {
  if (item.audience === 'all' || item.author === viewer) return true;
  return item.tags.some((tag) => interests.has(tag));
}

export interface RankedAsk {
  readonly item: AskItem;
  /** The item's tags that the viewer's interests (or the tags asked for) include. */
  readonly matchedTags: readonly string[];
}

/** Matching first (more shared tags first), then the newest. */
export function rankAsks(items: readonly AskItem[], wanted: ReadonlySet<string>): RankedAsk[] {
  return items
    .map((item) => ({ item, matchedTags: matchedTags(item, wanted) }))
    .sort(
      (a, b) =>
        b.matchedTags.length - a.matchedTags.length ||
        b.item.createdAt.getTime() - a.item.createdAt.getTime() ||
        b.item.id - a.item.id,
    );
}

/**
 * The "open to" flag that makes a member a match for an ask of this kind whatever its tags, in
 * digests and on App Home: someone open to mentoring can give advice, to referrals can introduce
 * people or point at hires, to collaboration can be a partner, a lead or freelance help. Offers
 * match by tags only: what someone offers says nothing of who needs it.
 */
export const ASK_KIND_FLAGS: Readonly<Record<AskKind, OpenToFlag | undefined>> = {
  introduction: 'referrals',
  sales_lead: 'collaboration',
  partner: 'collaboration',
  fundraising: undefined,
  hiring: 'referrals',
  freelance: 'collaboration',
  advice: 'mentoring',
  other: undefined,
};

/** An item picked for a member (digest, App Home): by shared tags, or by a flag they hold. */
export function picked(
  item: AskItem,
  member: {
    readonly userId: string;
    readonly interests: ReadonlySet<string>;
    readonly openTo: ReadonlySet<string>;
  },
): RankedAsk | undefined {
  if (item.author === member.userId || !maySee(item, member.userId, member.interests)) return undefined;
  const tags = matchedTags(item, member.interests);
  const flag = item.type === 'ask' ? ASK_KIND_FLAGS[item.kind] : undefined;
  if (tags.length === 0 && (flag === undefined || !member.openTo.has(flag))) return undefined;
  return { item, matchedTags: tags };
}
