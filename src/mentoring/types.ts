import { z } from 'zod';

/** open: suggested first; limited: suggested after open mentors; closed: never suggested. */
export const AVAILABILITIES = ['open', 'limited', 'closed'] as const;
export const availabilitySchema = z.enum(AVAILABILITIES);
export type MentorAvailability = z.infer<typeof availabilitySchema>;

export const MAX_CAPACITY = 10;
export const DEFAULT_CAPACITY = 2;
/** Longest goal a request may carry (it is quoted in DMs). */
export const MAX_GOAL = 300;
/** How many mentors a request suggests, asked one at a time. */
export const MAX_SUGGESTED = 3;

export interface MentorOffer {
  readonly userId: string;
  readonly topics: readonly string[];
  readonly capacity: number;
  readonly availability: MentorAvailability;
  readonly activeCount: number;
}

export const requestStatusSchema = z.enum(['pending', 'accepted', 'unmatched']);
export type RequestStatus = z.infer<typeof requestStatusSchema>;

export interface MentorRequest {
  readonly id: number;
  readonly requester: string;
  readonly goal: string;
  readonly tags: readonly string[];
  readonly status: RequestStatus;
  readonly currentMentor: string | null;
  readonly askedAt: Date | null;
  readonly createdAt: Date;
}

export const pairStatusSchema = z.enum(['active', 'paused', 'ended']);
export type PairStatus = z.infer<typeof pairStatusSchema>;

export interface MentorPair {
  readonly id: number;
  readonly requestId: number;
  readonly mentorId: string;
  readonly menteeId: string;
  readonly status: PairStatus;
  readonly startedAt: Date;
  readonly nextCheckinAt: Date;
}

/** A mentor found for some topics: the topics shared, and the places free. */
export interface MentorMatch {
  readonly offer: MentorOffer;
  readonly sharedTopics: readonly string[];
  readonly free: number;
}

/** Continue / Pause / End, the answers to the monthly check-in. */
export const CHECKIN_CHOICES = ['continue', 'pause', 'end'] as const;
export type CheckinChoice = (typeof CHECKIN_CHOICES)[number];

/** Capacity or availability changed by a member who has not offered to mentor. */
export class NotMentor extends Error {
  readonly code = 'not_mentor' as const;
  constructor() {
    super('the member has not offered to mentor');
  }
}

/** A second request while one is still waiting for a mentor. */
export class MentorRequestPending extends Error {
  readonly code = 'mentor_request_pending' as const;
  constructor(readonly requestId: number) {
    super(`request ${requestId} is still pending`);
  }
}

/** Accept or Decline pressed by someone the request is not waiting on (now). */
export class NotAskedToMentor extends Error {
  readonly code = 'not_asked_to_mentor' as const;
  constructor(readonly requestId: number) {
    super(`request ${requestId} is not waiting on this member`);
  }
}

/** Accept pressed by a mentor with no free place: the request was handed on. */
export class MentorAtCapacity extends Error {
  readonly code = 'mentor_at_capacity' as const;
  constructor(readonly capacity: number) {
    super(`the mentor is at capacity (${capacity})`);
  }
}

/** A check-in answered by someone outside the pair. */
export class NotInMentorPair extends Error {
  readonly code = 'not_in_mentor_pair' as const;
  constructor(readonly pairId: number) {
    super(`not in mentoring pair ${pairId}`);
  }
}
