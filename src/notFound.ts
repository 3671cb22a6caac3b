/** What a member can ask for by number. */
export type FindableItem =
  'event' | 'role' | 'referral' | 'announcement' | 'ask' | 'study' | 'mentoring' | 'report' | 'proposal';

/**
 * The item asked for does not exist, or the asker may not know it does (an ask shown only to
 * matching members reads as missing to the rest). One class for every kind, so the words differ
 * by kind in one place (userMessage).
 */
export class NotFound extends Error {
  readonly code = 'not_found' as const;
  constructor(
    readonly item: FindableItem,
    readonly id: number,
  ) {
    super(`${item} ${id} not found`);
  }
}
