import { messages, type Locale } from '../../i18n';
import type { ModalView } from '../blockKit';
import { VIEW } from '../ids';
import { mrkdwn, plain } from './text';

/** What a modal turns into after a successful submission: a title, one line, and Close. */
export function doneModal(title: string, body: string, locale: Locale): ModalView {
  const m = messages(locale);
  return {
    type: 'modal',
    callback_id: VIEW.done,
    title: plain(title, 24),
    close: plain(m.common.close, 24),
    blocks: [{ type: 'section', text: mrkdwn(body) }],
  };
}
