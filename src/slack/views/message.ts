import type { Button, KnownBlock } from '../blockKit';
import { actionButton } from './buttons';
import { mrkdwn } from './text';

/** A message as every surface sends it: `text` is the notification and screen-reader fallback. */
export interface SlackMessage {
  readonly text: string;
  readonly blocks?: KnownBlock[];
}

export function textMessage(text: string): SlackMessage {
  return { text };
}

/** A line of text and a row of buttons under it. */
export function leadWithButtons(lead: string, buttons: Button[], blockId?: string): SlackMessage {
  return {
    text: lead,
    blocks: [
      { type: 'section', text: mrkdwn(lead) },
      { type: 'actions', ...(blockId === undefined ? {} : { block_id: blockId }), elements: buttons },
    ],
  };
}

/**
 * A DM that leads to a form. A message has no trigger_id, so a modal cannot open from it
 * directly: the member presses the button, whose press carries one.
 */
export function openFormMessage(
  lead: string,
  button: { actionId: string; text: string; value: string },
): SlackMessage {
  return leadWithButtons(lead, [actionButton(button.actionId, button.text, button.value, 'primary')]);
}
