import type { AllMiddlewareArgs, BlockAction, ButtonAction, SlackActionMiddlewareArgs } from '@slack/bolt';
import { messages } from '../../i18n';
import type { Services } from '../../services';
import type { ListenerRouter } from './router';
import { errorReference } from '../commands/dispatch';
import { ACTION } from '../ids';

type ButtonArgs = SlackActionMiddlewareArgs<BlockAction<ButtonAction>> & AllMiddlewareArgs;

export function registerDigestListeners(app: ListenerRouter, services: Services): void {
  // "Turn off digests" in every digest: one click, and the member is told how to turn them back on.
  app.action<BlockAction<ButtonAction>>(ACTION.digestOff, async (args: ButtonArgs) => {
    await args.ack();
    const userId = args.body.user.id;
    const locale = await services.locales.localeOf(userId);
    // Under the digest, as only the presser sees it; a button without a message (not one we sent) gets a DM.
    const tell = async (text: string): Promise<void> => {
      if (args.body.response_url !== undefined) await args.respond({ response_type: 'ephemeral', replace_original: false, text });
      else await args.client.chat.postMessage({ channel: userId, text });
    };
    try {
      services.digests.setFrequency(userId, 'off');
      await tell(messages(locale).digests.turnedOff);
    } catch (error) {
      const ref = errorReference();
      services.logger.error(`digest off failed for ${userId} (ref ${ref}):`, error);
      await tell(messages(locale).common.error(ref)).catch(() => undefined);
    }
  });
}
