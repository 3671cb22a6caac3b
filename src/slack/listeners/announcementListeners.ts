import type { AllMiddlewareArgs, SlackViewMiddlewareArgs, ViewSubmitAction } from '@slack/bolt';
import { ChannelRefused } from '../../audience/types';
import { messages } from '../../i18n';
import type { Services } from '../../services';
import type { ListenerRouter } from './router';
import { userMessage } from '../userMessage';
import { VIEW } from '../ids';
import { announcementChannelRefusal, parseAnnouncementForm } from '../parse/announcementForm';
import { scheduledText } from '../views/announcements';
import { doneModal } from '../views/doneModal';
import { isReplay } from '../replays';

export function registerAnnouncementListeners(app: ListenerRouter, services: Services): void {
  app.view<ViewSubmitAction>(
    VIEW.announcement,
    async ({ ack, body, view }: SlackViewMiddlewareArgs<ViewSubmitAction> & AllMiddlewareArgs) => {
      const userId = body.user.id;
      const locale = await services.locales.localeOf(userId);
      const m = messages(locale);
      try {
        const form = parseAnnouncementForm(
          view.state.values,
          locale,
          services.clock.now(),
          services.config.defaultTimezone,
        );
        if (!form.ok) {
          await ack({ response_action: 'errors', errors: form.errors });
          return;
        }
        // A second submission of the same form creates nothing and shows the same confirmation.
        const { announcement, nextRuns, created } = await services.announcements.create(
          userId,
          form.input,
          view.id,
        );
        isReplay(services.logger, {
          what: 'announcement',
          viewId: view.id,
          userId,
          id: announcement.id,
          created,
        });
        await ack({
          response_action: 'update',
          view: doneModal(
            m.announcements.scheduledTitle,
            scheduledText(announcement, nextRuns, locale),
            locale,
          ),
        });
      } catch (error) {
        if (error instanceof ChannelRefused) {
          // Nothing was saved; the organizer picks another channel (or invites the bot) and submits again.
          services.logger.info(`announcement form from ${userId}: channel ${error.reason}`);
          await ack({ response_action: 'errors', errors: announcementChannelRefusal(error.reason, locale) });
          return;
        }
        const failure = { where: 'announcement modal', userId, surface: 'manage_form' } as const;
        const text = userMessage(error, locale, failure, services.logger);
        await ack({ response_action: 'update', view: doneModal(m.announcements.modalTitle, text, locale) });
      }
    },
  );
}
