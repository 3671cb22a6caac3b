import type { webApi } from '@slack/bolt';
import { messages, type Locale } from '../i18n';
import type { Services } from '../services';
import { sendFileToMember } from './files';

/** Sends the member everything stored about them as a JSON file in their DM with the bot. */
export async function sendDataExport(services: Services, client: webApi.WebClient, userId: string, locale: Locale): Promise<void> {
  const data = services.privacy.export(userId, services.clock.now());
  const date = services.clock.now().toISOString().slice(0, 10);
  await sendFileToMember(client, userId, {
    filename: `homecoming-data-${userId}-${date}.json`,
    title: `Homecoming data ${date}`,
    content: JSON.stringify(data, null, 2),
    comment: messages(locale).privacy.exportComment,
  });
  services.logger.info(`privacy export sent to ${userId}`);
}

export function eraseMemberData(services: Services, userId: string): void {
  services.privacy.erase(userId);
  services.logger.info(`privacy erase done for ${userId}`);
}
