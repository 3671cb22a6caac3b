/**
 * Outbox keys of what asks and offers send, in one place: each is sent once, however often the
 * planner runs or a button is pressed, and erasure finds the ones that name a member by them.
 */

/** The group DM of an item's author and one responder. */
export const matchKey = (askId: number, responder: string): string => `ask:${askId}:respond:${responder}`;

/** The author's one reminder before this expiry (a new expiry, after an extension, gets its own). */
export const reminderKey = (askId: number, expiresAt: Date): string =>
  `ask:${askId}:reminder:${expiresAt.getTime()}`;

/** The author's notice that the item lapsed. */
export const lapsedKey = (askId: number): string => `ask:${askId}:lapsed`;

/** A helper's DM saying the author thanked them. */
export const thanksKey = (askId: number, helper: string): string => `ask:${askId}:thanks:${helper}`;
