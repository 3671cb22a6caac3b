import type { webApi } from '@slack/bolt';
import { z } from 'zod';
import type { Services } from '../services';
import { postJoiningOnce } from './channelPost';
import { slackErrorCode } from './errors';
import { reportCard } from './views/moderation';

/** The code of conduct in a language, for the card's reasons and the author's reminder. */
export function conductOf(services: Services) {
  return (locale: 'en' | 'ja'): readonly string[] => services.onboarding.charter.text(locale).conduct;
}

const permalinkAnswer = z.object({ permalink: z.string().regex(/^https:\/\/\S+$/) });
const historyAnswer = z.object({
  messages: z.array(z.object({ ts: z.string(), user: z.string().optional() })).optional(),
});

/** Slack's permalink of a message; undefined when Slack will not give one (a channel the bot cannot see). */
export async function permalinkOf(
  services: Services,
  client: webApi.WebClient,
  channel: string,
  ts: string,
): Promise<string | undefined> {
  try {
    const read = permalinkAnswer.safeParse(await client.chat.getPermalink({ channel, message_ts: ts }));
    return read.success ? read.data.permalink : undefined;
  } catch (error) {
    services.logger.info(
      `report: no permalink for ${channel}/${ts}: ${slackErrorCode(error) ?? String(error)}`,
    );
    return undefined;
  }
}

/**
 * Who wrote a message given by its link: read from the channel's history when the bot may read it,
 * undefined otherwise (the report is kept all the same; the author simply cannot be reminded).
 */
export async function authorOf(
  services: Services,
  client: webApi.WebClient,
  channel: string,
  ts: string,
): Promise<string | undefined> {
  try {
    const answer = await client.conversations.history({
      channel,
      latest: ts,
      oldest: ts,
      inclusive: true,
      limit: 1,
    });
    const read = historyAnswer.safeParse(answer);
    return read.success ? read.data.messages?.find((message) => message.ts === ts)?.user : undefined;
  } catch (error) {
    services.logger.info(
      `report: author of ${channel}/${ts} unknown: ${slackErrorCode(error) ?? String(error)}`,
    );
    return undefined;
  }
}

/** Posts a new report's card in MODERATION_CHANNEL_ID; a failure is logged (the report is kept). */
export async function postReportCard(
  services: Services,
  client: webApi.WebClient,
  reportId: number,
): Promise<void> {
  const channel = services.config.moderationChannelId;
  if (channel === undefined) return;
  const { report, actions } = await services.moderation.card(reportId);
  const card = reportCard(report, actions, conductOf(services), services.config.channelLanguages);
  try {
    const posted = await postJoiningOnce(client, channel, card);
    if (posted === undefined) return;
    await services.moderation.attachCard(reportId, posted.channel, posted.ts);
  } catch (error) {
    services.logger.warn(
      `report ${reportId}: card not posted in ${channel}: ${slackErrorCode(error) ?? String(error)}`,
    );
  }
}

/** After each moderator's step or an erasure: the card shows the report as it is now. */
export async function refreshReportCard(
  services: Services,
  client: webApi.WebClient,
  reportId: number,
): Promise<void> {
  try {
    const { report, actions } = await services.moderation.card(reportId);
    if (report.cardChannel === null || report.cardTs === null) return;
    const card = reportCard(report, actions, conductOf(services), services.config.channelLanguages);
    await client.chat.update({
      channel: report.cardChannel,
      ts: report.cardTs,
      text: card.text,
      blocks: card.blocks,
    });
  } catch (error) {
    // The report changed either way; a stale card is worth a log line, not a failed answer.
    services.logger.warn(`report ${reportId}: card not updated: ${slackErrorCode(error) ?? String(error)}`);
  }
}
