import { z } from 'zod';

/** open → acknowledged (a moderator has seen it) → resolved (with a moderator's note). */
export const reportStatusSchema = z.enum(['open', 'acknowledged', 'resolved']);
export type ReportStatus = z.infer<typeof reportStatusSchema>;

export const reportActionSchema = z.enum(['reported', 'acknowledged', 'reminded', 'resolved']);
export type ReportActionKind = z.infer<typeof reportActionSchema>;

/** Longest note a reporter may add, and a moderator's resolution note (both are shown on the card). */
export const REPORT_LIMITS = { note: 1000, resolution: 1000 } as const;

/**
 * Why a message is reported: one of the code of conduct's points (`conduct:<index>` into the
 * community text, content/community.json) or something else (`other`, the note says what).
 */
export type ReportReason = { readonly kind: 'conduct'; readonly point: number } | { readonly kind: 'other' };

/** `conduct:2` or `other`, as the form and the database hold it; undefined for anything else. */
export function readReason(value: string | undefined, conductPoints: number): ReportReason | undefined {
  if (value === 'other') return { kind: 'other' };
  const match = /^conduct:(\d{1,2})$/.exec(value ?? '');
  const point = match === null ? Number.NaN : Number(match[1]);
  return Number.isInteger(point) && point < conductPoints ? { kind: 'conduct', point } : undefined;
}

export function reasonValue(reason: ReportReason): string {
  return reason.kind === 'other' ? 'other' : `conduct:${reason.point}`;
}

/** The message reported: where it is, and who wrote it when we know (unknown from a link we could not read). */
export interface ReportedMessage {
  readonly channelId: string;
  readonly ts: string;
  readonly authorId: string | null;
  readonly permalink: string | null;
}

/** What a reporter sends. */
export interface ReportInput {
  readonly message: ReportedMessage;
  readonly reason: ReportReason;
  readonly note: string | null;
  /** The reporter lets admins see who reported. */
  readonly shareIdentity: boolean;
}

export interface Report {
  readonly id: number;
  /** Null once the reporter erased their data. */
  readonly reporterId: string | null;
  readonly shareIdentity: boolean;
  readonly message: ReportedMessage;
  readonly reason: ReportReason;
  /** Null when none was given, or once the reporter erased their data. */
  readonly note: string | null;
  readonly status: ReportStatus;
  readonly cardChannel: string | null;
  readonly cardTs: string | null;
  readonly remindedAt: Date | null;
  readonly resolution: string | null;
  readonly createdAt: Date;
  readonly resolvedAt: Date | null;
}

/** One line of a report's audit trail: who did what, when (actor null once they erased their data). */
export interface ReportAction {
  readonly actorId: string | null;
  readonly action: ReportActionKind;
  readonly note: string | null;
  readonly at: Date;
}

/** A moderator asked to remind the author of a message whose author we do not know (or who erased their data). */
export class ReportAuthorUnknown extends Error {
  readonly code = 'report_author_unknown' as const;
  constructor(readonly reportId: number) {
    super(`report ${reportId} has no known author`);
  }
}

/** A report made while MODERATION_CHANNEL_ID is unset: nobody would read it. */
export class ReportsNotSetUp extends Error {
  readonly code = 'reports_not_set_up' as const;
  constructor() {
    super('MODERATION_CHANNEL_ID is not set');
  }
}
