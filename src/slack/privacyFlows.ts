import type { webApi } from '@slack/bolt';
import { messages, type Locale } from '../i18n';
import type { Services } from '../services';

/**
 * Sends the member everything stored about them as a JSON file in their DM with the bot.
 * files.completeUploadExternal needs a conversation id, hence conversations.open.
 */
export async function sendDataExport(services: Services, client: webApi.WebClient, userId: string, locale: Locale): Promise<void> {
  const data = services.privacy.export(userId, services.clock.now());
  const opened = await client.conversations.open({ users: userId });
  const channelId = opened.channel?.id;
  if (channelId === undefined) throw new Error('conversations.open returned no channel');
  const date = services.clock.now().toISOString().slice(0, 10);
  await client.filesUploadV2({
    channel_id: channelId,
    file: Buffer.from(JSON.stringify(data, null, 2), 'utf8'),
    filename: `homecoming-data-${userId}-${date}.json`,
    title: `Homecoming data ${date}`,
    initial_comment: messages(locale).privacy.exportComment,
  });
  services.logger.info(`privacy export sent to ${userId}`);
}

export function eraseMemberData(services: Services, userId: string): void {
  services.privacy.erase(userId);
  services.logger.info(`privacy erase done for ${userId}`);
}
