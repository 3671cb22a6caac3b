import { sql, type SqlBool } from 'kysely';

/**
 * The one condition every "claim, then do the slow work" row shares (collaboration channels, study
 * groups): the claim may be taken when its holder let go (no token) or went quiet before
 * `staleBefore` (a crash, or a process that hung). Used in the WHERE of the single UPDATE that takes
 * the claim, so that of any number of presses or replicas one wins.
 */
export const claimLetGoOrStale = (staleBefore: Date) =>
  sql<SqlBool>`(claim_token IS NULL OR claimed_at < ${staleBefore.toISOString()})`;
