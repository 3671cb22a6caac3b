import type { App } from '@slack/bolt';
import type { Services } from '../../services';
import { registerActions } from './actions';
import { registerCommandButtons, registerCommands } from './commands';
import { registerEvents } from './events';
import { registerEventListeners } from './eventListeners';
import { registerAnnouncementListeners } from './announcementListeners';
import { registerDigestListeners } from './digestListeners';
import { registerIntroListeners } from './introListeners';
import { registerJobListeners } from './jobListeners';
import { registerCoffeeListeners } from './coffeeListeners';
import { registerAskListeners } from './askListeners';
import { registerStudyListeners } from './studyListeners';
import { registerChapterListeners } from './chapterListeners';
import { registerCollabListeners, registerCollabMessages } from './collabListeners';
import { registerPageListeners } from './pageListeners';
import { registerMentorListeners } from './mentorListeners';
import { registerModerationListeners } from './moderationListeners';
import { registerApprovalListeners } from './approvalListeners';
import { registerSupporterListeners } from './supporterListeners';
import { registerMessages } from './messages';
import { handleEachEventOnce, trackInFlight } from './middleware';
import { registerViews } from './views';
import { ListenerRouter } from './router';
import type { AckFirst } from '../ackFirst';

/** Every listener, by surface. The manifest test reads what is registered here. */
export function registerListeners(app: App, services: Services, ackFirst: AckFirst): void {
  app.use(trackInFlight(services));
  app.use(handleEachEventOnce(services));
  registerCommands(app, services);
  registerMessages(app, services);
  registerCollabMessages(app, services);
  registerEvents(app, services);
  const router = new ListenerRouter({
    localeOf: (userId) => services.locales.localeOf(userId),
    access: (userId) => services.approval.access(userId),
    logger: services.logger,
    ackFirst,
  });
  registerActions(router, services);
  registerCommandButtons(router, services);
  registerViews(router, services);
  registerEventListeners(router, services);
  registerAnnouncementListeners(router, services);
  registerDigestListeners(router, services);
  registerIntroListeners(router, services);
  registerJobListeners(router, services);
  registerCoffeeListeners(router, services);
  registerAskListeners(router, services);
  registerCollabListeners(router, services);
  registerStudyListeners(router, services);
  registerChapterListeners(router, services);
  registerMentorListeners(router, services);
  registerModerationListeners(router, services);
  registerApprovalListeners(router, services);
  registerSupporterListeners(router, services);
  registerPageListeners(router, services);
  router.attach(app, services.logger);
}

/** What the app subscribes to; kept beside the registrations and checked against manifest.json. */
export const REGISTERED = {
  commands: ['/alumni'],
  events: [
    'app_home_opened',
    'member_joined_channel',
    'member_left_channel',
    'message.groups',
    'message.im',
    'team_join',
  ],
} as const;
