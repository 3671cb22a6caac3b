import { z } from 'zod';
import type { Locale } from '../i18n';
import type { ProfileFacts, Visibility } from '../members/types';

export const INTRO_ANSWERS = ['yes', 'not_yet', 'skip'] as const;
export type IntroAnswer = (typeof INTRO_ANSWERS)[number];
export const introAnswerSchema = z.enum(INTRO_ANSWERS);

/** A pair that met in one of the last this-many rounds is never introduced again. */
export const NO_REPEAT_ROUNDS = 6;
/** "Did you meet?" goes out this long after the round. */
export const CHECKIN_AFTER_DAYS = 7;
/** A check-in more than this late (bot down) is not sent any more. */
export const CHECKIN_LATE_DAYS = 3;
/** An intro not posted within this long of its round (bot down) is skipped. */
export const INTRO_LATE_HOURS = 24;
export const MAX_SNOOZE_WEEKS = 26;

/** never: no row (intros are opt-in). */
export type IntroSetting = 'never' | 'on' | 'off';

export interface IntroStatus {
  readonly setting: IntroSetting;
  /** Set while snoozed (in the future). */
  readonly snoozedUntil: Date | null;
  readonly nextRound: Date | undefined;
}

export type SnoozeResult =
  { readonly ok: true; readonly until: Date } | { readonly ok: false; readonly reason: 'not_on' };

/** What an intro may say about a member: everything for visibility 'all', the mention alone otherwise. */
export interface IntroPerson extends ProfileFacts {
  readonly userId: string;
  readonly visibility: Visibility;
}

/** One group DM: its members, the interests it may show, and the languages to write it in. */
export interface IntroPost {
  /** The outbox key; also seeds the choice of the first question. */
  readonly key: string;
  readonly members: readonly IntroPerson[];
  readonly sharedTags: readonly string[];
  /** They share interests that visibility keeps out of the intro: it must not claim they share nothing. */
  readonly overlapHidden: boolean;
  /** The members' languages; two means the intro is written in both. */
  readonly locales: readonly Locale[];
}

export interface IntroCheckin {
  readonly groupId: number;
  readonly partners: readonly string[];
  readonly introducedAt: Date;
}

export interface IntroPreview {
  readonly dueAt: Date | undefined;
  readonly eligible: number;
  readonly groups: readonly {
    readonly members: readonly string[];
    /** The shared interests an admin may see. */
    readonly sharedTags: readonly string[];
    /** Shared interests left out because a holder keeps their profile to nobody. */
    readonly hiddenShared: number;
  }[];
  readonly leftOut: readonly string[];
}

/** For `stats`: the meet rate is Yes over Yes + Not yet (Skip says nothing either way). */
/** What one round planned: for the log, and for the admin who started it by hand. */
export interface RoundSummary {
  readonly roundKey: string;
  readonly groups: number;
  readonly members: number;
  readonly leftOut: number;
}

export interface MeetStats {
  readonly rounds: number;
  readonly introduced: number;
  readonly yes: number;
  readonly notYet: number;
  readonly skip: number;
  /** Percent, one decimal; null before anyone answered Yes or Not yet. */
  readonly rate: number | null;
}

export function introKey(roundKey: string, members: readonly string[]): string {
  return `intro:${roundKey}:${[...members].sort().join(',')}`;
}

export function checkinKey(roundKey: string, userId: string): string {
  return `intro-checkin:${roundKey}:${userId}`;
}
