import { z } from 'zod';
import type { Languages, Locale } from '../i18n';
import type { OutboxMessage } from '../scheduler/types';

export const STUDY_RHYTHMS = ['weekly', 'biweekly', 'monthly'] as const;
export type StudyRhythm = (typeof STUDY_RHYTHMS)[number];
export const studyRhythmSchema = z.enum(STUDY_RHYTHMS);

/**
 * open: gathering backers; forming: the minimum was reached and the channel is being made;
 * formed: the group's channel exists; lapsed: the minimum was not reached in time.
 */
export type StudyStatus = 'open' | 'forming' | 'formed' | 'lapsed';

export const STUDY_LIMITS = {
  topic: 150,
  tags: 10,
  minMembers: 2,
  maxMembers: 50,
  defaultMembers: 4,
  /** A proposal that has not gathered its minimum this many days after it was made lapses. */
  lapseDays: 30,
  /** Most proposals `study` lists. */
  listed: 15,
  /** Most proposals one digest mentions. */
  perDigest: 3,
  /** A claim older than this whose holder never finished is taken over (by a press or the planner). */
  staleClaimMs: 2 * 60_000,
  nameAttempts: 5,
} as const;

export interface StudyInput {
  readonly topic: string;
  readonly tags: readonly string[];
  readonly minMembers: number;
  readonly rhythm: StudyRhythm;
}

export interface StudyGroup extends StudyInput {
  readonly id: number;
  readonly proposer: string;
  readonly status: StudyStatus;
  readonly createdAt: Date;
  readonly lapsesAt: Date;
  readonly channelId: string | null;
  readonly backers: number;
}

/** A proposal as a member sees it in a list: who may be named, and whether they are in. */
export interface StudyListing {
  readonly group: StudyGroup;
  readonly matchedTags: readonly string[];
  /** The proposer, unless their profile is hidden. */
  readonly proposerNamed: boolean;
  /** Backers whose profile all alumni may see; the others are only counted. */
  readonly namedBackers: readonly string[];
  readonly backedByViewer: boolean;
}

export type StudyFieldProblem =
  | { readonly field: 'topic'; readonly problem: 'empty' | 'too_long' }
  | { readonly field: 'tags'; readonly problem: 'none' | 'too_many' }
  | { readonly field: 'minMembers'; readonly problem: 'range' }
  | { readonly field: 'rhythm'; readonly problem: 'missing' };

/** What the form typed, before checking. */
export interface StudyDraft {
  readonly topic: string;
  readonly tags: readonly string[];
  readonly minMembers: number;
  readonly rhythm: StudyRhythm | undefined;
}

export function checkStudy(draft: StudyDraft): StudyFieldProblem[] {
  const problems: StudyFieldProblem[] = [];
  const topic = draft.topic.trim();
  if (topic === '') problems.push({ field: 'topic', problem: 'empty' });
  else if (topic.length > STUDY_LIMITS.topic) problems.push({ field: 'topic', problem: 'too_long' });
  if (draft.tags.length === 0) problems.push({ field: 'tags', problem: 'none' });
  else if (draft.tags.length > STUDY_LIMITS.tags) problems.push({ field: 'tags', problem: 'too_many' });
  if (
    !Number.isInteger(draft.minMembers) ||
    draft.minMembers < STUDY_LIMITS.minMembers ||
    draft.minMembers > STUDY_LIMITS.maxMembers
  )
    problems.push({ field: 'minMembers', problem: 'range' });
  if (draft.rhythm === undefined) problems.push({ field: 'rhythm', problem: 'missing' });
  return problems;
}

/** The Slack calls a group's channel needs: collaboration channels' port (src/collab/types.ts). */
export type { CollabSlack as StudySlack } from '../collab/types';

/** Words of what study groups post, supplied by the Slack layer. */
export interface StudyMessages {
  /**
   * At the top of the new channel: the topic, the rhythm, how to schedule sessions; the proposer is
   * named only when `proposerNamed` (their profile is visible to all alumni).
   */
  intro(group: StudyGroup, languages: Languages, proposerNamed: boolean): OutboxMessage;
  /** To the proposer: the group formed, with "Schedule the first session". */
  formed(group: StudyGroup, locale: Locale): OutboxMessage;
  /** To a backer who hides their profile: the group formed, with a "Join the channel" button. */
  join(group: StudyGroup, locale: Locale): OutboxMessage;
  /** To each backer of a proposal that lapsed. */
  lapsed(group: StudyGroup, locale: Locale): OutboxMessage;
}

/** "Count me in" or "Count me out" on a proposal that is no longer gathering backers. */
export class StudyNotOpen extends Error {
  readonly code = 'study_not_open' as const;
  constructor(
    readonly groupId: number,
    readonly status: Exclude<StudyStatus, 'open'>,
    readonly channelId: string | null,
  ) {
    super(`study group ${groupId} is ${status}`);
  }
}

/** The proposer pressing "Count me out" of their own proposal. */
export class ProposerStaysIn extends Error {
  readonly code = 'proposer_stays_in' as const;
  constructor(readonly groupId: number) {
    super(`the proposer of study group ${groupId} cannot count themselves out`);
  }
}

/** "Schedule the first session" by someone other than the proposer (or an admin), or before it formed. */
export class NotStudyHost extends Error {
  readonly code = 'not_study_host' as const;
  constructor(readonly groupId: number) {
    super(`only the proposer of a formed study group ${groupId} may schedule its sessions`);
  }
}
