import type { AllMiddlewareArgs, BlockAction, ButtonAction, SlackActionMiddlewareArgs } from '@slack/bolt';
import { messages } from '../../i18n';
import type { Services } from '../../services';
import { tellPresser } from '../presserReplies';
import type { ListenerRouter } from './router';
import { userMessage } from '../userMessage';
import { ACTION } from '../ids';

type ButtonArgs = SlackActionMiddlewareArgs<BlockAction<ButtonAction>> & AllMiddlewareArgs;

export function registerDigestListeners(app: ListenerRouter, services: Services): void {
  // "Turn off digests" in every digest: one click, and the member is told how to turn them back on.
  app.action<BlockAction<ButtonAction>>(ACTION.digestOff, async (args: ButtonArgs) => {
    await args.ack();
    const userId = args.body.user.id;
    const locale = await services.locales.localeOf(userId);
    try {
      await services.digests.setFrequency(userId, 'off');
      await tellPresser(args, messages(locale).digests.turnedOff);
    } catch (error) {
      const failure = { where: 'digest off', userId, surface: 'other' } as const;
      await tellPresser(args, userMessage(error, locale, failure, services.logger)).catch(() => undefined);
    }
  });
}
