import type { ScheduleRequest } from '../scheduler/types';
import { z } from 'zod';
import type { Visibility } from '../members/types';

export const RSVP_CHOICES = ['going', 'maybe', 'not_going'] as const;
export type RsvpChoice = (typeof RSVP_CHOICES)[number];
/** What a member's answer became: "going" at capacity turns into a place on the waitlist. */
export type RsvpStatus = RsvpChoice | 'waitlist';

/** Reminder offsets an organizer can pick; "1d" and "1w" keep the local wall-clock time across DST. */
export const REMINDER_CODES = ['1w', '1d', '1h', '15m'] as const;
export type ReminderCode = (typeof REMINDER_CODES)[number];
export const DEFAULT_REMINDERS: readonly ReminderCode[] = ['1d', '1h'];

export const rsvpChoiceSchema = z.enum(RSVP_CHOICES);
export const reminderCodeSchema = z.enum(REMINDER_CODES);

export const EVENT_LIMITS = {
  title: 150,
  description: 2000,
  place: 200,
  url: 500,
  maxCapacity: 100_000,
} as const;

export interface EventInput {
  readonly title: string;
  readonly description: string | null;
  readonly startsAt: Date;
  readonly endsAt: Date;
  readonly place: string | null;
  readonly url: string | null;
  readonly channel: string;
  readonly capacity: number | null;
  readonly tags: readonly string[];
  readonly reminders: readonly ReminderCode[];
}

export interface CommunityEvent extends EventInput {
  readonly id: number;
  readonly createdBy: string | null;
  readonly status: 'scheduled' | 'cancelled';
  readonly cardChannel: string | null;
  readonly cardTs: string | null;
}

export interface Rsvp {
  readonly userId: string;
  readonly status: RsvpStatus;
  /** The name given when answering; shown only while the member's profile is visible to all alumni. */
  readonly displayName: string;
  readonly respondedAt: string;
  /** The member's profile visibility now ('nobody' when they have no profile row). */
  readonly visibility: Visibility;
}

/** What an event's card in the channel shows: counts for everyone, names only of members visible to all. */
export interface EventSummary {
  readonly event: CommunityEvent;
  readonly going: number;
  /** Members going whose profile is visible to all alumni, in the order they answered; the others are only counted. */
  readonly goingNames: readonly string[];
  readonly maybe: number;
  readonly waitlist: number;
}

/** Field-level problems in an event form, as codes the Slack layer turns into words. */
export type EventFieldProblem =
  | { readonly field: 'title'; readonly problem: 'empty' | 'too_long' }
  | { readonly field: 'starts_at'; readonly problem: 'missing' | 'invalid' | 'in_past' }
  | { readonly field: 'ends_at'; readonly problem: 'missing' | 'invalid' | 'before_start' }
  | { readonly field: 'url'; readonly problem: 'invalid' }
  | { readonly field: 'capacity'; readonly problem: 'invalid' }
  | { readonly field: 'channel'; readonly problem: 'missing' }
  | { readonly field: 'description' | 'place'; readonly problem: 'too_long' };

/** An organizer changing or cancelling an event another organizer created (admins may). */
export class NotEventOwner extends Error {
  readonly code = 'not_event_owner' as const;
  constructor(readonly eventId: number) {
    super(`event ${eventId} belongs to another organizer`);
  }
}

/** An RSVP to an event that is over or cancelled. */
export class EventClosed extends Error {
  readonly code = 'event_closed' as const;
  constructor(readonly reason: 'cancelled' | 'ended') {
    super(`event is ${reason}`);
  }
}

/** The part of the outbox the events module uses. */
export interface OutboxPort {
  schedule(request: ScheduleRequest): Promise<boolean>;
  scheduleSkipped(request: ScheduleRequest, reason: string): Promise<boolean>;
  cancel(keyOrPrefix: string): Promise<number>;
}

export interface RsvpResult {
  /** The event as it was read before the answer (title, channel: what a reply needs). */
  readonly event: CommunityEvent;
  readonly status: RsvpStatus;
  /** Someone moved from the waitlist to "going" because of this answer. */
  readonly promoted: string | undefined;
}
