import type { Button } from '../blockKit';
import { plain } from './text';

/** A button that carries an id (or any short value) back to its listener; its text within 75 characters. */
export function actionButton(
  actionId: string,
  text: string,
  value: string | number,
  style?: 'primary' | 'danger',
): Button {
  return {
    type: 'button',
    action_id: actionId,
    text: plain(text, 75),
    value: String(value),
    ...(style === undefined ? {} : { style }),
  };
}
