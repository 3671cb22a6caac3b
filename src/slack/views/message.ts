import type { KnownBlock } from '../blockKit';
import { mrkdwn, plain } from './text';

/** A message as every surface sends it: `text` is the notification and screen-reader fallback. */
export interface SlackMessage {
  readonly text: string;
  readonly blocks?: KnownBlock[];
}

export function textMessage(text: string): SlackMessage {
  return { text };
}

/**
 * A DM that leads to a form. A message has no trigger_id, so a modal cannot open from it
 * directly: the member presses the button, whose press carries one.
 */
export function openFormMessage(
  lead: string,
  button: { actionId: string; text: string; value: string },
): SlackMessage {
  return {
    text: lead,
    blocks: [
      { type: 'section', text: mrkdwn(lead) },
      {
        type: 'actions',
        elements: [
          {
            type: 'button',
            action_id: button.actionId,
            style: 'primary',
            text: plain(button.text, 75),
            value: button.value,
          },
        ],
      },
    ],
  };
}
