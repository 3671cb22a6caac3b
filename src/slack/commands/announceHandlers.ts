import { messages } from '../../i18n';
import type { AnnounceCommand } from './verbs/announce';
import { announcementListMessage, announcementModal } from '../views/announcements';
import { openForm, type CommandContext } from './context';
import { confirmedFirst } from './confirm';
import { leadChannel } from './leadChannel';

export async function announceCommand(ctx: CommandContext, command: AnnounceCommand): Promise<void> {
  const { services } = ctx;
  const m = messages(ctx.locale).announcements;
  switch (command.action) {
    case 'new': {
      // A chapter's lead announces in the chapter's channel; a supporter's announcement becomes a
      // proposal (or, posting directly, their own credited one). The service checks again on submit.
      const asLead = await leadChannel(services, ctx.userId);
      if (asLead === undefined) await services.roles.require(ctx.userId, 'organizer', 'supporter');
      await openForm(ctx, { text: m.usage }, () =>
        announcementModal(ctx.locale, asLead ?? services.config.eventsChannelId, services.clock.now()),
      );
      return;
    }
    case 'list':
      await ctx.reply(announcementListMessage(await services.announcements.list(ctx.userId), ctx.locale));
      return;
    case 'edit': {
      // The author or an admin who may see it; the service checks again when the form comes back.
      const before = await services.announcements.cancellable(ctx.userId, command.announcementId);
      if (before.status !== 'active') {
        await ctx.reply({ text: m.editNotActive(before.id) });
        return;
      }
      await openForm(ctx, { text: m.usage }, () =>
        announcementModal(ctx.locale, before.channel, services.clock.now(), before),
      );
      return;
    }
    case 'cancel': {
      const id = command.announcementId;
      // Refused, or nothing left to cancel: say so before asking anything.
      const before = await services.announcements.cancellable(ctx.userId, id);
      if (before.status !== 'active') {
        await ctx.reply({ text: m.alreadyCancelled(id) });
        return;
      }
      if (!(await confirmedFirst(ctx, m.confirmCancel(id), `announce cancel ${id}`))) return;
      const { changed } = await services.announcements.cancel(ctx.userId, command.announcementId);
      await ctx.reply({
        text: changed ? m.cancelled(command.announcementId) : m.alreadyCancelled(command.announcementId),
      });
      return;
    }
  }
}
