import type { OpenToFlag, ProfileFacts, Visibility } from '../members/types';
import { NAG_QUIET_DAYS } from '../members/nags';
import { DAY_MS } from '../time/durations';

/** An "open to" flag holds this long after it is chosen, kept in the profile, or kept from the re-ask DM. */
export const AVAILABILITY_DAYS = 90;
/** The re-ask goes out this long before a flag lapses. */
export const ASK_BEFORE_DAYS = 7;
/**
 * A re-ask covers every flag lapsing within this many days, so that no flag comes due during the
 * quiet period that follows it (nobody is nagged more than once in NAG_QUIET_DAYS).
 */
export const ASK_WINDOW_DAYS = NAG_QUIET_DAYS + ASK_BEFORE_DAYS;
export const MAX_TALENT_RESULTS = 20;

export function availableUntil(from: Date): Date {
  return new Date(from.getTime() + AVAILABILITY_DAYS * DAY_MS);
}

/** A flag in a re-ask DM: still waiting for an answer, kept (with its new end), or gone (dropped or lapsed). */
export interface FlagState {
  readonly flag: OpenToFlag;
  readonly state: 'pending' | 'kept' | 'gone';
  readonly expiresAt: Date | null;
}

export interface TalentCandidate extends ProfileFacts {
  readonly userId: string;
  /** Only 'all' and 'staff' reach HR; 'nobody' never does. */
  readonly visibility: Visibility;
  readonly interests: readonly string[];
  readonly comebackUntil: Date;
  readonly lastActiveAt: string | null;
}

export interface TalentMatch {
  readonly candidate: TalentCandidate;
  readonly matchedTags: readonly string[];
}

export type TalentSource =
  { readonly kind: 'role'; readonly jobId: number; readonly title: string } | { readonly kind: 'text' };

export type TalentResult =
  | {
      readonly ok: true;
      readonly source: TalentSource;
      readonly tags: readonly string[];
      readonly matches: readonly TalentMatch[];
      readonly total: number;
    }
  | {
      readonly ok: false;
      readonly reason: 'role_without_tags';
      readonly jobId: number;
      readonly title: string;
    };

export type TalentQuery =
  | { readonly kind: 'role'; readonly jobId: number }
  | { readonly kind: 'text'; readonly tags: readonly string[] };
