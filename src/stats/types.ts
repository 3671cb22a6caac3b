/** Figures for `/alumni stats`: every count comes from SQL (src/storage/stats.ts), every rate from ./funnel. */

import type { Visibility } from '../members/types';

/** How far back "active" looks. */
export const ACTIVE_WINDOW_DAYS = 30;
export const TOP_INTERESTS = 10;
/** A tag held by fewer members is left out of the report: a rare tag could single out one member. */
export const MIN_INTEREST_HOLDERS = 3;
export const PAST_EVENTS_SHOWN = 5;
export const TOP_ROLES = 10;

export const JOB_STATUSES = ['open', 'closed', 'filled'] as const;
export type JobStatus = (typeof JOB_STATUSES)[number];

export const DIGEST_FREQUENCIES = ['weekly', 'daily', 'off'] as const;
export type DigestFrequency = (typeof DIGEST_FREQUENCIES)[number];
/** A member without a digest_prefs row gets the weekly digest (issue 4, §2). */
export const DEFAULT_DIGEST_FREQUENCY: DigestFrequency = 'weekly';

export interface MemberFigures {
  /** Every row in members: everyone the bot has welcomed or who has used it. */
  readonly total: number;
  /** agreed_at set (to any version of the code of conduct). */
  readonly agreed: number;
  /** Display name, years from and at least one interest (members/types isProfileComplete). */
  readonly profileComplete: number;
  /** last_active_at, or an RSVP answered, within the window ending now. */
  readonly active: number;
}

export interface InterestCount {
  readonly tag: string;
  readonly members: number;
}

export interface PastEventAttendance {
  readonly eventId: number;
  readonly title: string;
  readonly startsAt: string;
  /** Where its card is: an event in a private channel is listed only to that channel's members. */
  readonly channel: string;
  /** RSVPs still "going" once the event ended: the only attendance the bot knows. */
  readonly going: number;
}

export interface EventFigures {
  /** Scheduled (not cancelled) events that have not ended yet, as `/alumni events` lists them. */
  readonly upcoming: number;
  readonly rsvps: { readonly going: number; readonly maybe: number; readonly waitlist: number };
  /** The most recent past events the caller may see, newest first. */
  readonly past: readonly PastEventAttendance[];
  /** Events credited to a supporter (approved proposals and their direct posts), hidden hosts counted only from 3. */
  readonly hostedBySupporters: number;
}

/** Distinct members per funnel step; referrals are a count of referrals made. */
export interface FunnelCounts {
  readonly shown: number;
  readonly curious: number;
  readonly applyClick: number;
  readonly hired: number;
  readonly referrals: number;
}

export interface RoleFunnelCounts extends FunnelCounts {
  readonly jobId: number;
  readonly title: string;
  readonly status: JobStatus;
  readonly postedAt: string;
  /** Where its card is: a role in a private channel is listed only to that channel's members. */
  readonly channel: string | null;
  /** Funnel rows other than "posted"; orders the roles shown in the report. */
  readonly activity: number;
}

/** Percentages rounded to one decimal; null when the step before had nobody (no rate exists). */
export interface FunnelRates {
  readonly curiousPerShown: number | null;
  readonly applyPerCurious: number | null;
  readonly hiredPerApply: number | null;
}

export interface Funnel {
  readonly counts: FunnelCounts;
  readonly rates: FunnelRates;
}

export interface RoleFunnel extends Funnel {
  readonly role: RoleFunnelCounts;
}

/** Study groups (issue 13 §3) in `stats`. */
export interface StudyFigures {
  /** Proposals still gathering members. */
  readonly open: number;
  /** Groups that reached their minimum and have a channel. */
  readonly formed: number;
  /** Proposals that did not reach their minimum in time. */
  readonly lapsed: number;
  /** Distinct members of formed groups (hidden members only in company: stats/hidden.ts). */
  readonly membersInFormed: number;
}

/** One study group in `stats csv`: its own figures, never who is in it. */
export interface StudyGroupRow {
  readonly id: number;
  readonly status: string;
  readonly rhythm: string;
  readonly minMembers: number;
  /** Members counted in, hidden members only in company (stats/hidden.ts). */
  readonly members: number;
  readonly createdAt: string;
  readonly lapsesAt: string;
  readonly formedAt: string | null;
  readonly lapsedAt: string | null;
  readonly topic: string;
  readonly tags: readonly string[];
}

export interface StatsReport {
  readonly generatedAt: Date;
  readonly members: MemberFigures;
  readonly interests: readonly InterestCount[];
  readonly events: EventFigures;
  readonly funnel: Funnel;
  /** Open roles the caller may see, most active first, at most TOP_ROLES. */
  readonly openRoles: readonly RoleFunnel[];
  readonly study: StudyFigures;
}

/** One member's events and use of the bot: what organizers may see of members visible to all. */
export interface EventEngagement {
  readonly userId: string;
  readonly agreedAt: string;
  readonly agreedVersion: string | null;
  readonly profileComplete: boolean;
  readonly interests: number;
  /** The later of last_active_at and the member's latest RSVP, as the "active" figure counts them. */
  readonly lastActiveAt: string | null;
  /** Events answered going, maybe or waitlist. */
  readonly rsvps: number;
  readonly digestFrequency: DigestFrequency;
}

/** With the member's job signals: for HR and admins only, about members whose profile HR may see. */
export interface MemberEngagement extends EventEngagement {
  /** Distinct roles the member pressed "I'm curious" on. */
  readonly curious: number;
  /** Distinct roles whose Apply button the member clicked. */
  readonly applyClicks: number;
}

/** A stored engagement row, with the visibility the service filters by. */
export interface EngagementRecord extends MemberEngagement {
  readonly visibility: Visibility;
}

/**
 * `stats csv`. HR and admins get the funnel per role and each member's job signals; organizers
 * who are not HR get event engagement only. Either way, only members whose profile the caller may
 * see are listed (members who agreed to the code of conduct, by user id).
 */
export type StatsExport =
  | {
      readonly scope: 'hr';
      readonly generatedAt: Date;
      /** Every role the caller may see, open or not, by id. */
      readonly roles: readonly RoleFunnel[];
      /** The funnel over every role, as `/alumni stats` counts it (each member once per step). */
      readonly total: Funnel;
      /** How many roles the total counts, those the caller may not see included. */
      readonly allRoles: number;
      readonly members: readonly MemberEngagement[];
    }
  | { readonly scope: 'events'; readonly generatedAt: Date; readonly members: readonly EventEngagement[] };
