import { z } from 'zod';
import type { ChannelRefused } from '../../audience/types';
import { checkAnnouncement } from '../../announcements/service';
import {
  ANNOUNCEMENT_LIMITS,
  REPEATS,
  repeatSchema,
  type Announcement,
  type AnnouncementInput,
  type AnnouncementProblem,
} from '../../announcements/types';
import { messages, type Locale } from '../../i18n';
import type { ModalView } from '../blockKit';
import { VIEW } from '../ids';
import { channelRefusal } from '../parse/channelRefusal';
import { declareForm, nullIfEmpty, textFor, type FieldErrors } from './declare';
import { channelField, choiceField, dateTimeField, textField } from './fields';
import { readMetadata } from './metadata';
import { formModal } from '../views/doneModal';

/** Whom the announcement form is drawn for, and the announcement it edits (none for a new one). */
export interface AnnouncementFormContext {
  readonly locale: Locale;
  readonly defaultChannel: string | undefined;
  readonly now: Date;
  readonly announcement?: Announcement;
}

const words = (context: AnnouncementFormContext) => messages(context.locale).announcements;

/** The next full hour: a sensible time to offer, and never in the past. */
function nextHour(now: Date): Date {
  return new Date(Math.ceil((now.getTime() + 60_000) / 3_600_000) * 3_600_000);
}

/** The announcement form, declared once: its blocks, how it is read, and where its errors go. */
export const announcementForm = declareForm<AnnouncementFormContext>()('announce', {
  channel: channelField({
    optional: false,
    label: (c) => words(c).channel,
    initial: (c) => c.announcement?.channel ?? c.defaultChannel,
  }),
  text: textField({
    optional: false,
    multiline: true,
    max: ANNOUNCEMENT_LIMITS.text,
    label: (c) => words(c).text,
    hint: (c) => words(c).textHint,
    initial: (c) => c.announcement?.text,
  }),
  postAt: dateTimeField({
    optional: false,
    label: (c) => words(c).postAt,
    // Editing offers the next post; one that will post no more offers a new time, like a new one.
    initial: (c) => c.announcement?.nextAt ?? nextHour(c.now),
  }),
  repeat: choiceField({
    style: 'static_select',
    optional: false,
    label: (c) => words(c).repeat,
    choices: (c) => REPEATS.map((repeat) => ({ value: repeat, text: words(c).repeatOption[repeat] })),
    initial: (c) => c.announcement?.repeat ?? REPEATS[0],
  }),
  cron: textField({
    max: ANNOUNCEMENT_LIMITS.cron,
    label: (c) => words(c).cron,
    hint: (c) => words(c).cronHint,
    placeholder: () => '0 9 * * 1',
    initial: (c) => c.announcement?.cron,
  }),
});

const metadataSchema = z.object({ announcementId: z.number().int().positive() });

/** The announcement an edit form was opened for; undefined for a new one (or tampered metadata). */
export function announcementIdFromMetadata(privateMetadata: string): number | undefined {
  return readMetadata(metadataSchema, privateMetadata)?.announcementId;
}

/** `/alumni announce`, or the same form filled with an existing announcement. */
export function announcementModal(
  locale: Locale,
  defaultChannel: string | undefined,
  now: Date,
  initial?: Announcement,
): ModalView {
  const m = messages(locale).announcements;
  return formModal(locale, {
    callbackId: VIEW.announcement,
    ...(initial === undefined ? {} : { metadata: { announcementId: initial.id } }),
    title: initial === undefined ? m.modalTitle : m.modalEditTitle,
    blocks: announcementForm.blocks({ locale, defaultChannel, now, announcement: initial }),
  });
}

export type AnnouncementFormResult =
  | { readonly ok: true; readonly input: AnnouncementInput }
  | { readonly ok: false; readonly errors: FieldErrors };

type AnnouncementField = keyof typeof announcementForm.ids;

function problemText(problem: AnnouncementProblem, locale: Locale): [AnnouncementField, string] {
  const e = messages(locale).announcements.errors;
  switch (problem.field) {
    case 'channel':
      return ['channel', e.channelMissing];
    case 'text':
      return ['text', problem.problem === 'empty' ? e.textEmpty : e.textTooLong(ANNOUNCEMENT_LIMITS.text)];
    case 'first_at':
      return [
        'postAt',
        textFor(problem.problem, {
          missing: e.firstAtMissing,
          invalid: e.firstAtInvalid,
          in_past: e.firstAtInPast,
        }),
      ];
    case 'cron':
      return [
        'cron',
        textFor(problem.problem, { missing: e.cronMissing, invalid: e.cronInvalid, never: e.cronNever }),
      ];
  }
}

/** The channel field's error when the organizer may not post there: the event form's mapping, in the announcement's words. */
export function announcementChannelRefusal(reason: ChannelRefused['reason'], locale: Locale): FieldErrors {
  return channelRefusal(reason, announcementForm.ids.channel.block, messages(locale).announcements.errors);
}

export function parseAnnouncementForm(
  values: unknown,
  locale: Locale,
  now: Date,
  timeZone: string,
): AnnouncementFormResult {
  const read = announcementForm.readLenient(values);
  const repeat = repeatSchema.safeParse(read.repeat ?? 'none');
  const draft: Partial<AnnouncementInput> = {
    channel: read.channel,
    text: read.text,
    firstAt: read.postAt,
    repeat: repeat.success ? repeat.data : 'none',
    cron: nullIfEmpty(read.cron),
  };
  const problems: { [K in AnnouncementField]?: string } = {};
  if (!repeat.success) problems.repeat = messages(locale).profile.errors.invalidChoice;
  for (const problem of checkAnnouncement(draft, now, timeZone)) {
    const [field, text] = problemText(problem, locale);
    problems[field] ??= text;
  }
  const { channel, text, firstAt } = draft;
  if (
    Object.keys(problems).length > 0 ||
    channel === undefined ||
    text === undefined ||
    firstAt === undefined ||
    !repeat.success
  ) {
    return { ok: false, errors: announcementForm.errors(problems) };
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
