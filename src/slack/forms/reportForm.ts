import { z } from 'zod';
import { messages, type Locale } from '../../i18n';
import { readReason, REPORT_LIMITS, type ReportedMessage, type ReportInput } from '../../moderation/types';
import type { KnownBlock, ModalView } from '../blockKit';
import { VIEW } from '../ids';
import { parsePermalink } from '../parse/permalink';
import { mrkdwn, truncate } from '../views/text';
import { declareForm, type FieldErrors } from './declare';
import { checkboxesField, choiceField, textField } from './fields';
import { readMetadata } from './metadata';
import { formModal } from '../views/doneModal';

/** Whom the report form is drawn for, and whether the message is known or its link is asked for. */
export interface ReportFormContext {
  readonly locale: Locale;
  /** The code of conduct's points, in the reader's language: each is a reason to pick. */
  readonly conduct: readonly string[];
  /** From `report` in a DM: the form asks for the message's link (prefilled when one was given). */
  readonly askLink: boolean;
  readonly link?: string;
}

const words = (context: ReportFormContext) => messages(context.locale).moderation;

/** The value the share-identity checkbox sends when ticked. */
const SHARE = 'share';

/** The report form, declared once: its blocks, how it is read, and where its errors go. */
export const reportForm = declareForm<ReportFormContext>()('report', {
  link: textField({
    optional: false,
    max: 500,
    shown: (c) => c.askLink,
    initial: (c) => c.link,
    label: (c) => words(c).linkLabel,
    hint: (c) => words(c).linkHint,
  }),
  reason: choiceField({
    style: 'radio_buttons',
    optional: false,
    label: (c) => words(c).reasonLabel,
    hint: (c) => words(c).reasonHint,
    choices: (c) => [
      ...c.conduct.map((point, index) => ({ value: `conduct:${index}`, text: truncate(point, 75) })),
      { value: 'other', text: words(c).reasonOther },
    ],
  }),
  note: textField({
    max: REPORT_LIMITS.note,
    multiline: true,
    label: (c) => words(c).noteLabel,
    placeholder: (c) => words(c).notePlaceholder,
  }),
  share: checkboxesField({
    label: (c) => words(c).shareLabel,
    hint: (c) => words(c).shareHint,
    choices: (c) => [{ value: SHARE, text: words(c).shareChoice }],
  }),
});

/**
 * Where the form came from: the shortcut, which knows the message (its author too), or `report`,
 * whose form asks for a link. Slack hands private_metadata back as sent; a forged one can at worst
 * name another message or author, which the moderators see through the card's link.
 */
const metadataSchema = z.union([
  z.object({
    source: z.literal('shortcut'),
    channel: z.string().regex(/^[CGD][A-Z0-9]{2,}$/),
    ts: z.string().regex(/^\d{10}\.\d{6}$/),
    author: z
      .string()
      .regex(/^[UWB][A-Z0-9]{2,}$/)
      .nullable(),
  }),
  z.object({ source: z.literal('link') }),
]);
export type ReportOrigin = z.infer<typeof metadataSchema>;

export function reportModal(origin: ReportOrigin, context: ReportFormContext): ModalView {
  const m = messages(context.locale).moderation;
  const blocks: KnownBlock[] = [
    { type: 'context', elements: [mrkdwn(m.intro)] },
    ...reportForm.blocks({ ...context, askLink: origin.source === 'link' }),
  ];
  return formModal(context.locale, {
    callbackId: VIEW.report,
    metadata: origin,
    title: m.modalTitle,
    submit: m.submit,
    blocks,
  });
}

/** The origin the modal was opened with; undefined when the metadata was tampered with. */
export function reportOrigin(privateMetadata: string): ReportOrigin | undefined {
  return readMetadata(metadataSchema, privateMetadata);
}

/** What the form says, before the message's author and permalink are looked up for a link. */
export interface ReportDraft {
  readonly message: { readonly channelId: string; readonly ts: string; readonly authorId: string | null };
  /** The link typed, for a report made from one. */
  readonly link: string | null;
  readonly input: Omit<ReportInput, 'message'>;
}

export type ReportFormResult =
  { readonly ok: true; readonly draft: ReportDraft } | { readonly ok: false; readonly errors: FieldErrors };

/** Reads and checks the form; every problem is shown on its own field, and nothing is saved until all are fixed. */
export function parseReportForm(
  values: unknown,
  origin: ReportOrigin,
  locale: Locale,
  conductPoints: number,
): ReportFormResult {
  const read = reportForm.submitted(values);
  const m = messages(locale).moderation;
  const problems: { link?: string; reason?: string; note?: string } = {};
  let message: ReportDraft['message'] | undefined;
  let link: string | null = null;
  if (origin.source === 'shortcut') {
    message = { channelId: origin.channel, ts: origin.ts, authorId: origin.author };
  } else {
    const linked = read.link === '' ? undefined : parsePermalink(read.link);
    if (linked === undefined) problems.link = read.link === '' ? m.linkMissing : m.badLink;
    else {
      message = { channelId: linked.channelId, ts: linked.ts, authorId: null };
      link = linked.url;
    }
  }
  const reason = readReason(read.reason, conductPoints);
  if (reason === undefined) problems.reason = m.reasonMissing;
  if (read.note.length > REPORT_LIMITS.note) problems.note = m.noteTooLong(REPORT_LIMITS.note);
  if (Object.keys(problems).length > 0 || message === undefined || reason === undefined)
    return { ok: false, errors: reportForm.errors(problems) };
  return {
    ok: true,
    draft: {
      message,
      link,
      input: { reason, note: read.note === '' ? null : read.note, shareIdentity: read.share.includes(SHARE) },
    },
  };
}

/**
 * The message as the report is first saved: from the shortcut with its author, from a link with the
 * link itself. Slack's permalink (and the author of a linked message) are filled in after the ack.
 */
export function reportedMessage(draft: ReportDraft): ReportedMessage {
  return { ...draft.message, permalink: draft.link };
}

/** The moderator's resolve form: one note, required. */
export const resolveReportForm = declareForm<{ readonly locale: Locale }>()('report.resolve', {
  note: textField({
    optional: false,
    max: REPORT_LIMITS.resolution,
    multiline: true,
    label: (c) => messages(c.locale).moderation.resolveLabel,
  }),
});

const resolveMetadataSchema = z.object({ reportId: z.number().int().positive() });

export function resolveReportModal(reportId: number, locale: Locale): ModalView {
  const m = messages(locale).moderation;
  return formModal(locale, {
    callbackId: VIEW.reportResolve,
    metadata: { reportId },
    title: m.resolveTitle,
    submit: m.resolveButton,
    lead: m.resolveLead(reportId),
    blocks: resolveReportForm.blocks({ locale }),
  });
}

export function reportIdFromResolveMetadata(privateMetadata: string): number | undefined {
  return readMetadata(resolveMetadataSchema, privateMetadata)?.reportId;
}

/** The resolve note, or the field's error. */
export function parseResolveReportForm(
  values: unknown,
  locale: Locale,
): { ok: true; note: string } | { ok: false; errors: FieldErrors } {
  const read = resolveReportForm.submitted(values);
  const m = messages(locale).moderation;
  if (read.note === '') return { ok: false, errors: resolveReportForm.errors({ note: m.resolveEmpty }) };
  if (read.note.length > REPORT_LIMITS.resolution)
    return {
      ok: false,
      errors: resolveReportForm.errors({ note: m.resolveTooLong(REPORT_LIMITS.resolution) }),
    };
  return { ok: true, note: read.note };
}
