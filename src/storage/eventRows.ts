import type { Selectable } from 'kysely';
import { z } from 'zod';
import type { Database } from './schema';
import { everyFieldWritten } from './written';
import { reminderCodeSchema, type CommunityEvent, type EventInput, type RsvpStatus } from '../events/types';

export type EventRow = Selectable<Database['events']>;

export const remindersJson = z.array(reminderCodeSchema);

export const rsvpStatus = z.enum(['going', 'maybe', 'not_going', 'waitlist']);

/** The one mapping from an events row (and its tags) to the domain's event. */
export function toEvent(row: EventRow, tags: readonly string[]): CommunityEvent {
  const reminders = remindersJson.safeParse(JSON.parse(row.reminders));
  return {
    id: row.id,
    title: row.title,
    description: row.description,
    startsAt: new Date(row.starts_at),
    endsAt: new Date(row.ends_at),
    place: row.place,
    url: row.url,
    channel: row.channel,
    capacity: row.capacity,
    tags,
    reminders: reminders.success ? reminders.data : [],
    createdBy: row.created_by,
    status: row.status === 'cancelled' ? 'cancelled' : 'scheduled',
    cardChannel: row.card_channel,
    cardTs: row.card_ts,
  };
}

/** The columns an event form writes, every field of it (its tags go to event_tags). */
export function columns(input: EventInput) {
  const {
    title,
    description,
    startsAt,
    endsAt,
    place,
    url,
    channel,
    capacity,
    reminders,
    tags: _inEventTags,
    ...unwritten
  } = input;
  everyFieldWritten(unwritten);
  return {
    title,
    description,
    starts_at: startsAt.toISOString(),
    ends_at: endsAt.toISOString(),
    place,
    url,
    channel,
    capacity,
    reminders: JSON.stringify(reminders),
  };
}

export function parseStatus(status: string): RsvpStatus | undefined {
  const parsed = rsvpStatus.safeParse(status);
  return parsed.success ? parsed.data : undefined;
}

/** SQL for events, their tags, RSVPs and reminder plans. */
