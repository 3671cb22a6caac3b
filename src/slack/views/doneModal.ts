import { messages, type Locale } from '../../i18n';
import type { KnownBlock, ModalView } from '../blockKit';
import { VIEW } from '../ids';
import { mrkdwn, plain } from './text';

// Slack cuts a modal's title, submit and close labels at 24 characters; every modal is built here
// so that no caller can forget it.
const MODAL_LABEL = 24;

export interface FormModal {
  readonly callbackId: string;
  readonly title: string;
  /** The submit label; "Save" when not given. */
  readonly submit?: string;
  /** Sent back with the submission as private_metadata (JSON). */
  readonly metadata?: object;
  /** A paragraph above the form, saying what it is about. */
  readonly lead?: string;
  readonly blocks: KnownBlock[];
}

/** A modal with a form: its title, Save (or `submit`) and Cancel. */
export function formModal(locale: Locale, modal: FormModal): ModalView {
  const common = messages(locale).common;
  return {
    type: 'modal',
    callback_id: modal.callbackId,
    ...(modal.metadata === undefined ? {} : { private_metadata: JSON.stringify(modal.metadata) }),
    title: plain(modal.title, MODAL_LABEL),
    submit: plain(modal.submit ?? common.save, MODAL_LABEL),
    close: plain(common.cancel, MODAL_LABEL),
    blocks:
      modal.lead === undefined
        ? modal.blocks
        : [{ type: 'section', text: mrkdwn(modal.lead) }, ...modal.blocks],
  };
}

/** A modal to read and close, with no form. */
export function readingModal(
  locale: Locale,
  callbackId: string,
  title: string,
  blocks: KnownBlock[],
): ModalView {
  return {
    type: 'modal',
    callback_id: callbackId,
    title: plain(title, MODAL_LABEL),
    close: plain(messages(locale).common.close, MODAL_LABEL),
    blocks,
  };
}

/** What a modal turns into after a successful submission: a title, one line, and Close. */
export function doneModal(title: string, body: string, locale: Locale): ModalView {
  return readingModal(locale, VIEW.done, title, [{ type: 'section', text: mrkdwn(body) }]);
}
