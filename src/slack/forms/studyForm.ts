import { messages, type Locale } from '../../i18n';
import { MAX_TAG_LIST_LENGTH, type TagProblem } from '../../interests/tags';
import {
  STUDY_LIMITS,
  STUDY_RHYTHMS,
  checkStudy,
  studyRhythmSchema,
  type StudyFieldProblem,
  type StudyInput,
} from '../../study/types';
import type { ModalView } from '../blockKit';
import { VIEW } from '../ids';
import { tagProblemText, type FieldErrors } from '../parse/profileForm';
import { declareForm } from './declare';
import { choiceField, textField, wholeNumberField } from './fields';
import { formModal } from '../views/doneModal';

interface StudyFormContext {
  readonly locale: Locale;
}

const words = (context: StudyFormContext) => messages(context.locale).study;

/** The study-group proposal form, declared once: its blocks, how it is read, and where its errors go. */
export const studyForm = declareForm<StudyFormContext>()('study', {
  topic: textField({
    optional: false,
    max: STUDY_LIMITS.topic,
    label: (c) => words(c).topicLabel,
    placeholder: (c) => words(c).topicPlaceholder,
  }),
  tags: textField({
    optional: false,
    max: MAX_TAG_LIST_LENGTH,
    label: (c) => words(c).tagsLabel,
    hint: (c) => words(c).tagsHint(STUDY_LIMITS.tags),
  }),
  minMembers: wholeNumberField({
    optional: false,
    min: STUDY_LIMITS.minMembers,
    max: STUDY_LIMITS.maxMembers,
    initial: () => STUDY_LIMITS.defaultMembers,
    label: (c) => words(c).minLabel,
    hint: (c) => words(c).minHint(STUDY_LIMITS.minMembers, STUDY_LIMITS.maxMembers, STUDY_LIMITS.lapseDays),
  }),
  rhythm: choiceField({
    style: 'radio_buttons',
    optional: false,
    initial: () => 'weekly',
    label: (c) => words(c).rhythmLabel,
    choices: (c) => STUDY_RHYTHMS.map((rhythm) => ({ value: rhythm, text: words(c).rhythms[rhythm] })),
  }),
});

export function studyModal(locale: Locale): ModalView {
  const m = messages(locale);
  return formModal(locale, {
    callbackId: VIEW.study,
    title: m.study.modalTitle,
    submit: m.study.propose,
    blocks: studyForm.blocks({ locale }),
  });
}

function problemText(problem: StudyFieldProblem, locale: Locale): string {
  const e = messages(locale).study.errors;
  switch (problem.field) {
    case 'topic':
      return problem.problem === 'empty' ? e.topicEmpty : e.topicTooLong(STUDY_LIMITS.topic);
    case 'tags':
      return problem.problem === 'too_many' ? e.tooManyTags(STUDY_LIMITS.tags) : e.tagsNeeded;
    case 'minMembers':
      return e.minRange(STUDY_LIMITS.minMembers, STUDY_LIMITS.maxMembers);
    case 'rhythm':
      return e.rhythmMissing;
  }
}

export type StudyFormResult =
  { readonly ok: true; readonly input: StudyInput } | { readonly ok: false; readonly errors: FieldErrors };

/** Reads and checks the form; every problem is shown on its own field, and nothing is saved until all are fixed. */
export function parseStudyForm(
  values: unknown,
  locale: Locale,
  parseTags: (text: string) => { ok: true; tags: string[] } | { ok: false; problem: TagProblem },
): StudyFormResult {
  const read = studyForm.submitted(values);
  const problems: { [K in StudyFieldProblem['field']]?: string } = {};
  const tags = parseTags(read.tags);
  if (!tags.ok) problems.tags = tagProblemText(tags.problem, locale);
  const rhythm = studyRhythmSchema.safeParse(read.rhythm);
  const draft = {
    topic: read.topic,
    tags: tags.ok ? tags.tags : [],
    minMembers: /^\d{1,3}$/.test(read.minMembers) ? Number(read.minMembers) : Number.NaN,
    rhythm: rhythm.success ? rhythm.data : undefined,
  };
  for (const problem of checkStudy(draft)) {
    // An unreadable tag list says so itself; "add a tag" would only confuse.
    if (problem.field === 'tags' && problems.tags !== undefined) continue;
    problems[problem.field] ??= problemText(problem, locale);
  }
  if (Object.keys(problems).length > 0 || draft.rhythm === undefined)
    return { ok: false, errors: studyForm.errors(problems) };
  return {
    ok: true,
    input: {
      topic: draft.topic.trim(),
      tags: draft.tags,
      minMembers: draft.minMembers,
      rhythm: draft.rhythm,
    },
  };
}
