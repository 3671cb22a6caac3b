import { z } from 'zod';

/**
 * pending (an admin decides) → asked (an admin asked for more; the member answers by sending the
 * form again, which makes it pending) → approved | declined.
 */
export const joinStatusSchema = z.enum(['pending', 'asked', 'approved', 'declined']);
export type JoinStatus = z.infer<typeof joinStatusSchema>;

/** How a request was approved: the eligible list (by email or employee id), an email domain, an admin. */
export const joinViaSchema = z.enum(['list_email', 'list_employee_id', 'domain', 'admin']);
export type JoinVia = z.infer<typeof joinViaSchema>;

export const joinActionSchema = z.enum(['requested', 'answered', 'approved', 'asked', 'declined']);
export type JoinActionKind = z.infer<typeof joinActionSchema>;

/** Longest answer to one eligibility fact, employee id, and admin's note (a question or a decline reason). */
export const JOIN_LIMITS = { fact: 300, employeeId: 64, note: 1000 } as const;

/** The facts the newcomer gave, by the fact ids of the community text. */
export type EligibilityAnswers = Readonly<Record<string, string>>;

export interface JoinRequest {
  readonly userId: string;
  readonly status: JoinStatus;
  readonly facts: EligibilityAnswers;
  readonly employeeId: string | null;
  readonly via: JoinVia | null;
  /** The admin's last question (asked), or null. */
  readonly question: string | null;
  /** Why it was declined, or null. */
  readonly reason: string | null;
  /** The admin who approved or declined; null for an automatic approval or an erased admin. */
  readonly decidedBy: string | null;
  readonly decidedAt: Date | null;
  readonly cardChannel: string | null;
  readonly cardTs: string | null;
  readonly requestedAt: Date;
}

/** One line of a request's audit trail (actor null: the bot itself, or an admin who erased their data). */
export interface JoinAction {
  readonly actorId: string | null;
  readonly action: JoinActionKind;
  readonly note: string | null;
  readonly at: Date;
}

/** What the newcomer sends with the eligibility form. */
export interface JoinInput {
  readonly facts: EligibilityAnswers;
  readonly employeeId: string | null;
}

/**
 * Where a member stands before they may take part. `member`: agreed (and, with approval on,
 * approved). Otherwise what is missing, first the agreement, then the approval.
 */
export type Access =
  | { readonly kind: 'member' }
  | { readonly kind: 'must_agree'; readonly outdated: boolean }
  | { readonly kind: 'not_approved'; readonly request: JoinRequest | undefined };

/** A request that does not exist (never sent, or erased): an admin's button on a stale card. */
export class JoinRequestNotFound extends Error {
  readonly code = 'join_request_not_found' as const;
  constructor(readonly userId: string) {
    super(`no join request of ${userId}`);
  }
}
