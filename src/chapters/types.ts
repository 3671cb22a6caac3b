/** Chapters (issue 14 §4): a city, region or professional group with its channel and leads. */

export const CHAPTER_NAME_MAX = 60;

export interface Chapter {
  readonly id: number;
  readonly name: string;
  readonly channelId: string;
}

/** A chapter as `chapters` and App Home list it: its size and where the reader stands. */
export interface ChapterListing extends Chapter {
  /** Members counted (hidden members only in company: stats/hidden.ts). */
  readonly members: number;
  readonly joined: boolean;
  readonly leads: boolean;
}

/** One chapter's line in `stats`: never who is in it. */
export interface ChapterFigures {
  readonly name: string;
  readonly channelId: string;
  /** Members counted, hidden members only in company (stats/hidden.ts). */
  readonly members: number;
  /** Scheduled events in the chapter's channel that have not ended. */
  readonly upcomingEvents: number;
  /** Events in the chapter's channel that took place (not cancelled, ended). */
  readonly pastEvents: number;
}

export type ChapterAction = 'created' | 'archived' | 'lead_added' | 'lead_removed';

/** One line of a chapter's audit trail (actor and subject null once they erased their data). */
export interface ChapterActionRecord {
  readonly chapterId: number;
  readonly actorId: string | null;
  readonly action: ChapterAction;
  readonly subjectId: string | null;
  readonly at: string;
}

/** A member's own chapter data, for their export. */
export interface ChapterExport {
  readonly memberships: readonly { chapter: string; joinedAt: string }[];
  readonly leads: readonly { chapter: string; addedAt: string }[];
  /** Admin decisions they made or that were about them. */
  readonly actions: readonly ChapterActionRecord[];
}

/** How members type a chapter's name: NFKC, lower case, spaces squeezed. */
export function chapterKey(name: string): string {
  return name.normalize('NFKC').toLowerCase().trim().replace(/\s+/g, ' ');
}

/**
 * No active chapter has this name; `suggestion` is a close one, when there is exactly one.
 * `archived`: asked for by id (a Home button), so it existed and was archived since.
 */
export class UnknownChapter extends Error {
  readonly code = 'unknown_chapter' as const;
  constructor(
    readonly given: string,
    readonly suggestion: string | undefined,
    readonly archived = false,
  ) {
    super('no active chapter by that name');
  }
}

/** An active chapter already has this name or this channel. */
export class ChapterTaken extends Error {
  readonly code = 'chapter_taken' as const;
  constructor(
    readonly what: 'name' | 'channel',
    readonly chapterName: string,
  ) {
    super(`an active chapter already has that ${what}`);
  }
}
