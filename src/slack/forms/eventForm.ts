import { z } from 'zod';
import type { ChannelRefused } from '../../audience/types';
import { checkEvent } from '../../events/rules';
import {
  DEFAULT_REMINDERS,
  EVENT_LIMITS,
  REMINDER_CODES,
  reminderCodeSchema,
  type CommunityEvent,
  type EventFieldProblem,
  type EventInput,
} from '../../events/types';
import { messages, type Locale } from '../../i18n';
import { MAX_TAG_LIST_LENGTH, type TagProblem } from '../../interests/tags';
import type { ModalView } from '../blockKit';
import { VIEW } from '../ids';
import { channelRefusal } from '../parse/channelRefusal';
import { tagListText, tagProblemText } from './tagList';
import { declareForm, nullIfEmpty, textFor, type FieldErrors } from './declare';
import { channelField, checkboxesField, dateTimeField, textField, wholeNumberField } from './fields';
import { readMetadata } from './metadata';
import { formModal } from '../views/doneModal';

/** Whom the event form is drawn for, and the event it edits (none for a new one). */
export interface EventFormContext {
  readonly locale: Locale;
  readonly event: CommunityEvent | undefined;
  /** EVENTS_CHANNEL_ID: the channel a new event is offered. */
  readonly defaultChannel: string | undefined;
  /** A new event's title, e.g. a study group's topic for its first session. */
  readonly prefillTitle?: string;
}

const words = (context: EventFormContext) => messages(context.locale).events;

/** The event form (create and edit), declared once: its blocks, how it is read, and where its errors go. */
export const eventForm = declareForm<EventFormContext>()('event', {
  title: textField({
    optional: false,
    max: EVENT_LIMITS.title,
    label: (c) => words(c).title,
    initial: (c) => c.event?.title ?? c.prefillTitle,
  }),
  startsAt: dateTimeField({
    optional: false,
    label: (c) => words(c).startsAt,
    initial: (c) => c.event?.startsAt,
  }),
  endsAt: dateTimeField({ optional: false, label: (c) => words(c).endsAt, initial: (c) => c.event?.endsAt }),
  place: textField({
    max: EVENT_LIMITS.place,
    label: (c) => words(c).place,
    placeholder: (c) => words(c).placePlaceholder,
    initial: (c) => c.event?.place,
  }),
  url: textField({
    max: EVENT_LIMITS.url,
    label: (c) => words(c).url,
    placeholder: (c) => words(c).urlPlaceholder,
    initial: (c) => c.event?.url,
  }),
  description: textField({
    max: EVENT_LIMITS.description,
    multiline: true,
    label: (c) => words(c).description,
    initial: (c) => c.event?.description,
  }),
  channel: channelField({
    optional: false,
    label: (c) => words(c).channel,
    initial: (c) => c.event?.channel ?? c.defaultChannel,
  }),
  capacity: wholeNumberField({
    min: 1,
    label: (c) => words(c).capacity,
    hint: (c) => words(c).capacityHint,
    initial: (c) => c.event?.capacity,
  }),
  tags: textField({
    max: MAX_TAG_LIST_LENGTH,
    label: (c) => words(c).tags,
    hint: (c) => words(c).tagsHint,
    initial: (c) => tagListText(c.event?.tags, c.locale),
  }),
  reminders: checkboxesField({
    label: (c) => words(c).reminders,
    choices: (c) => REMINDER_CODES.map((code) => ({ value: code, text: words(c).reminder[code] })),
    initial: (c) => c.event?.reminders ?? DEFAULT_REMINDERS,
  }),
});

export interface EventModalMetadata {
  readonly eventId: number | null;
}

const metadataSchema = z.object({ eventId: z.number().int().positive().nullable() });

/** The event id a modal was opened for (null for a new event); a tampered value reads as new. */
export function eventIdFromMetadata(privateMetadata: string): number | null {
  return readMetadata(metadataSchema, privateMetadata)?.eventId ?? null;
}

/** Create or edit: the same modal, prefilled when editing. */
export function eventModal(
  event: CommunityEvent | undefined,
  locale: Locale,
  defaultChannel: string | undefined,
  prefillTitle?: string,
): ModalView {
  const m = messages(locale).events;
  const metadata: EventModalMetadata = { eventId: event?.id ?? null };
  return formModal(locale, {
    callbackId: VIEW.event,
    metadata,
    title: event === undefined ? m.modalNewTitle : m.modalEditTitle,
    blocks: eventForm.blocks({ locale, event, defaultChannel, prefillTitle }),
  });
}

export type EventFormResult =
  { readonly ok: true; readonly input: EventInput } | { readonly ok: false; readonly errors: FieldErrors };

type EventField = keyof typeof eventForm.ids;

function problemText(problem: EventFieldProblem, locale: Locale): [EventField, string] {
  const e = messages(locale).events.errors;
  switch (problem.field) {
    case 'title':
      return ['title', problem.problem === 'empty' ? e.titleEmpty : e.titleTooLong(EVENT_LIMITS.title)];
    case 'starts_at':
      return [
        'startsAt',
        textFor(problem.problem, { missing: e.startMissing, invalid: e.dateInvalid, in_past: e.startInPast }),
      ];
    case 'ends_at':
      return [
        'endsAt',
        textFor(problem.problem, {
          missing: e.endMissing,
          invalid: e.dateInvalid,
          before_start: e.endBeforeStart,
        }),
      ];
    case 'url':
      return ['url', e.urlInvalid];
    case 'capacity':
      return ['capacity', e.capacityInvalid];
    case 'channel':
      return ['channel', e.channelMissing];
    case 'description':
      return ['description', e.tooLong(EVENT_LIMITS.description)];
    case 'place':
      return ['place', e.tooLong(EVENT_LIMITS.place)];
  }
}

/** The channel field's error when the organizer may not post there (not a member, or the bot cannot see it). */
export function eventChannelRefusal(reason: ChannelRefused['reason'], locale: Locale): FieldErrors {
  return channelRefusal(reason, eventForm.ids.channel.block, messages(locale).events.errors);
}

export function parseEventForm(
  values: unknown,
  locale: Locale,
  now: Date,
  isNew: boolean,
  parseTags: (text: string) => { ok: true; tags: string[] } | { ok: false; problem: TagProblem },
): EventFormResult {
  const read = eventForm.readLenient(values);
  const capacity =
    read.capacity === '' ? null : /^\d{1,9}$/.test(read.capacity) ? Number(read.capacity) : Number.NaN;
  const draft: Partial<EventInput> = {
    title: read.title,
    description: nullIfEmpty(read.description),
    startsAt: read.startsAt,
    endsAt: read.endsAt,
    place: nullIfEmpty(read.place),
    url: nullIfEmpty(read.url),
    channel: read.channel,
    capacity,
  };
  const problems: { [K in EventField]?: string } = {};
  for (const problem of checkEvent(draft, now, isNew)) {
    const [field, text] = problemText(problem, locale);
    problems[field] ??= text;
  }
  const tags = parseTags(read.tags);
  if (!tags.ok) problems.tags = tagProblemText(tags.problem, locale);
  const reminders = z.array(reminderCodeSchema).safeParse(read.reminders);
  if (!reminders.success) problems.reminders = messages(locale).profile.errors.invalidChoice;

  const { title, startsAt, endsAt, channel } = draft;
  if (
    Object.keys(problems).length > 0 ||
    !tags.ok ||
    !reminders.success ||
    title === undefined ||
    startsAt === undefined ||
    endsAt === undefined ||
    channel === undefined
  ) {
    return { ok: false, errors: eventForm.errors(problems) };
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
