import type { AllMiddlewareArgs, BlockAction, ButtonAction, SlackActionMiddlewareArgs } from '@slack/bolt';
import { z } from 'zod';
import { messages, type Locale } from '../../i18n';
import type { IntroAnswer } from '../../intros/types';
import type { Services } from '../../services';
import { replacePressed, tellPresser } from '../presserReplies';
import { userMessage } from '../userMessage';
import { ACTION } from '../ids';
import { availabilityAsk, parseAskButton } from '../views/availability';
import { checkinAnswered } from '../views/intros';
import type { ListenerRouter } from './router';

type ButtonArgs = SlackActionMiddlewareArgs<BlockAction<ButtonAction>> & AllMiddlewareArgs;

const groupId = z.coerce.number().int().positive();

/** ack() first; then the work, with any failure logged (ids only) and the member told. */
function button(
  services: Services,
  work: (args: ButtonArgs, userId: string, locale: Locale) => Promise<void>,
) {
  return async (args: ButtonArgs): Promise<void> => {
    await args.ack();
    const userId = args.body.user.id;
    const locale = await services.locales.localeOf(userId);
    try {
      await work(args, userId, locale);
    } catch (error) {
      const failure = { where: `button ${args.action.action_id}`, userId, surface: 'other' } as const;
      await tellPresser(args, userMessage(error, locale, failure, services.logger)).catch(() => undefined);
    }
  };
}

function checkin(services: Services, answer: IntroAnswer) {
  return button(services, async (args, userId, locale) => {
    const group = groupId.safeParse(args.action.value);
    if (!group.success || !(await services.intros.answer(userId, group.data, answer))) {
      services.logger.info(
        `intro check-in ${answer} from ${userId} refused: not in group ${args.action.value ?? '?'}`,
      );
      await tellPresser(args, messages(locale).intros.notInGroup);
      return;
    }
    await services.members.recordActivity(userId);
    await replacePressed(args, checkinAnswered(answer, group.data, locale));
  });
}

/** Keep / Drop per flag, and Keep all, in the availability re-ask DM; the DM is redrawn after each. */
function availability(services: Services, action: 'keep' | 'drop' | 'keep_all') {
  return button(services, async (args, userId, locale) => {
    const value = parseAskButton(args.action.value);
    if (value === undefined || (action !== 'keep_all' && value.flag === undefined)) {
      services.logger.warn(`availability button ${action} from ${userId} with an unreadable value`);
      await tellPresser(args, messages(locale).availability.stale);
      return;
    }
    const pending = (await services.availability.states(userId, value.asked))
      .filter((s) => s.state === 'pending')
      .map((s) => s.flag);
    if (action === 'drop' && value.flag !== undefined) await services.availability.drop(userId, value.flag);
    else if (action === 'keep' && value.flag !== undefined)
      await services.availability.keep(userId, [value.flag]);
    else await services.availability.keep(userId, pending);
    await services.members.recordActivity(userId);
    const states = await services.availability.states(userId, value.asked);
    await replacePressed(args, availabilityAsk(states, locale));
  });
}

export function registerIntroListeners(app: ListenerRouter, services: Services): void {
  app.action<BlockAction<ButtonAction>>(ACTION.introMetYes, checkin(services, 'yes'));
  app.action<BlockAction<ButtonAction>>(ACTION.introMetNotYet, checkin(services, 'not_yet'));
  app.action<BlockAction<ButtonAction>>(ACTION.introMetSkip, checkin(services, 'skip'));
  app.action<BlockAction<ButtonAction>>(ACTION.availabilityKeep, availability(services, 'keep'));
  app.action<BlockAction<ButtonAction>>(ACTION.availabilityDrop, availability(services, 'drop'));
  app.action<BlockAction<ButtonAction>>(ACTION.availabilityKeepAll, availability(services, 'keep_all'));
}
