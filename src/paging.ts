/**
 * Long lists (`/alumni events`, `/alumni jobs`, HR's roles on the Home tab) are shown a page at a
 * time: ten items keep a message well inside Slack's 50 blocks and the Home tab inside its 100.
 */
export const LIST_PAGE_SIZE = 10;

/** One page of a list that the caller has already filtered to what the member may see. */
export interface Page<T> {
  readonly items: readonly T[];
  /** Index of the first item, from 0. */
  readonly offset: number;
  /** How many items the whole list holds. */
  readonly total: number;
}

/**
 * Where a page starts: an offset (from a Previous/More button), or the page holding an item (after
 * an answer given on that page, so the member stays where they were).
 */
export type PageStart<T> = { readonly offset: number } | { readonly around: (item: T) => boolean };

export function pageOf<T>(all: readonly T[], start: PageStart<T> = { offset: 0 }): Page<T> {
  let offset: number;
  if ('offset' in start) offset = start.offset;
  else {
    const index = all.findIndex(start.around);
    offset = index < 0 ? 0 : index - (index % LIST_PAGE_SIZE);
  }
  return { items: all.slice(offset, offset + LIST_PAGE_SIZE), offset, total: all.length };
}
