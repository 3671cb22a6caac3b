import { z } from 'zod';
import type { ChannelRefused } from '../../audience/types';
import { messages, type Locale } from '../../i18n';
import { checkEvent } from '../../events/rules';
import {
  EVENT_LIMITS,
  reminderCodeSchema,
  type EventFieldProblem,
  type EventInput,
} from '../../events/types';
import type { TagProblem } from '../../interests/tags';
import { EVENT_INPUT } from '../ids';
import { channelRefusal } from './channelRefusal';
import type { FieldErrors } from './profileForm';
import { tagProblemText } from './profileForm';
import {
  parseViewState,
  selectedConversation,
  selectedDateTime,
  selectedValues,
  textValue,
} from './viewState';

export type EventFormResult =
  { readonly ok: true; readonly input: EventInput } | { readonly ok: false; readonly errors: FieldErrors };

const metadataSchema = z.object({ eventId: z.number().int().positive().nullable() });

/** The event id a modal was opened for (null for a new event); a tampered value reads as new. */
export function eventIdFromMetadata(privateMetadata: string): number | null {
  try {
    const parsed = metadataSchema.safeParse(JSON.parse(privateMetadata));
    return parsed.success ? parsed.data.eventId : null;
  } catch {
    return null;
  }
}

function problemText(problem: EventFieldProblem, locale: Locale): [string, string] {
  const e = messages(locale).events.errors;
  switch (problem.field) {
    case 'title':
      return [
        EVENT_INPUT.title.block,
        problem.problem === 'empty' ? e.titleEmpty : e.titleTooLong(EVENT_LIMITS.title),
      ];
    case 'starts_at':
      return [
        EVENT_INPUT.startsAt.block,
        problem.problem === 'missing'
          ? e.startMissing
          : problem.problem === 'invalid'
            ? e.dateInvalid
            : e.startInPast,
      ];
    case 'ends_at':
      return [
        EVENT_INPUT.endsAt.block,
        problem.problem === 'missing'
          ? e.endMissing
          : problem.problem === 'invalid'
            ? e.dateInvalid
            : e.endBeforeStart,
      ];
    case 'url':
      return [EVENT_INPUT.url.block, e.urlInvalid];
    case 'capacity':
      return [EVENT_INPUT.capacity.block, e.capacityInvalid];
    case 'channel':
      return [EVENT_INPUT.channel.block, e.channelMissing];
    case 'description':
      return [EVENT_INPUT.description.block, e.tooLong(EVENT_LIMITS.description)];
    case 'place':
      return [EVENT_INPUT.place.block, e.tooLong(EVENT_LIMITS.place)];
  }
}

/** The channel field's error when the organizer may not post there (not a member, or the bot cannot see it). */
export function eventChannelRefusal(reason: ChannelRefused['reason'], locale: Locale): FieldErrors {
  return channelRefusal(reason, EVENT_INPUT.channel.block, messages(locale).events.errors);
}

export function parseEventForm(
  values: unknown,
  locale: Locale,
  now: Date,
  isNew: boolean,
  parseTags: (text: string) => { ok: true; tags: string[] } | { ok: false; problem: TagProblem },
): EventFormResult {
  const state = parseViewState(values);
  const errors: FieldErrors = {};
  const optional = (text: string): string | null => (text === '' ? null : text);
  const capacityText = textValue(state, EVENT_INPUT.capacity);
  const capacity =
    capacityText === '' ? null : /^\d{1,9}$/.test(capacityText) ? Number(capacityText) : Number.NaN;
  const draft: Partial<EventInput> = {
    title: textValue(state, EVENT_INPUT.title),
    description: optional(textValue(state, EVENT_INPUT.description)),
    startsAt: selectedDateTime(state, EVENT_INPUT.startsAt),
    endsAt: selectedDateTime(state, EVENT_INPUT.endsAt),
    place: optional(textValue(state, EVENT_INPUT.place)),
    url: optional(textValue(state, EVENT_INPUT.url)),
    channel: selectedConversation(state, EVENT_INPUT.channel),
    capacity,
  };
  for (const problem of checkEvent(draft, now, isNew)) {
    const [block, text] = problemText(problem, locale);
    errors[block] ??= text;
  }
  const tags = parseTags(textValue(state, EVENT_INPUT.tags));
  if (!tags.ok) errors[EVENT_INPUT.tags.block] = tagProblemText(tags.problem, locale);
  const reminders = z.array(reminderCodeSchema).safeParse(selectedValues(state, EVENT_INPUT.reminders));
  if (!reminders.success) errors[EVENT_INPUT.reminders.block] = messages(locale).profile.errors.invalidChoice;

  const { title, startsAt, endsAt, channel } = draft;
  if (
    Object.keys(errors).length > 0 ||
    !tags.ok ||
    !reminders.success ||
    title === undefined ||
    startsAt === undefined ||
    endsAt === undefined ||
    channel === undefined
  ) {
    return { ok: false, errors };
  }
  return {
    ok: true,
    input: {
      title,
      description: draft.description ?? null,
      startsAt,
      endsAt,
      place: draft.place ?? null,
      url: draft.url ?? null,
      channel,
      capacity: draft.capacity ?? null,
      tags: tags.tags,
      reminders: [...new Set(reminders.data)],
    },
  };
}
