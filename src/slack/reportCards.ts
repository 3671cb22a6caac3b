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

/** A Slack read a report can do without: its answer, or undefined (logged) when Slack says no. */
async function optionalRead<T>(
  services: Services,
  what: string,
  read: () => Promise<T | undefined>,
): Promise<T | undefined> {
  try {
    return await read();
  } catch (error) {
    services.logger.info(`report: ${what}: ${slackErrorCode(error) ?? String(error)}`);
    return undefined;
  }
}

/** Slack's permalink of a message; undefined when Slack will not give one (a channel the bot cannot see). */
export function permalinkOf(
  services: Services,
  client: webApi.WebClient,
  channel: string,
  ts: string,
): Promise<string | undefined> {
  return optionalRead(services, `no permalink for ${channel}/${ts}`, async () => {
    const read = permalinkAnswer.safeParse(await client.chat.getPermalink({ channel, message_ts: ts }));
    return read.success ? read.data.permalink : undefined;
  });
}

/**
 * Who wrote a message given by its link: read from the channel's history when the bot may read it,
 * undefined otherwise (the report is kept all the same; the author simply cannot be reminded).
 */
export function authorOf(
  services: Services,
  client: webApi.WebClient,
  channel: string,
  ts: string,
): Promise<string | undefined> {
  return optionalRead(services, `author of ${channel}/${ts} unknown`, async () => {
    const answer = await client.conversations.history({
      channel,
      latest: ts,
      oldest: ts,
      inclusive: true,
      limit: 1,
    });
    const read = historyAnswer.safeParse(answer);
    return read.success ? read.data.messages?.find((message) => message.ts === ts)?.user : undefined;
  });
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
