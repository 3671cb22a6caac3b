import { z } from 'zod';
import type { AnnouncementInput } from '../announcements/types';
import { repeatSchema } from '../announcements/types';
import type { EventInput } from '../events/types';
import { reminderCodeSchema } from '../events/types';

export const PROPOSAL_KINDS = ['event', 'announcement'] as const;
export type ProposalKind = (typeof PROPOSAL_KINDS)[number];
export const PROPOSAL_STATUSES = ['pending', 'approved', 'declined', 'posted'] as const;
export type ProposalStatus = (typeof PROPOSAL_STATUSES)[number];
export const proposalStatusSchema = z.enum(PROPOSAL_STATUSES);

/** A decline's reason is shown to the supporter: a few sentences at most. */
export const DECLINE_REASON_MAX = 500;

/** What a supporter submitted: the same input an organizer's form gives. */
export type ProposalInput =
  | { readonly kind: 'event'; readonly input: EventInput }
  | { readonly kind: 'announcement'; readonly input: AnnouncementInput };

export interface Proposal {
  readonly id: number;
  /** Null once the supporter erased their data (the item stays, uncredited). */
  readonly proposerId: string | null;
  readonly content: ProposalInput;
  readonly status: ProposalStatus;
  /** The event or announcement it became (approved or posted). */
  readonly itemId: number | null;
  readonly decidedBy: string | null;
  readonly decidedAt: Date | null;
  readonly reason: string | null;
  readonly cardChannel: string | null;
  readonly cardTs: string | null;
  readonly createdAt: Date;
}

/**
 * How a card credits the supporter who hosts an item: by mention when their profile is visible to
 * all alumni, otherwise as "a member volunteer" (a hidden member is never named in a channel).
 */
export type HostCredit = { readonly kind: 'named'; readonly userId: string } | { readonly kind: 'hidden' };

/** What the submitter's form does: posts (organizers, or supporters when posting directly) or proposes. */
export type PostingRoute = 'post' | 'post_credited' | 'propose';

const dateSchema = z.iso.datetime().transform((value) => new Date(value));
const eventInputSchema = z.object({
  title: z.string(),
  description: z.string().nullable(),
  startsAt: dateSchema,
  endsAt: dateSchema,
  place: z.string().nullable(),
  url: z.string().nullable(),
  channel: z.string(),
  capacity: z.number().int().nullable(),
  tags: z.array(z.string()),
  reminders: z.array(reminderCodeSchema),
});
const announcementInputSchema = z.object({
  channel: z.string(),
  text: z.string(),
  firstAt: dateSchema,
  repeat: repeatSchema,
  cron: z.string().nullable(),
});

/** The stored JSON of a proposal's content; undefined for a row this code did not write. */
export function readProposalInput(kind: string, json: string): ProposalInput | undefined {
  let raw: unknown;
  try {
    raw = JSON.parse(json);
  } catch {
    return undefined;
  }
  if (kind === 'event') {
    const read = eventInputSchema.safeParse(raw);
    return read.success ? { kind: 'event', input: read.data } : undefined;
  }
  const read = announcementInputSchema.safeParse(raw);
  return read.success ? { kind: 'announcement', input: read.data } : undefined;
}

/** A decision pressed on a proposal already decided: who decided it first, and how. */
export interface AlreadyDecided {
  readonly status: ProposalStatus;
  readonly decidedBy: string | null;
}
