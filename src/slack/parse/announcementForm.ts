import type { ChannelRefused } from '../../audience/types';
import { messages, type Locale } from '../../i18n';
import { checkAnnouncement } from '../../announcements/service';
import {
  ANNOUNCEMENT_LIMITS,
  repeatSchema,
  type AnnouncementInput,
  type AnnouncementProblem,
} from '../../announcements/types';
import { ANNOUNCE_INPUT } from '../ids';
import { channelRefusal } from './channelRefusal';
import type { FieldErrors } from './profileForm';
import {
  parseViewState,
  selectedConversation,
  selectedDateTime,
  selectedValue,
  textValue,
} from './viewState';

export type AnnouncementFormResult =
  | { readonly ok: true; readonly input: AnnouncementInput }
  | { readonly ok: false; readonly errors: FieldErrors };

function problemText(problem: AnnouncementProblem, locale: Locale): [string, string] {
  const e = messages(locale).announcements.errors;
  switch (problem.field) {
    case 'channel':
      return [ANNOUNCE_INPUT.channel.block, e.channelMissing];
    case 'text':
      return [
        ANNOUNCE_INPUT.text.block,
        problem.problem === 'empty' ? e.textEmpty : e.textTooLong(ANNOUNCEMENT_LIMITS.text),
      ];
    case 'first_at':
      return [
        ANNOUNCE_INPUT.postAt.block,
        problem.problem === 'missing'
          ? e.firstAtMissing
          : problem.problem === 'invalid'
            ? e.firstAtInvalid
            : e.firstAtInPast,
      ];
    case 'cron':
      return [
        ANNOUNCE_INPUT.cron.block,
        problem.problem === 'missing'
          ? e.cronMissing
          : problem.problem === 'invalid'
            ? e.cronInvalid
            : e.cronNever,
      ];
  }
}

/** The channel field's error when the organizer may not post there: the event form's mapping, in the announcement's words. */
export function announcementChannelRefusal(reason: ChannelRefused['reason'], locale: Locale): FieldErrors {
  return channelRefusal(reason, ANNOUNCE_INPUT.channel.block, messages(locale).announcements.errors);
}

export function parseAnnouncementForm(
  values: unknown,
  locale: Locale,
  now: Date,
  timeZone: string,
): AnnouncementFormResult {
  const state = parseViewState(values);
  const repeat = repeatSchema.safeParse(selectedValue(state, ANNOUNCE_INPUT.repeat) ?? 'none');
  const cronText = textValue(state, ANNOUNCE_INPUT.cron);
  const draft: Partial<AnnouncementInput> = {
    channel: selectedConversation(state, ANNOUNCE_INPUT.channel),
    text: textValue(state, ANNOUNCE_INPUT.text),
    firstAt: selectedDateTime(state, ANNOUNCE_INPUT.postAt),
    repeat: repeat.success ? repeat.data : 'none',
    cron: cronText === '' ? null : cronText,
  };
  const errors: FieldErrors = {};
  if (!repeat.success) errors[ANNOUNCE_INPUT.repeat.block] = messages(locale).profile.errors.invalidChoice;
  for (const problem of checkAnnouncement(draft, now, timeZone)) {
    const [block, text] = problemText(problem, locale);
    errors[block] ??= text;
  }
  const { channel, text, firstAt } = draft;
  if (
    Object.keys(errors).length > 0 ||
    channel === undefined ||
    text === undefined ||
    firstAt === undefined ||
    !repeat.success
  ) {
    return { ok: false, errors };
  }
  return {
    ok: true,
    input: {
      channel,
      text: text.trim(),
      firstAt,
      repeat: repeat.data,
      cron: repeat.data === 'cron' ? (draft.cron ?? null) : null,
    },
  };
}
