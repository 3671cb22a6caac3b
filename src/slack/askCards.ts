import type { webApi } from '@slack/bolt';
import type { AskSummary } from '../asks/types';
import type { Languages, Locale } from '../i18n';
import type { Services } from '../services';
import { postJoiningOnce } from './channelPost';
import { slackErrorCode } from './errors';
import { askCard } from './views/askCard';
import { asksListMessage, myAsksMessage } from './views/asks';
import type { SlackMessage } from './views/message';

/**
 * Posts an item's card in ASKS_CHANNEL_ID: only for an item all alumni may see, and only when the
 * channel is set. 'none' when it has no card to post; 'failed' when Slack refused (logged).
 */
export async function postAskCard(
  services: Services,
  client: webApi.WebClient,
  askId: number,
): Promise<'posted' | 'none' | 'failed'> {
  const channel = services.config.asksChannelId;
  const summary = await services.asks.summary(askId);
  if (channel === undefined || summary.item.audience !== 'all') return 'none';
  const card = askCard(
    summary,
    await services.asks.authorNamed(summary.item),
    services.config.channelLanguages,
  );
  try {
    const result = await postJoiningOnce(client, channel, card);
    if (result === undefined) return 'failed';
    await services.asks.attachCard(askId, result.channel, result.ts);
    return 'posted';
  } catch (error) {
    services.logger.warn(
      `ask ${askId}: card not posted in ${channel}: ${slackErrorCode(error) ?? String(error)}`,
    );
    return 'failed';
  }
}

/** Re-renders a posted card; one never posted is left alone. */
export async function updateAskCard(
  client: webApi.WebClient,
  summary: AskSummary,
  authorNamed: boolean,
  languages: Languages,
): Promise<void> {
  const { item } = summary;
  if (item.cardChannel === null || item.cardTs === null) return;
  const card = askCard(summary, authorNamed, languages);
  await client.chat.update({
    channel: item.cardChannel,
    ts: item.cardTs,
    text: card.text,
    blocks: card.blocks,
  });
}

/** After a response, resolving or an erasure: the card shows the new count, state or thanks. */
export async function refreshAskCard(
  services: Services,
  client: webApi.WebClient,
  askId: number,
): Promise<void> {
  try {
    const summary = await services.asks.summary(askId);
    await updateAskCard(
      client,
      summary,
      await services.asks.authorNamed(summary.item),
      services.config.channelLanguages,
    );
  } catch (error) {
    // The item changed either way; a stale card is worth a log line, not a failed answer.
    services.logger.warn(`ask ${askId}: card not updated: ${slackErrorCode(error) ?? String(error)}`);
  }
}

/** Deletes the cards of an erased member's items; one that cannot be deleted is logged and the others still go. */
export async function removeAskCards(
  services: Services,
  client: webApi.WebClient,
  cards: readonly { readonly channel: string; readonly ts: string }[],
): Promise<void> {
  for (const card of cards) {
    try {
      await client.chat.delete({ channel: card.channel, ts: card.ts });
    } catch (error) {
      services.logger.warn(
        `ask card ${card.channel}/${card.ts} not deleted after an erasure: ${slackErrorCode(error) ?? String(error)}`,
      );
    }
  }
}

/** `asks` or `asks <tags>` for a member: what they may see, matching first. */
export async function asksListFor(
  services: Services,
  userId: string,
  locale: Locale,
  tags?: readonly string[],
): Promise<SlackMessage> {
  const { items, total } = await services.asks.list(
    userId,
    tags === undefined ? { kind: 'open' } : { kind: 'tags', tags },
  );
  const listed = await Promise.all(
    items.map(async (entry) => ({ ...entry, authorNamed: await services.asks.authorNamed(entry.item) })),
  );
  return asksListMessage(listed, total, locale, tags);
}

/** `asks mine`. */
export async function myAsksFor(services: Services, userId: string, locale: Locale): Promise<SlackMessage> {
  const summaries = await services.asks.mine(userId);
  return myAsksMessage(summaries, locale, await services.collab.views(summaries));
}
