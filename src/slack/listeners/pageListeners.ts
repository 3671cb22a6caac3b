import type { AllMiddlewareArgs, BlockAction, ButtonAction, SlackActionMiddlewareArgs } from '@slack/bolt';
import { z } from 'zod';
import { messages, type Locale } from '../../i18n';
import type { Services } from '../../services';
import { eventsListPage } from '../eventCards';
import { publishHome } from '../home';
import { ACTION } from '../ids';
import { jobsListPage } from '../jobCards';
import { replacePressed, tellPresser } from '../presserReplies';
import { userMessage } from '../userMessage';
import type { SlackMessage } from '../views/message';
import type { ListenerRouter } from './router';

type ButtonArgs = SlackActionMiddlewareArgs<BlockAction<ButtonAction>> & AllMiddlewareArgs;

/**
 * The offset a Previous/More button carries: we wrote it, but it comes back from Slack, so it is
 * read as untrusted. A page is shown only from what the service lets the presser see, so a forged
 * offset can at most skip ahead in their own list.
 */
const pageOffset = z
  .string()
  .regex(/^\d{1,6}$/)
  .transform(Number);

/** Tells the presser the button was not readable, or that the list shrank past that page. */
async function refuse(
  args: ButtonArgs,
  locale: Locale,
  why: 'invalid' | 'gone',
  again: string,
): Promise<void> {
  const m = messages(locale).common;
  await tellPresser(args, why === 'invalid' ? m.pageInvalid(again) : m.pageGone(again));
}

/** A Previous/More under an ephemeral list: the page replaces the list the button sat in. */
function listPage(
  services: Services,
  command: string,
  render: (userId: string, locale: Locale, offset: number) => Promise<SlackMessage | undefined>,
) {
  return async (args: ButtonArgs): Promise<void> => {
    await args.ack();
    const userId = args.body.user.id;
    const locale = await services.locales.localeOf(userId);
    const again = messages(locale).common.pageAgainCommand(command);
    try {
      const offset = pageOffset.safeParse(args.action.value);
      if (!offset.success) {
        services.logger.warn(`list page button ${args.action.action_id} from ${userId}: unreadable value`);
        await refuse(args, locale, 'invalid', again);
        return;
      }
      if ((await services.onboarding.agreementState(userId)) !== 'agreed') {
        await tellPresser(args, messages(locale).onboarding.mustAgreeFirst);
        return;
      }
      const page = await render(userId, locale, offset.data);
      if (page === undefined) await refuse(args, locale, 'gone', again);
      else await replacePressed(args, page);
    } catch (error) {
      const failure = { where: `list page ${args.action.action_id}`, userId, surface: 'other' } as const;
      await tellPresser(args, userMessage(error, locale, failure, services.logger)).catch(() => undefined);
    }
  };
}

/** HR's open roles on the Home tab: the page is published in place of the Home tab. */
function homeRolesPage(services: Services) {
  return async (args: ButtonArgs): Promise<void> => {
    await args.ack();
    const userId = args.body.user.id;
    const locale = await services.locales.localeOf(userId);
    const again = messages(locale).common.pageAgainHome;
    try {
      const offset = pageOffset.safeParse(args.action.value);
      if (!offset.success) {
        services.logger.warn(`home roles page button from ${userId}: unreadable value`);
        await refuse(args, locale, 'invalid', again);
        return;
      }
      // The service checks the HR role; a stale page shows the first one and says why.
      if (!(await publishHome(services, args.client, userId, locale, offset.data))) {
        await publishHome(services, args.client, userId, locale);
        await refuse(args, locale, 'gone', again);
      }
    } catch (error) {
      const failure = { where: 'home roles page', userId, surface: 'other' } as const;
      await tellPresser(args, userMessage(error, locale, failure, services.logger)).catch(() => undefined);
    }
  };
}

export function registerPageListeners(app: ListenerRouter, services: Services): void {
  const events = listPage(services, '/alumni events', (userId, locale, offset) =>
    eventsListPage(services, userId, locale, { offset }),
  );
  const jobs = listPage(services, '/alumni jobs', (userId, locale, offset) =>
    jobsListPage(services, userId, locale, { offset }),
  );
  app.action<BlockAction<ButtonAction>>(ACTION.eventsPrevious, events);
  app.action<BlockAction<ButtonAction>>(ACTION.eventsMore, events);
  app.action<BlockAction<ButtonAction>>(ACTION.jobsPrevious, jobs);
  app.action<BlockAction<ButtonAction>>(ACTION.jobsMore, jobs);
  app.action<BlockAction<ButtonAction>>(ACTION.homeRolesPrevious, homeRolesPage(services));
  app.action<BlockAction<ButtonAction>>(ACTION.homeRolesMore, homeRolesPage(services));
}
