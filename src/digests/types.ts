import { z } from 'zod';
import type { AskPicks } from '../asks/picks';
import type { StudyGroup } from '../study/types';

export const DIGEST_FREQUENCIES = ['weekly', 'daily', 'off'] as const;
export type DigestFrequency = (typeof DIGEST_FREQUENCIES)[number];
export const digestFrequencySchema = z.enum(DIGEST_FREQUENCIES);
/** A member who never chose gets the weekly digest. */
export const DEFAULT_DIGEST_FREQUENCY: DigestFrequency = 'weekly';

export type DigestCadence = 'weekly' | 'daily' | 'manual';

export interface DigestJob {
  readonly id: number;
  readonly title: string;
  readonly team: string | null;
  readonly location: string | null;
  readonly workStyle: string;
  readonly employmentType: string;
  readonly applyUrl: string;
  readonly tags: readonly string[];
  readonly createdAt: string;
  /** The card's channel, whose members alone may hear of a role in a private channel. */
  readonly channel: string | null;
}

export interface DigestEvent {
  readonly id: number;
  readonly title: string;
  readonly startsAt: Date;
  readonly endsAt: Date;
  readonly place: string | null;
  readonly url: string | null;
  readonly tags: readonly string[];
  /** The card's channel, whose members alone may hear of an event in a private channel. */
  readonly channel: string;
}

/** What one member's digest holds, with the interests that made each item relevant. */
export interface DigestContent {
  readonly jobs: readonly { job: DigestJob; sharedTags: readonly string[] }[];
  readonly events: readonly { event: DigestEvent; sharedTags: readonly string[] }[];
  /** Asks and offers posted since the member's last digest of this cadence that suit them. */
  readonly asks?: AskPicks;
  /** Study groups gathering backers that share the member's interests, heard of once each. */
  readonly study?: readonly StudyGroup[];
}

export interface DigestRunReport {
  readonly runKey: string;
  readonly recipients: number;
  readonly nothingNew: number;
  readonly sent: number;
  readonly failed: number;
  readonly pending: number;
  readonly failures: readonly { reason: string; count: number }[];
}
