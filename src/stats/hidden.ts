import { MIN_INTEREST_HOLDERS } from './types';

/**
 * A figure that counts members (or what one member did) may include members whose profile is
 * hidden (visibility "admins and HR" or "nobody") only when it holds at least this many: a smaller
 * figure could single one of them out, as a rare interest tag could (MIN_INTEREST_HOLDERS).
 */
export const MIN_WITH_HIDDEN = MIN_INTEREST_HOLDERS;

/** How many a figure shows: hidden members are never counted alone, nor in a figure of one or two. */
export function countedWithHidden(split: { readonly visible: number; readonly hidden: number }): number {
  const total = split.visible + split.hidden;
  return split.hidden === 0 || total >= MIN_WITH_HIDDEN ? total : split.visible;
}
