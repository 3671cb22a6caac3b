import { z } from 'zod';

export const REPEATS = ['none', 'daily', 'weekdays', 'weekly', 'monthly', 'cron'] as const;
export type Repeat = (typeof REPEATS)[number];
export const repeatSchema = z.enum(REPEATS);

export const ANNOUNCEMENT_LIMITS = { text: 3000, cron: 100 } as const;

export interface AnnouncementInput {
  readonly channel: string;
  readonly text: string;
  readonly firstAt: Date;
  readonly repeat: Repeat;
  /** Only for repeat "cron". */
  readonly cron: string | null;
}

export interface Announcement {
  readonly id: number;
  readonly channel: string;
  readonly text: string;
  readonly firstAt: Date;
  readonly repeat: Repeat;
  readonly cron: string | null;
  readonly timeZone: string;
  readonly author: string | null;
  readonly status: 'active' | 'cancelled' | 'finished';
  readonly nextAt: Date | null;
}

export type AnnouncementProblem =
  | { readonly field: 'channel'; readonly problem: 'missing' }
  | { readonly field: 'text'; readonly problem: 'empty' | 'too_long' }
  | { readonly field: 'first_at'; readonly problem: 'missing' | 'invalid' | 'in_past' }
  | { readonly field: 'cron'; readonly problem: 'missing' | 'invalid' | 'never' };

/** Cancelling someone else's announcement takes the admin role; its author may always. */
export class NotAnnouncementAuthor extends Error {
  readonly code = 'not_announcement_author' as const;
  constructor(readonly announcementId: number) {
    super(`announcement ${announcementId}: not its author, and not an admin`);
  }
}
