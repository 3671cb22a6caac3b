import type { webApi } from '@slack/bolt';
import { messages, type Locale } from '../i18n';
import type { ErasureEffects } from '../privacy/service';
import type { Services } from '../services';
import { refreshEventCards } from './eventCards';
import { sendFileToMember } from './files';
import { refreshJobCard } from './jobCards';
import { refreshAskCard, removeAskCards } from './askCards';
import { refreshReportCard } from './reportCards';

/** Sends the member everything stored about them as a JSON file in their DM with the bot. */
export async function sendDataExport(
  services: Services,
  client: webApi.WebClient,
  userId: string,
  locale: Locale,
): Promise<void> {
  const data = await services.privacy.export(userId, services.clock.now());
  const date = services.clock.now().toISOString().slice(0, 10);
  await sendFileToMember(client, userId, {
    filename: `homecoming-data-${userId}-${date}.json`,
    title: `Homecoming data ${date}`,
    content: JSON.stringify(data, null, 2),
    comment: messages(locale).privacy.exportComment,
  });
  services.logger.info(`privacy export sent to ${userId}`);
}

/** Erases the member's data, returning the cards that showed them (see refreshCardsAfterErasure). */
export async function eraseMemberData(services: Services, userId: string): Promise<ErasureEffects> {
  const effects = await services.privacy.erase(userId);
  services.logger.info(`privacy erase done for ${userId}`);
  return effects;
}

/** Renders again, after the erasure is committed, every card that counted or named the member. */
export async function refreshCardsAfterErasure(
  services: Services,
  client: webApi.WebClient,
  effects: ErasureEffects,
): Promise<void> {
  await refreshEventCards(services, client, effects.eventCards, 'an erasure');
  for (const jobId of effects.jobCards) await refreshJobCard(services, client, jobId);
  for (const askId of effects.askCards) await refreshAskCard(services, client, askId);
  await removeAskCards(services, client, effects.removedCards);
  for (const reportId of effects.reportCards) await refreshReportCard(services, client, reportId);
}
