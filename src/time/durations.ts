/** A day in milliseconds: a span of 24 hours, not a calendar day in any zone (see zoned.ts for those). */
export const DAY_MS = 86_400_000;
