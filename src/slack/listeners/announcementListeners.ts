import type { Services } from '../../services';
import { announcementIdFromMetadata } from '../forms/announcementForm';
import { VIEW } from '../ids';
import { announcementChannelRefusal, parseAnnouncementForm } from '../parse/announcementForm';
import { isReplay } from '../replays';
import { afterSupporterSubmit, submitAsSupporter, supporterReply } from '../supporterSubmissions';
import { scheduledText } from '../views/announcements';
import type { ListenerRouter } from './router';
import { channelPostingForm } from './surfaces';

export function registerAnnouncementListeners(router: ListenerRouter, services: Services): void {
  router.form(
    VIEW.announcement,
    channelPostingForm((m) => m.announcements.modalTitle, announcementChannelRefusal),
    async ({ userId, locale, m, view, client, fieldErrors, done }) => {
      const form = parseAnnouncementForm(
        view.state.values,
        locale,
        services.clock.now(),
        services.config.defaultTimezone,
      );
      if (!form.ok) {
        await fieldErrors(form.errors);
        return;
      }
      const editing = announcementIdFromMetadata(view.private_metadata);
      if (editing !== undefined) {
        const { announcement, nextRuns } = await services.announcements.update(userId, editing, form.input);
        await done(scheduledText(announcement, nextRuns, locale), m.announcements.updatedTitle);
        return;
      }
      if ((await services.supporters.route(userId)) !== 'post') {
        const content = { kind: 'announcement', input: form.input } as const;
        const outcome = await submitAsSupporter(services, userId, content, view.id);
        await done(supporterReply(outcome, locale), m.announcements.scheduledTitle);
        await afterSupporterSubmit(services, client, outcome);
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
      await done(scheduledText(announcement, nextRuns, locale), m.announcements.scheduledTitle);
    },
  );
}
