import { z } from 'zod';

export const VISIBILITIES = ['all', 'staff', 'nobody'] as const;
/** all: every alum; staff: admins and HR only; nobody: hidden from everyone. */
export type Visibility = (typeof VISIBILITIES)[number];

export const OPEN_TO_FLAGS = ['comeback', 'referrals', 'mentoring', 'collaboration', 'speaking'] as const;
export type OpenToFlag = (typeof OPEN_TO_FLAGS)[number];

export const PROFILE_LIMITS = {
  displayName: 80,
  company: 100,
  title: 100,
  location: 100,
  bio: 500,
  earliestYear: 1950,
} as const;

/** Who a member is, as a card or list may show them (when their visibility lets it). */
export interface ProfileFacts {
  readonly displayName: string | null;
  readonly yearsFrom: number | null;
  readonly yearsTo: number | null;
  readonly company: string | null;
  readonly title: string | null;
  readonly location: string | null;
}

/** What a member may change through the profile modal, after our own validation. */
export interface ProfileUpdate extends ProfileFacts {
  readonly bio: string | null;
  readonly visibility: Visibility;
  readonly openTo: readonly OpenToFlag[];
  readonly interests: readonly string[];
}

/** A stored profile: what the member set, and what we recorded about it. */
export interface Profile extends ProfileUpdate {
  readonly userId: string;
  readonly profileUpdatedAt: string | null;
  readonly agreedVersion: string | null;
  readonly agreedAt: string | null;
}

export const visibilitySchema = z.enum(VISIBILITIES);
export const openToSchema = z.enum(OPEN_TO_FLAGS);

export function isProfileComplete(profile: Profile): boolean {
  return profile.displayName !== null && profile.yearsFrom !== null && profile.interests.length > 0;
}
