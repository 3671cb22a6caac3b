import { z } from 'zod';
import { JOIN_LIMITS, type EligibilityAnswers, type JoinInput, type JoinRequest } from '../../approval/types';
import { messages, type Locale } from '../../i18n';
import type { EligibilityFact } from '../../onboarding/community';
import type { ModalView } from '../blockKit';
import { VIEW } from '../ids';
import { formModal } from '../views/doneModal';
import { escapeMrkdwn, mrkdwn } from '../views/text';
import { declareForm, type DeclaredForm, type Field, type FieldErrors } from './declare';
import { textField } from './fields';
import { readMetadata } from './metadata';

// The newcomer's eligibility form (its facts are the community text's), and the admin's two
// one-note forms (ask for more, decline with a reason).

interface JoinContext {
  readonly locale: Locale;
  /** The request being answered (asked for more): its answers fill the form again. */
  readonly request: JoinRequest | undefined;
}

type JoinForm = DeclaredForm<Record<string, Field<string, JoinContext>>, JoinContext>;

const EMPLOYEE_ID = /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/;
/** The employee id's field; each fact's field is `fact_<id>` (block `join.fact_<id>`), so none can collide. */
const EMPLOYEE_FIELD = 'employeeId';
const factField = (fact: EligibilityFact): string => `fact_${fact.id}`;

const forms = new Map<string, JoinForm>();

/** The form for these facts, declared once per set of facts (the community text is loaded once). */
export function eligibilityForm(facts: readonly EligibilityFact[]): JoinForm {
  const key = JSON.stringify(facts);
  const known = forms.get(key);
  if (known !== undefined) return known;
  const fields: Record<string, Field<string, JoinContext>> = {};
  for (const fact of facts)
    fields[factField(fact)] = textField<JoinContext>({
      optional: false,
      max: JOIN_LIMITS.fact,
      label: (c) => fact[c.locale],
      initial: (c) => c.request?.facts[fact.id],
    });
  fields[EMPLOYEE_FIELD] = textField<JoinContext>({
    max: JOIN_LIMITS.employeeId,
    label: (c) => messages(c.locale).approval.employeeId,
    hint: (c) => messages(c.locale).approval.employeeIdHint,
    initial: (c) => c.request?.employeeId,
  });
  const form = declareForm<JoinContext>()('join', fields);
  forms.set(key, form);
  return form;
}

export function eligibilityModal(
  facts: readonly EligibilityFact[],
  community: string,
  locale: Locale,
  request: JoinRequest | undefined,
): ModalView {
  const m = messages(locale).approval;
  const question = request?.status === 'asked' ? request.question : null;
  return formModal(locale, {
    callbackId: VIEW.join,
    title: m.modalTitle,
    submit: m.sendButton,
    blocks: [
      { type: 'section', text: mrkdwn(m.formLead(community)) },
      ...(question === null
        ? []
        : [{ type: 'section' as const, text: mrkdwn(m.formAskedLead(escapeMrkdwn(question))) }]),
      ...eligibilityForm(facts).blocks({ locale, request }),
    ],
  });
}

/** The facts and employee id typed, or each field's error; nothing is saved on an error. */
export function parseEligibilityForm(
  facts: readonly EligibilityFact[],
  values: unknown,
  locale: Locale,
): { ok: true; input: JoinInput } | { ok: false; errors: FieldErrors } {
  const form = eligibilityForm(facts);
  const read = form.submitted(values);
  const m = messages(locale).approval;
  const problems: Record<string, string> = {};
  const answers: Record<string, string> = {};
  for (const fact of facts) {
    const text = read[factField(fact)] ?? '';
    if (text === '') problems[factField(fact)] = m.factEmpty;
    else if (text.length > JOIN_LIMITS.fact) problems[factField(fact)] = m.factTooLong(JOIN_LIMITS.fact);
    else answers[fact.id] = text;
  }
  const employeeId = read[EMPLOYEE_FIELD] ?? '';
  if (employeeId !== '' && !EMPLOYEE_ID.test(employeeId)) problems[EMPLOYEE_FIELD] = m.employeeIdBad;
  if (Object.keys(problems).length > 0) return { ok: false, errors: form.errors(problems) };
  const factsGiven: EligibilityAnswers = answers;
  return { ok: true, input: { facts: factsGiven, employeeId: employeeId === '' ? null : employeeId } };
}

/** An admin's note on a request: the question (ask for more) or the reason (decline). */
export const joinNoteForm = declareForm<{ readonly locale: Locale; readonly kind: 'ask' | 'decline' }>()(
  'join.note',
  {
    note: textField({
      optional: false,
      max: JOIN_LIMITS.note,
      multiline: true,
      label: (c) =>
        c.kind === 'ask' ? messages(c.locale).approval.askLabel : messages(c.locale).approval.declineLabel,
    }),
  },
);

const noteMetadataSchema = z.object({ userId: z.string().regex(/^[UW][A-Z0-9]{2,}$/) });

export function joinNoteModal(kind: 'ask' | 'decline', userId: string, locale: Locale): ModalView {
  const m = messages(locale).approval;
  return formModal(locale, {
    callbackId: kind === 'ask' ? VIEW.joinAsk : VIEW.joinDecline,
    metadata: { userId },
    title: kind === 'ask' ? m.askTitle : m.declineTitle,
    submit: kind === 'ask' ? m.sendButton : m.declineButton,
    blocks: joinNoteForm.blocks({ locale, kind }),
  });
}

export function userIdFromNoteMetadata(privateMetadata: string): string | undefined {
  return readMetadata(noteMetadataSchema, privateMetadata)?.userId;
}

/** The admin's note, or the field's error. */
export function parseJoinNote(
  values: unknown,
  locale: Locale,
): { ok: true; note: string } | { ok: false; errors: FieldErrors } {
  const read = joinNoteForm.submitted(values);
  const m = messages(locale).approval;
  if (read.note === '') return { ok: false, errors: joinNoteForm.errors({ note: m.noteEmpty }) };
  if (read.note.length > JOIN_LIMITS.note)
    return { ok: false, errors: joinNoteForm.errors({ note: m.noteTooLong(JOIN_LIMITS.note) }) };
  return { ok: true, note: read.note };
}
