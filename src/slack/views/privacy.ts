import { messages, type Locale } from '../../i18n';
import type { Button, KnownBlock, ModalView } from '../blockKit';
import { ACTION, VIEW } from '../ids';
import type { SlackMessage } from './message';
import { mrkdwn, plain } from './text';
import { readingModal } from './doneModal';

function exportButton(locale: Locale): Button {
  return {
    type: 'button',
    action_id: ACTION.privacyExport,
    text: plain(messages(locale).privacy.exportButton, 75),
    value: 'export',
  };
}

function deleteButton(locale: Locale): Button {
  const m = messages(locale).privacy;
  return {
    type: 'button',
    action_id: ACTION.privacyDelete,
    style: 'danger',
    text: plain(m.deleteButton, 75),
    value: 'delete',
    confirm: {
      title: plain(m.deleteConfirmTitle, 100),
      text: plain(m.deleteConfirmText, 300),
      confirm: plain(m.deleteConfirmButton, 30),
      deny: plain(m.deleteCancelButton, 30),
      style: 'danger',
    },
  };
}

function privacyActions(
  locale: Locale,
  buttons: Button[] = [exportButton(locale), deleteButton(locale)],
): KnownBlock {
  return { type: 'actions', block_id: 'privacy.actions', elements: buttons };
}

export function privacyModal(locale: Locale): ModalView {
  const m = messages(locale);
  return readingModal(locale, VIEW.privacy, m.privacy.modalTitle, [
    { type: 'section', text: mrkdwn(m.privacy.explain) },
    privacyActions(locale),
  ]);
}

/** `privacy` with no verb: what is stored and the two buttons. */
export function privacyMessage(locale: Locale): SlackMessage {
  const m = messages(locale).privacy;
  return { text: m.explain, blocks: [{ type: 'section', text: mrkdwn(m.explain) }, privacyActions(locale)] };
}

/** `privacy delete` asks first: the erase happens only on the button, behind a confirm dialog. */
export function deleteAskMessage(locale: Locale): SlackMessage {
  const m = messages(locale).privacy;
  return {
    text: m.deleteAsk,
    blocks: [{ type: 'section', text: mrkdwn(m.deleteAsk) }, privacyActions(locale, [deleteButton(locale)])],
  };
}
