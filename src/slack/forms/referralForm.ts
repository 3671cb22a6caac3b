import { z } from 'zod';
import { messages, type Locale } from '../../i18n';
import { checkReferral } from '../../jobs/rules';
import { REFERRAL_LIMITS, type Job, type ReferralFieldProblem, type ReferralInput } from '../../jobs/types';
import type { ModalView } from '../blockKit';
import { VIEW } from '../ids';
import { escapeMrkdwn, truncate } from '../views/text';
import { declareForm, nullIfEmpty, type FieldErrors } from './declare';
import { textField } from './fields';
import { readMetadata } from './metadata';
import { formModal } from '../views/doneModal';

const words = (context: { readonly locale: Locale }) => messages(context.locale).jobs;

/** "Refer someone" for a role, declared once like the role form. */
export const referralForm = declareForm<{ readonly locale: Locale }>()('referral', {
  name: textField({ optional: false, max: REFERRAL_LIMITS.name, label: (c) => words(c).referName }),
  contact: textField({
    optional: false,
    max: REFERRAL_LIMITS.contact,
    label: (c) => words(c).referContact,
    placeholder: (c) => words(c).referContactPlaceholder,
  }),
  relationship: textField({
    max: REFERRAL_LIMITS.relationship,
    label: (c) => words(c).referRelationship,
    placeholder: (c) => words(c).referRelationshipPlaceholder,
  }),
  note: textField({ max: REFERRAL_LIMITS.note, multiline: true, label: (c) => words(c).referNote }),
});

export type ReferralFormResult =
  { readonly ok: true; readonly input: ReferralInput } | { readonly ok: false; readonly errors: FieldErrors };

export interface ReferralModalMetadata {
  readonly jobId: number;
}

const metadataSchema = z.object({ jobId: z.number().int().positive() });

/** The role a referral modal was opened for; undefined when the metadata was tampered with. */
export function jobIdFromReferralMetadata(privateMetadata: string): number | undefined {
  return readMetadata(metadataSchema, privateMetadata)?.jobId;
}

export function referralModal(job: Job, locale: Locale): ModalView {
  const m = messages(locale).jobs;
  const metadata: ReferralModalMetadata = { jobId: job.id };
  return formModal(locale, {
    callbackId: VIEW.referral,
    metadata,
    title: m.referModalTitle,
    submit: m.referSubmit,
    lead: m.referIntro(escapeMrkdwn(truncate(job.title, 150))),
    blocks: referralForm.blocks({ locale }),
  });
}

function problemText(problem: ReferralFieldProblem, locale: Locale): string {
  const e = messages(locale).jobs.referErrors;
  switch (problem.field) {
    case 'name':
      return problem.problem === 'empty' ? e.nameEmpty : e.tooLong(REFERRAL_LIMITS.name);
    case 'contact':
      return problem.problem === 'empty' ? e.contactEmpty : e.tooLong(REFERRAL_LIMITS.contact);
    case 'relationship':
      return e.tooLong(REFERRAL_LIMITS.relationship);
    case 'note':
      return e.tooLong(REFERRAL_LIMITS.note);
  }
}

export function parseReferralForm(values: unknown, locale: Locale): ReferralFormResult {
  const read = referralForm.readLenient(values);
  const input: ReferralInput = {
    candidateName: read.name,
    contact: read.contact,
    relationship: nullIfEmpty(read.relationship),
    note: nullIfEmpty(read.note),
  };
  // The domain's field names are the form's.
  const problems: { [K in ReferralFieldProblem['field']]?: string } = {};
  for (const problem of checkReferral(input)) problems[problem.field] ??= problemText(problem, locale);
  return Object.keys(problems).length > 0
    ? { ok: false, errors: referralForm.errors(problems) }
    : { ok: true, input };
}
