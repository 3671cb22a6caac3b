/**
 * Outbox keys of what mentoring sends: each once, however often the planner runs or a button is
 * pressed, and erasure finds the ones that name a member by them.
 */

/** The DM asking one suggested mentor to accept or decline a request. */
export const askKey = (requestId: number, mentor: string): string => `mentor:${requestId}:ask:${mentor}`;

/** The requester's notice that no suggested mentor took the request. */
export const unmatchedKey = (requestId: number): string => `mentor:${requestId}:unmatched`;

/** The group DM of an accepted pair. */
export const pairKey = (pairId: number): string => `mentorpair:${pairId}:start`;

/** The monthly "How is it going?" of a pair, once per due date. */
export const checkinKey = (pairId: number, dueAt: Date): string =>
  `mentorpair:${pairId}:checkin:${dueAt.getTime()}`;
