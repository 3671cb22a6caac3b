import type { RespondFn, webApi } from '@slack/bolt';
import type { SlackMessage } from './views/message';

/** What every button listener has: enough to answer whoever pressed. */
export interface PressedButton {
  readonly body: { readonly response_url?: string; readonly user: { readonly id: string } };
  readonly respond: RespondFn;
  readonly client: webApi.WebClient;
}

function parts(message: SlackMessage): { text: string; blocks?: SlackMessage['blocks'] } {
  return message.blocks === undefined
    ? { text: message.text }
    : { text: message.text, blocks: message.blocks };
}

/**
 * An answer only the presser sees: ephemeral under the message the button sat in. A button
 * with no message behind it (Home tab, a modal) has no response_url, so the answer is a DM.
 */
export async function tellPresser(args: PressedButton, message: SlackMessage | string): Promise<void> {
  const body = parts(typeof message === 'string' ? { text: message } : message);
  if (args.body.response_url !== undefined)
    await args.respond({ response_type: 'ephemeral', replace_original: false, ...body });
  else await args.client.chat.postMessage({ channel: args.body.user.id, ...body });
}

/** Replaces the message the button sat in; without one, the new message comes as a DM. */
export async function replacePressed(args: PressedButton, message: SlackMessage): Promise<void> {
  const body = parts(message);
  if (args.body.response_url !== undefined) await args.respond({ replace_original: true, ...body });
  else await args.client.chat.postMessage({ channel: args.body.user.id, ...body });
}
