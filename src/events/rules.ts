import type { DueReminder } from '../storage/eventReminders';
import { isStorableTime } from '../time/storable';
import { shiftLocalDays } from '../time/zoned';
import {
  EVENT_LIMITS,
  type CommunityEvent,
  type EventFieldProblem,
  type EventInput,
  type ReminderCode,
} from './types';

// The pure rules of events: what a valid event is, whose it is to see, when reminders fall.
// Kept apart from EventService so that the form parser can check input without the service.

const URL_PATTERN = /^https?:\/\/[^\s<>|]+\.[^\s<>|]+$/i;

/** Problems with an event as typed; empty when it may be saved. */
export function checkEvent(input: Partial<EventInput>, now: Date, isNew: boolean): EventFieldProblem[] {
  const problems: EventFieldProblem[] = [];
  const title = input.title?.trim() ?? '';
  if (title === '') problems.push({ field: 'title', problem: 'empty' });
  else if (title.length > EVENT_LIMITS.title) problems.push({ field: 'title', problem: 'too_long' });
  if (input.startsAt === undefined) problems.push({ field: 'starts_at', problem: 'missing' });
  else if (!isStorableTime(input.startsAt)) problems.push({ field: 'starts_at', problem: 'invalid' });
  else if (isNew && input.startsAt.getTime() <= now.getTime())
    problems.push({ field: 'starts_at', problem: 'in_past' });
  if (input.endsAt === undefined) problems.push({ field: 'ends_at', problem: 'missing' });
  else if (!isStorableTime(input.endsAt)) problems.push({ field: 'ends_at', problem: 'invalid' });
  else if (
    input.startsAt !== undefined &&
    isStorableTime(input.startsAt) &&
    input.endsAt.getTime() <= input.startsAt.getTime()
  ) {
    problems.push({ field: 'ends_at', problem: 'before_start' });
  }
  if (input.url !== undefined && input.url !== null && !URL_PATTERN.test(input.url))
    problems.push({ field: 'url', problem: 'invalid' });
  if (
    input.capacity !== undefined &&
    input.capacity !== null &&
    !(Number.isInteger(input.capacity) && input.capacity > 0 && input.capacity <= EVENT_LIMITS.maxCapacity)
  ) {
    problems.push({ field: 'capacity', problem: 'invalid' });
  }
  // The form's picker offers public and private channels (C…/G…): any other value was not chosen there.
  if (input.channel === undefined || !/^[CG][A-Z0-9]{2,}$/.test(input.channel))
    problems.push({ field: 'channel', problem: 'missing' });
  if ((input.description?.length ?? 0) > EVENT_LIMITS.description)
    problems.push({ field: 'description', problem: 'too_long' });
  if ((input.place?.length ?? 0) > EVENT_LIMITS.place) problems.push({ field: 'place', problem: 'too_long' });
  return problems;
}

/** The channel whose members may see the event: where its card is, or is to be, posted. */
export function eventAudienceChannel(event: CommunityEvent): string {
  return event.cardChannel ?? event.channel;
}

/** When a reminder goes out: day and week offsets keep the local wall-clock time, as people expect. */
export function reminderTime(startsAt: Date, code: ReminderCode, timeZone: string): Date {
  switch (code) {
    case '1w':
      return shiftLocalDays(startsAt, -7, timeZone);
    case '1d':
      return shiftLocalDays(startsAt, -1, timeZone);
    case '1h':
      return new Date(startsAt.getTime() - 3_600_000);
    case '15m':
      return new Date(startsAt.getTime() - 900_000);
  }
}

/** The order of a member's event list: most shared tags first, then the soonest, then the oldest id. */
export function byMatchesThenStart(
  a: { event: CommunityEvent; matchedTags: readonly string[] },
  b: { event: CommunityEvent; matchedTags: readonly string[] },
): number {
  return (
    b.matchedTags.length - a.matchedTags.length ||
    a.event.startsAt.getTime() - b.event.startsAt.getTime() ||
    a.event.id - b.event.id
  );
}

/** Events in the member's chapters' channels first (issue 14 §4), then as byMatchesThenStart. */
export function chapterFirst(
  chapterChannels: ReadonlySet<string>,
): (
  a: { event: CommunityEvent; matchedTags: readonly string[] },
  b: { event: CommunityEvent; matchedTags: readonly string[] },
) => number {
  const inChapter = (event: CommunityEvent): number =>
    chapterChannels.has(eventAudienceChannel(event)) ? 1 : 0;
  return (a, b) => inChapter(b.event) - inChapter(a.event) || byMatchesThenStart(a, b);
}

/** The reminders still ahead of `now` for an event being created or edited. */
export function plannedReminders(input: EventInput, now: Date, timeZone: string): DueReminder[] {
  return input.reminders
    .map((code) => ({ eventId: 0, code, remindAt: reminderTime(input.startsAt, code, timeZone) }))
    .filter((r) => r.remindAt.getTime() > now.getTime());
}
