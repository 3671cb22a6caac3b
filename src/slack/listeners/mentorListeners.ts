import { person } from '../../i18n';
import type { CheckinChoice } from '../../mentoring/types';
import type { Services } from '../../services';
import { refreshingHome } from '../home';
import { ACTION } from '../ids';
import type { ListenerRouter } from './router';
import { ID_VALUE } from './surfaces';

/** Accept / Decline on a mentor request, and Continue / Pause / End on a pair's check-in. */
export function registerMentorListeners(router: ListenerRouter, services: Services): void {
  const mentorButton = { gate: 'agreed', value: ID_VALUE, surface: 'mentor_button' } as const;

  router.button(
    ACTION.mentorAccept,
    mentorButton,
    async ({ value: requestId, userId, locale, m, args, reply }) => {
      // A mentor at capacity is refused and the request handed on: their Home shows that too.
      const { request } = await refreshingHome(services, args, userId, locale, () =>
        services.mentoring.accept(userId, requestId),
      );
      await services.members.recordActivity(userId);
      await reply(m.mentoring.accepted(person(locale, request.requester)));
    },
  );

  router.button(
    ACTION.mentorDecline,
    mentorButton,
    async ({ value: requestId, userId, locale, m, args, reply }) => {
      await refreshingHome(services, args, userId, locale, () =>
        services.mentoring.decline(userId, requestId),
      );
      await reply(m.mentoring.declined);
    },
  );

  const checkins: readonly [string, CheckinChoice][] = [
    [ACTION.mentorContinue, 'continue'],
    [ACTION.mentorPause, 'pause'],
    [ACTION.mentorEnd, 'end'],
  ];
  for (const [actionId, choice] of checkins)
    router.button(actionId, mentorButton, async ({ value: pairId, userId, locale, m, args, reply }) => {
      const { changed } = await refreshingHome(services, args, userId, locale, () =>
        services.mentoring.checkin(userId, pairId, choice),
      );
      // Continue on an active pair changes nothing, and is still the answer the member gave.
      await reply(
        changed || choice === 'continue' ? m.mentoring.checkinDone[choice] : m.mentoring.checkinSame,
      );
    });
}
