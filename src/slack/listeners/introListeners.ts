import { z } from 'zod';
import type { IntroAnswer } from '../../intros/types';
import type { Services } from '../../services';
import { replacePressed } from '../presserReplies';
import { ACTION } from '../ids';
import { availabilityAsk, parseAskButton } from '../views/availability';
import { checkinAnswered } from '../views/intros';
import type { ListenerRouter } from './router';
import { ID_VALUE } from './surfaces';

/** The availability DM's buttons carry the flag and when it was asked, as JSON we wrote. */
const askButtonValue = z.string().transform((text, ctx) => {
  const value = parseAskButton(text);
  if (value === undefined) ctx.addIssue({ code: 'custom', message: 'not an availability button' });
  return value ?? z.NEVER;
});

export function registerIntroListeners(router: ListenerRouter, services: Services): void {
  const answers = { yes: ACTION.introMetYes, not_yet: ACTION.introMetNotYet, skip: ACTION.introMetSkip };
  for (const [answer, actionId] of Object.entries(answers) as [IntroAnswer, string][]) {
    router.button(
      actionId,
      { gate: 'anyone', value: ID_VALUE, surface: 'other', badValue: (m) => m.intros.notInGroup },
      async ({ value: groupId, userId, locale, m, args, reply }) => {
        if (!(await services.intros.answer(userId, groupId, answer))) {
          services.logger.info(`intro check-in ${answer} from ${userId} refused: not in group ${groupId}`);
          await reply(m.intros.notInGroup);
          return;
        }
        await services.members.recordActivity(userId);
        await replacePressed(args, checkinAnswered(answer, groupId, locale));
      },
    );
  }

  /** Keep / Drop per flag, and Keep all, in the availability re-ask DM; the DM is redrawn after each. */
  const flagActions = {
    keep: ACTION.availabilityKeep,
    drop: ACTION.availabilityDrop,
    keep_all: ACTION.availabilityKeepAll,
  };
  for (const [action, actionId] of Object.entries(flagActions) as ['keep' | 'drop' | 'keep_all', string][]) {
    router.button(
      actionId,
      { gate: 'anyone', value: askButtonValue, surface: 'other', badValue: (m) => m.availability.stale },
      async ({ value, userId, locale, m, args, reply }) => {
        if (action !== 'keep_all' && value.flag === undefined) {
          services.logger.warn(`availability button ${action} from ${userId} without a flag`);
          await reply(m.availability.stale);
          return;
        }
        const pending = (await services.availability.states(userId, value.asked))
          .filter((s) => s.state === 'pending')
          .map((s) => s.flag);
        if (action === 'drop' && value.flag !== undefined)
          await services.availability.drop(userId, value.flag);
        else if (action === 'keep' && value.flag !== undefined)
          await services.availability.keep(userId, [value.flag]);
        else await services.availability.keep(userId, pending);
        await services.members.recordActivity(userId);
        const states = await services.availability.states(userId, value.asked);
        await replacePressed(args, availabilityAsk(states, locale));
      },
    );
  }
}
