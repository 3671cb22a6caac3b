import { z } from 'zod';

/** An ask is a member asking the community for help; an offer is a member offering it. */
export const ASK_TYPES = ['ask', 'offer'] as const;
export const askTypeSchema = z.enum(ASK_TYPES);
export type AskType = z.infer<typeof askTypeSchema>;

/** What an ask or offer is about (issue 13 §1), in the order the form lists them. */
export const ASK_KINDS = [
  'introduction',
  'sales_lead',
  'partner',
  'fundraising',
  'hiring',
  'freelance',
  'advice',
  'other',
] as const;
export const askKindSchema = z.enum(ASK_KINDS);
export type AskKind = z.infer<typeof askKindSchema>;

/** all: every member may see it; matches: only members who share one of its tags (and its author). */
export const ASK_AUDIENCES = ['all', 'matches'] as const;
export const askAudienceSchema = z.enum(ASK_AUDIENCES);
export type AskAudience = z.infer<typeof askAudienceSchema>;

export const ASK_STATUSES = ['open', 'resolved', 'lapsed'] as const;
export const askStatusSchema = z.enum(ASK_STATUSES);
export type AskStatus = z.infer<typeof askStatusSchema>;

export const ASK_LIMITS = {
  title: 150,
  details: 2000,
  tags: 10,
  minDays: 7,
  defaultDays: 30,
  maxDays: 90,
  /** An extension adds this many days to the expiry (never past maxDays from now). */
  extendDays: 30,
  /** The one reminder comes this long before the expiry; minDays keeps it after the posting. */
  reminderDays: 3,
} as const;

/** What the form gives, after our own checks. */
export interface AskInput {
  readonly type: AskType;
  readonly kind: AskKind;
  readonly title: string;
  readonly details: string | null;
  readonly tags: readonly string[];
  readonly audience: AskAudience;
  readonly days: number;
}

export interface AskItem {
  readonly id: number;
  readonly type: AskType;
  readonly kind: AskKind;
  readonly author: string;
  readonly title: string;
  readonly details: string | null;
  readonly tags: readonly string[];
  readonly audience: AskAudience;
  readonly status: AskStatus;
  readonly expiresAt: Date;
  /** The expiry a reminder was planned for (null before the first one). */
  readonly remindedFor: Date | null;
  readonly createdAt: Date;
  readonly resolvedAt: Date | null;
  readonly cardChannel: string | null;
  readonly cardTs: string | null;
}

/** "I can help" / "I'm interested", once per member and item. */
export interface AskResponse {
  readonly askId: number;
  readonly userId: string;
  readonly respondedAt: Date;
  readonly thanked: boolean;
}

/** An item with its responses, as its author and the card see it. */
export interface AskSummary {
  readonly item: AskItem;
  readonly responses: readonly AskResponse[];
  /** Helpers the author thanked whose profile all alumni may see: the only ones a channel card names. */
  readonly namedHelpers: readonly string[];
}

/** A field of the form and what is wrong with it; the Slack layer words it in the member's language. */
export type AskFieldProblem =
  | { readonly field: 'kind'; readonly problem: 'missing' }
  | { readonly field: 'title'; readonly problem: 'empty' | 'too_long' }
  | { readonly field: 'details'; readonly problem: 'too_long' }
  | { readonly field: 'tags'; readonly problem: 'too_many' | 'needed_for_matches' }
  | { readonly field: 'audience'; readonly problem: 'missing' }
  | { readonly field: 'days'; readonly problem: 'out_of_range' };

/** Resolving or extending someone else's item without the admin role. */
export class NotAskAuthor extends Error {
  readonly code = 'not_ask_author' as const;
  constructor(readonly askId: number) {
    super(`only its author or an admin may change ask ${askId}`);
  }
}

/** Responding to, or extending, an item that is resolved or lapsed. */
export class AskNotOpen extends Error {
  readonly code = 'ask_not_open' as const;
  constructor(
    readonly askId: number,
    readonly status: Exclude<AskStatus, 'open'>,
  ) {
    super(`ask ${askId} is ${status}`);
  }
}

/** Pressing "I can help" on one's own item. */
export class OwnAsk extends Error {
  readonly code = 'own_ask' as const;
  constructor(readonly askId: number) {
    super(`ask ${askId} is the member's own`);
  }
}
