/**
 * Outbox keys of what moderation sends: each once, however often a moderator presses a button.
 * They hold report ids only, never a member's id.
 */

/** The DM reminding a reported message's author of the code of conduct. */
export const reminderKey = (reportId: number): string => `report:${reportId}:reminder`;

/** The DM telling the reporter their report was resolved. */
export const resolvedKey = (reportId: number): string => `report:${reportId}:resolved`;
