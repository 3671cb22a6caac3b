import type { KnownBlock } from '../blockKit';

/** A message as every surface sends it: `text` is the notification and screen-reader fallback. */
export interface SlackMessage {
  readonly text: string;
  readonly blocks?: KnownBlock[];
}

export function textMessage(text: string): SlackMessage {
  return { text };
}
