import type { webApi } from '@slack/bolt';
import { slackErrorCode } from './errors';
import type { SlackMessage } from './views/message';

/**
 * Posts a card in a channel. A bot that is not yet in a public channel gets `not_in_channel`: it
 * joins once (channels:join) and tries again. A private channel it is not in cannot be joined, so
 * that error, like any other, goes to the caller. Resolves with where the card landed.
 */
export async function postJoiningOnce(
  client: webApi.WebClient,
  channel: string,
  card: SlackMessage,
): Promise<{ channel: string; ts: string } | undefined> {
  const post = () =>
    client.chat.postMessage({
      channel,
      text: card.text,
      blocks: card.blocks,
      unfurl_links: false,
      unfurl_media: false,
    });
  let result;
  try {
    result = await post();
  } catch (error) {
    if (slackErrorCode(error) !== 'not_in_channel') throw error;
    await client.conversations.join({ channel });
    result = await post();
  }
  return result.ts === undefined || result.channel === undefined
    ? undefined
    : { channel: result.channel, ts: result.ts };
}
