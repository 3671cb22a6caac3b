import type { webApi } from '@slack/bolt';
import type { Services } from '../services';
import { welcomeMessage } from './views/charter';

/**
 * DMs the welcome (purpose, eligibility, code of conduct, "I agree") once per member.
 * Posting to the user id lands in the app's Messages tab without conversations.open.
 */
export async function welcomeMember(
  services: Services,
  client: webApi.WebClient,
  userId: string,
): Promise<void> {
  if ((await services.onboarding.agreementState(userId)) === 'agreed') return;
  if (!(await services.onboarding.claimWelcome(userId))) return;
  try {
    const locale = await services.locales.localeOf(userId);
    const message = welcomeMessage(services.onboarding.charter.text(locale), locale);
    await client.chat.postMessage({ channel: userId, text: message.text, blocks: message.blocks });
    services.logger.info(`welcomed ${userId}`);
  } catch (error) {
    // Let a later join event try again rather than leave the member unwelcomed.
    await services.onboarding.releaseWelcome(userId);
    throw error;
  }
}
