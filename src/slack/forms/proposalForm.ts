import { z } from 'zod';
import { messages, type Locale } from '../../i18n';
import { DECLINE_REASON_MAX } from '../../supporters/types';
import type { ModalView } from '../blockKit';
import { VIEW } from '../ids';
import { formModal } from '../views/doneModal';
import { declareForm, type FieldErrors } from './declare';
import { textField } from './fields';
import { readMetadata } from './metadata';

/** An organizer declining a supporter's proposal: the reason is optional, and shown to the supporter. */
export const declineProposalForm = declareForm<{ readonly locale: Locale }>()('proposal.decline', {
  reason: textField({
    max: DECLINE_REASON_MAX,
    multiline: true,
    label: (c) => messages(c.locale).supporters.reasonLabel,
  }),
});

const metadataSchema = z.object({ proposalId: z.number().int().positive() });

export function declineProposalModal(proposalId: number, title: string, locale: Locale): ModalView {
  const m = messages(locale).supporters;
  return formModal(locale, {
    callbackId: VIEW.proposalDecline,
    metadata: { proposalId },
    title: m.declineTitle,
    submit: m.declineSubmit,
    lead: title,
    blocks: declineProposalForm.blocks({ locale }),
  });
}

export function proposalIdFromMetadata(privateMetadata: string): number | undefined {
  return readMetadata(metadataSchema, privateMetadata)?.proposalId;
}

/** The reason (null when left empty), or the field's error. */
export function parseDeclineProposalForm(
  values: unknown,
  locale: Locale,
): { ok: true; reason: string | null } | { ok: false; errors: FieldErrors } {
  const read = declineProposalForm.submitted(values);
  const reason = read.reason.trim();
  if (reason.length > DECLINE_REASON_MAX)
    return {
      ok: false,
      errors: declineProposalForm.errors({
        reason: messages(locale).supporters.reasonTooLong(DECLINE_REASON_MAX),
      }),
    };
  return { ok: true, reason: reason === '' ? null : reason };
}
