import { messages, type Locale } from '../../i18n';
import { tagLabel } from '../../interests/labels';
import { DEFAULT_REMINDERS, EVENT_LIMITS, REMINDER_CODES, type CommunityEvent } from '../../events/types';
import { MAX_TAG_LIST_LENGTH } from '../../interests/tags';
import type { KnownBlock, ModalView, PlainTextOption } from '../blockKit';
import { EVENT_INPUT, VIEW } from '../ids';
import { textInput } from './inputs';
import { plain } from './text';

// The event form (create and edit), apart from the cards and lists in events.ts.

export interface EventModalMetadata {
  readonly eventId: number | null;
}

/** Create or edit: the same modal, prefilled when editing. */
export function eventModal(
  event: CommunityEvent | undefined,
  locale: Locale,
  defaultChannel: string | undefined,
  /** A new event's title, e.g. a study group's topic for its first session. */
  prefillTitle?: string,
): ModalView {
  const m = messages(locale).events;
  const common = messages(locale).common;
  const reminderOptions: PlainTextOption[] = REMINDER_CODES.map((code) => ({
    text: plain(m.reminder[code], 75),
    value: code,
  }));
  const chosen = new Set<string>(event?.reminders ?? DEFAULT_REMINDERS);
  const initialReminders = reminderOptions.filter((o) => o.value !== undefined && chosen.has(o.value));
  const dateTime = (
    ids: { block: string; action: string },
    label: string,
    initial: Date | undefined,
  ): KnownBlock => ({
    type: 'input',
    block_id: ids.block,
    label: plain(label, 2000),
    element: {
      type: 'datetimepicker',
      action_id: ids.action,
      ...(initial === undefined ? {} : { initial_date_time: Math.floor(initial.getTime() / 1000) }),
    },
  });
  const channel = event?.channel ?? defaultChannel;
  const blocks: KnownBlock[] = [
    textInput(EVENT_INPUT.title, m.title, {
      initial: event?.title ?? prefillTitle,
      max: EVENT_LIMITS.title,
      optional: false,
    }),
    dateTime(EVENT_INPUT.startsAt, m.startsAt, event?.startsAt),
    dateTime(EVENT_INPUT.endsAt, m.endsAt, event?.endsAt),
    textInput(EVENT_INPUT.place, m.place, {
      initial: event?.place,
      max: EVENT_LIMITS.place,
      placeholder: m.placePlaceholder,
    }),
    textInput(EVENT_INPUT.url, m.url, {
      initial: event?.url,
      max: EVENT_LIMITS.url,
      placeholder: m.urlPlaceholder,
    }),
    textInput(EVENT_INPUT.description, m.description, {
      initial: event?.description,
      max: EVENT_LIMITS.description,
      multiline: true,
    }),
    {
      type: 'input',
      block_id: EVENT_INPUT.channel.block,
      label: plain(m.channel, 2000),
      element: {
        type: 'conversations_select',
        action_id: EVENT_INPUT.channel.action,
        filter: {
          include: ['public', 'private'],
          exclude_bot_users: true,
          exclude_external_shared_channels: true,
        },
        ...(channel === undefined ? {} : { initial_conversation: channel }),
      },
    },
    {
      type: 'input',
      block_id: EVENT_INPUT.capacity.block,
      optional: true,
      label: plain(m.capacity, 2000),
      hint: plain(m.capacityHint, 2000),
      element: {
        type: 'number_input',
        action_id: EVENT_INPUT.capacity.action,
        is_decimal_allowed: false,
        min_value: '1',
        ...(event?.capacity === null || event?.capacity === undefined
          ? {}
          : { initial_value: String(event.capacity) }),
      },
    },
    textInput(EVENT_INPUT.tags, m.tags, {
      initial: event?.tags.map((tag) => tagLabel(tag, locale)).join(', '),
      hint: m.tagsHint,
      max: MAX_TAG_LIST_LENGTH,
    }),
    {
      type: 'input',
      block_id: EVENT_INPUT.reminders.block,
      optional: true,
      label: plain(m.reminders, 2000),
      element: {
        type: 'checkboxes',
        action_id: EVENT_INPUT.reminders.action,
        options: reminderOptions,
        ...(initialReminders.length === 0 ? {} : { initial_options: initialReminders }),
      },
    },
  ];
  const metadata: EventModalMetadata = { eventId: event?.id ?? null };
  return {
    type: 'modal',
    callback_id: VIEW.event,
    private_metadata: JSON.stringify(metadata),
    title: plain(event === undefined ? m.modalNewTitle : m.modalEditTitle, 24),
    submit: plain(common.save, 24),
    close: plain(common.cancel, 24),
    blocks,
  };
}
