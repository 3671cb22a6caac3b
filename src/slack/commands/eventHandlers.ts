import { messages } from '../../i18n';
import type { EventCommand } from './verbs/events';
import { eventsListFor, refreshEventCard } from '../eventCards';
import { csvCell } from '../csv';
import { sendFileToMember } from '../files';
import { attendeesMessage } from '../views/events';
import { eventModal } from '../views/eventModal';
import { escapeMrkdwn } from '../views/text';
import { openForm, type CommandContext } from './context';
import { confirmedFirst } from './confirm';
import { leadChannel } from './leadChannel';

export async function listEvents(ctx: CommandContext): Promise<void> {
  await ctx.reply(await eventsListFor(ctx.services, ctx.userId, ctx.locale));
}

export async function eventCommand(ctx: CommandContext, command: EventCommand): Promise<void> {
  const { services } = ctx;
  const m = messages(ctx.locale).events;
  // Checked before any modal opens; the service checks again when the work is done. A chapter's
  // lead may create events in the chapter's channel, and edit or cancel their own there
  // (events/hosting.ts): for those the service's check (manageable) is the one. A supporter may
  // fill in a new event: it becomes a proposal (or, posting directly, their own credited event).
  const asLead = command.action === 'new' ? await leadChannel(services, ctx.userId) : undefined;
  if (command.action === 'attendees') await services.roles.require(ctx.userId, 'organizer');
  if (command.action === 'new' && asLead === undefined)
    await services.roles.require(ctx.userId, 'organizer', 'supporter');
  switch (command.action) {
    case 'new':
    case 'edit': {
      // An event in a private channel is edited only by organizers in that channel.
      const event =
        command.action === 'edit'
          ? await services.events.manageable(ctx.userId, command.eventId, 'own')
          : undefined;
      if (event?.status === 'cancelled') {
        await ctx.reply({ text: m.alreadyCancelled(escapeMrkdwn(event.title)) });
        return;
      }
      await openForm(ctx, { text: m.usage }, () =>
        eventModal(event, ctx.locale, asLead ?? services.config.eventsChannelId),
      );
      return;
    }
    case 'cancel': {
      const before = await services.events.manageable(ctx.userId, command.eventId, 'own');
      const title = escapeMrkdwn(before.title);
      if (before.status === 'cancelled') {
        await ctx.reply({ text: m.alreadyCancelled(title) });
        return;
      }
      if (before.endsAt.getTime() <= services.clock.now().getTime()) {
        await ctx.reply({ text: m.endedCannotCancel(title) });
        return;
      }
      const toTell = await services.events.toldOnCancel(ctx.userId, command.eventId);
      if (!(await confirmedFirst(ctx, m.confirmCancel(title, toTell), `event cancel ${before.id}`))) return;
      const { event, told } = await services.events.cancel(ctx.userId, command.eventId);
      await ctx.reply({ text: m.cancelledDone(escapeMrkdwn(event.title), told) });
      await refreshEventCard(services, ctx.client, event.id);
      return;
    }
    case 'attendees': {
      const { event, rsvps } = await services.events.attendees(ctx.userId, command.eventId);
      await ctx.reply(attendeesMessage(event, rsvps, ctx.locale));
      if (rsvps.length === 0) return;
      // By user id only: a name from a profile hidden from organizers must not reach them this way.
      const header = ['user_id', 'answer', 'answered_at'].join(',');
      const rows = rsvps.map((r) => [r.userId, r.status, r.respondedAt].map(csvCell).join(','));
      await sendFileToMember(ctx.client, ctx.userId, {
        filename: `event-${event.id}-attendees.csv`,
        title: m.attendeesCsv(event.title),
        content: `\uFEFF${[header, ...rows].join('\r\n')}\r\n`,
        comment: m.attendeesCsv(escapeMrkdwn(event.title)),
      });
      return;
    }
  }
}
