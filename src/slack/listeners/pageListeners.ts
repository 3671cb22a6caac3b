import { z } from 'zod';
import { type Locale } from '../../i18n';
import type { Services } from '../../services';
import { eventsListPage } from '../eventCards';
import { publishHome } from '../home';
import { ACTION } from '../ids';
import { jobsListPage } from '../jobCards';
import { replacePressed } from '../presserReplies';
import type { SlackMessage } from '../views/message';
import type { ListenerRouter } from './router';

/**
 * The offset a Previous/More button carries: we wrote it, but it comes back from Slack, so it is
 * read as untrusted. A page is shown only from what the service lets the presser see, so a forged
 * offset can at most skip ahead in their own list.
 */
const pageOffset = z
  .string()
  .regex(/^\d{1,6}$/)
  .transform(Number);

export function registerPageListeners(router: ListenerRouter, services: Services): void {
  /** A Previous/More under an ephemeral list: the page replaces the list the button sat in. */
  const listPage = (
    actionIds: readonly string[],
    command: string,
    render: (userId: string, locale: Locale, offset: number) => Promise<SlackMessage | undefined>,
  ): void => {
    for (const actionId of actionIds) {
      router.button(
        actionId,
        {
          gate: 'agreed',
          value: pageOffset,
          surface: 'other',
          badValue: (m) => m.common.pageInvalid(m.common.pageAgainCommand(command)),
        },
        async ({ value: offset, userId, locale, m, args, reply }) => {
          const page = await render(userId, locale, offset);
          if (page === undefined) await reply(m.common.pageGone(m.common.pageAgainCommand(command)));
          else await replacePressed(args, page);
        },
      );
    }
  };
  listPage([ACTION.eventsPrevious, ACTION.eventsMore], '/alumni events', (userId, locale, offset) =>
    eventsListPage(services, userId, locale, { offset }),
  );
  listPage([ACTION.jobsPrevious, ACTION.jobsMore], '/alumni jobs', (userId, locale, offset) =>
    jobsListPage(services, userId, locale, { offset }),
  );

  /** HR's open roles on the Home tab: the page is published in place of the Home tab. */
  for (const actionId of [ACTION.homeRolesPrevious, ACTION.homeRolesMore]) {
    router.button(
      actionId,
      {
        gate: 'anyone',
        value: pageOffset,
        surface: 'other',
        badValue: (m) => m.common.pageInvalid(m.common.pageAgainHome),
      },
      async ({ value: offset, userId, locale, m, args, reply }) => {
        // The service checks the HR role; a stale page shows the first one and says why.
        if (!(await publishHome(services, args.client, userId, locale, offset))) {
          await publishHome(services, args.client, userId, locale);
          await reply(m.common.pageGone(m.common.pageAgainHome));
        }
      },
    );
  }
}
