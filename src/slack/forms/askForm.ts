import { z } from 'zod';
import { checkAsk } from '../../asks/rules';
import {
  ASK_AUDIENCES,
  ASK_KINDS,
  ASK_LIMITS,
  askAudienceSchema,
  askKindSchema,
  askTypeSchema,
  type AskFieldProblem,
  type AskInput,
  type AskType,
} from '../../asks/types';
import { messages, type Locale } from '../../i18n';
import { MAX_TAG_LIST_LENGTH, type TagProblem } from '../../interests/tags';
import type { ModalView } from '../blockKit';
import { VIEW } from '../ids';
import { tagProblemText } from './tagList';
import { declareForm, type FieldErrors } from './declare';
import { choiceField, textField, wholeNumberField } from './fields';
import { readMetadata } from './metadata';
import { formModal } from '../views/doneModal';

/** Whom the form is drawn for: the reader's language, and whether it is an ask or an offer. */
export interface AskFormContext {
  readonly locale: Locale;
  readonly type: AskType;
}

const words = (context: AskFormContext) => messages(context.locale).asks;

/** The ask and offer form, declared once: its blocks, how it is read, and where its errors go. */
export const askForm = declareForm<AskFormContext>()('ask', {
  kind: choiceField({
    style: 'static_select',
    optional: false,
    label: (c) => words(c).kindLabel,
    choices: (c) => ASK_KINDS.map((kind) => ({ value: kind, text: words(c).kinds[kind] })),
  }),
  title: textField({
    optional: false,
    max: ASK_LIMITS.title,
    label: (c) => words(c).titleLabel[c.type],
    placeholder: (c) => words(c).titlePlaceholder[c.type],
  }),
  details: textField({
    max: ASK_LIMITS.details,
    multiline: true,
    label: (c) => words(c).detailsLabel,
    placeholder: (c) => words(c).detailsPlaceholder,
  }),
  tags: textField({
    max: MAX_TAG_LIST_LENGTH,
    label: (c) => words(c).tagsLabel,
    hint: (c) => words(c).tagsHint(ASK_LIMITS.tags),
  }),
  audience: choiceField({
    style: 'radio_buttons',
    optional: false,
    initial: () => 'all',
    label: (c) => words(c).audienceLabel,
    choices: (c) =>
      ASK_AUDIENCES.map((audience) => ({ value: audience, text: words(c).audiences[audience] })),
  }),
  days: wholeNumberField({
    optional: false,
    min: ASK_LIMITS.minDays,
    max: ASK_LIMITS.maxDays,
    initial: () => ASK_LIMITS.defaultDays,
    label: (c) => words(c).daysLabel,
    hint: (c) => words(c).daysHint(ASK_LIMITS.minDays, ASK_LIMITS.maxDays, ASK_LIMITS.reminderDays),
  }),
});

const metadataSchema = z.object({ type: askTypeSchema });

export function askModal(type: AskType, locale: Locale): ModalView {
  const m = messages(locale);
  return formModal(locale, {
    callbackId: VIEW.ask,
    metadata: { type },
    title: m.asks.modalTitle[type],
    submit: m.asks.post,
    blocks: askForm.blocks({ locale, type }),
  });
}

/** Ask or offer, as the modal was opened; a tampered value reads as an ask. */
export function askTypeFromMetadata(privateMetadata: string): AskType {
  return readMetadata(metadataSchema, privateMetadata)?.type ?? 'ask';
}

function problemText(problem: AskFieldProblem, locale: Locale): string {
  const e = messages(locale).asks.errors;
  switch (problem.field) {
    case 'kind':
      return e.kindMissing;
    case 'title':
      return problem.problem === 'empty' ? e.titleEmpty : e.titleTooLong(ASK_LIMITS.title);
    case 'details':
      return e.detailsTooLong(ASK_LIMITS.details);
    case 'tags':
      return problem.problem === 'too_many' ? e.tooManyTags(ASK_LIMITS.tags) : e.tagsNeeded;
    case 'audience':
      return e.audienceMissing;
    case 'days':
      return e.daysRange(ASK_LIMITS.minDays, ASK_LIMITS.maxDays);
  }
}

export type AskFormResult =
  { readonly ok: true; readonly input: AskInput } | { readonly ok: false; readonly errors: FieldErrors };

/** Reads and checks the form; every problem is shown on its own field, and nothing is saved until all are fixed. */
export function parseAskForm(
  values: unknown,
  context: AskFormContext,
  parseTags: (text: string) => { ok: true; tags: string[] } | { ok: false; problem: TagProblem },
): AskFormResult {
  const read = askForm.submitted(values);
  const problems: { [K in AskFieldProblem['field']]?: string } = {};
  const tags = parseTags(read.tags);
  if (!tags.ok) problems.tags = tagProblemText(tags.problem, context.locale);
  const kind = askKindSchema.safeParse(read.kind);
  const audience = askAudienceSchema.safeParse(read.audience);
  const draft: Partial<AskInput> = {
    type: context.type,
    kind: kind.success ? kind.data : undefined,
    title: read.title,
    details: read.details === '' ? null : read.details,
    tags: tags.ok ? tags.tags : [],
    audience: audience.success ? audience.data : undefined,
    days: /^\d{1,3}$/.test(read.days) ? Number(read.days) : Number.NaN,
  };
  for (const problem of checkAsk(draft)) {
    // An unreadable tag list says so itself; "add a tag" would only confuse.
    if (problem.field === 'tags' && problems.tags !== undefined) continue;
    problems[problem.field] ??= problemText(problem, context.locale);
  }
  const { kind: k, title, audience: a, days } = draft;
  if (
    Object.keys(problems).length > 0 ||
    k === undefined ||
    title === undefined ||
    a === undefined ||
    days === undefined
  )
    return { ok: false, errors: askForm.errors(problems) };
  return {
    ok: true,
    input: {
      type: context.type,
      kind: k,
      title,
      details: draft.details ?? null,
      tags: draft.tags ?? [],
      audience: a,
      days,
    },
  };
}
