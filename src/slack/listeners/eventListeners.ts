import type { BlockAction, ButtonAction } from '@slack/bolt';
import { icsFor } from '../../events/calendar';
import type { RsvpChoice } from '../../events/types';
import type { Services } from '../../services';
import type { ListenerRouter } from './router';
import { channelPostingForm, ID_VALUE, type ButtonArgs } from './surfaces';
import { eventsListPage, postEventCard, refreshEventCard } from '../eventCards';
import { sendFileToMember } from '../files';
import { publishHome } from '../home';
import { ACTION, VIEW } from '../ids';
import { eventChannelRefusal, eventIdFromMetadata, parseEventForm } from '../parse/eventForm';
import { escapeMrkdwn } from '../views/text';
import { isReplay } from '../replays';
import { afterSupporterSubmit, submitAsSupporter, supporterReply } from '../supporterSubmissions';

/** The name shown on a card: the member's own display name, else their Slack name. */
async function displayNameOf(services: Services, args: ButtonArgs): Promise<string> {
  const userId = args.body.user.id;
  const fromProfile = (await services.members.profile(userId))?.displayName;
  if (fromProfile !== null && fromProfile !== undefined) return fromProfile;
  try {
    const info = await args.client.users.info({ user: userId });
    const profile = info.user?.profile;
    return profile?.display_name || profile?.real_name || info.user?.name || args.body.user.name || userId;
  } catch {
    return args.body.user.name || userId;
  }
}

export function registerEventListeners(router: ListenerRouter, services: Services): void {
  const eventButton = { gate: 'agreed', value: ID_VALUE, surface: 'event_button' } as const;
  const choices = { going: ACTION.rsvpGoing, maybe: ACTION.rsvpMaybe, not_going: ACTION.rsvpNotGoing };
  for (const [choice, actionId] of Object.entries(choices) as [RsvpChoice, string][]) {
    router.button(
      actionId,
      { ...eventButton, takesTurns: true },
      async ({ value: eventId, userId, locale, m, args, reply }) => {
        const result = await services.events.rsvp(
          userId,
          eventId,
          choice,
          await displayNameOf(services, args),
        );
        await services.members.recordActivity(userId);
        services.logger.info(`rsvp ${userId} ${choice} → ${result.status} for event ${eventId}`);
        const { event } = result;
        await refreshEventCard(services, args.client, eventId);
        if (args.body.view?.type === 'home') {
          await publishHome(services, args.client, userId, locale);
        } else if (args.body.container.is_ephemeral === true) {
          // The member's own /alumni events list: show the page they were on again, with their answer.
          const page = await eventsListPage(services, userId, locale, {
            around: (i) => i.event.id === eventId,
          });
          if (page !== undefined) await args.respond({ replace_original: true, ...page });
        }
        if (args.body.container.is_ephemeral !== true && args.body.view === undefined) {
          const title = escapeMrkdwn(event.title);
          await reply(
            result.status === 'waitlist'
              ? m.events.rsvpWaitlisted(title)
              : m.events.rsvpRecorded(title, m.events.status[result.status]),
          );
        }
      },
    );
  }

  // A link button opens the browser by itself; Slack still tells us, and expects an ack.
  router.action<BlockAction<ButtonAction>>(ACTION.eventCalendarLink, async ({ ack }) => {
    await ack();
  });

  router.button(ACTION.eventIcs, { ...eventButton, gate: 'anyone' }, async ({ value, userId, args }) => {
    const event = await services.events.viewable(userId, value);
    await sendFileToMember(args.client, userId, {
      filename: `event-${event.id}.ics`,
      title: event.title,
      content: icsFor(event, services.clock.now()),
      comment: `${escapeMrkdwn(event.title)} (.ics)`,
    });
  });

  router.form(
    VIEW.event,
    channelPostingForm(
      (m, { view }) =>
        eventIdFromMetadata(view.private_metadata) === null
          ? m.events.modalNewTitle
          : m.events.modalEditTitle,
      eventChannelRefusal,
    ),
    async ({ userId, locale, m, view, client, ack, fieldErrors }) => {
      const eventId = eventIdFromMetadata(view.private_metadata);
      const form = parseEventForm(view.state.values, locale, services.clock.now(), eventId === null, (text) =>
        services.members.parseInterestField(text),
      );
      if (!form.ok) {
        await fieldErrors(form.errors);
        return;
      }
      if (eventId === null && (await services.supporters.route(userId)) !== 'post') {
        const content = { kind: 'event', input: form.input } as const;
        const outcome = await submitAsSupporter(services, userId, content, view.id);
        await ack();
        // A replayed submission already got its answer.
        if (!outcome.created) return;
        await afterSupporterSubmit(services, client, outcome);
        await client.chat.postMessage({ channel: userId, text: supporterReply(outcome, locale) });
      } else if (eventId === null) {
        const { event, created } = await services.events.create(userId, form.input, view.id);
        await ack();
        if (isReplay(services.logger, { what: 'event', viewId: view.id, userId, id: event.id, created }))
          return;
        services.logger.info(`event ${event.id} created by ${userId}`);
        const posted = await postEventCard(services, client, event.id);
        const channel = `<#${event.channel}>`;
        const text = posted
          ? m.events.created(escapeMrkdwn(event.title), channel)
          : m.events.createdNoCard(escapeMrkdwn(event.title), channel);
        await client.chat.postMessage({ channel: userId, text });
      } else {
        const { event, told } = await services.events.update(userId, eventId, form.input);
        await ack();
        services.logger.info(`event ${event.id} edited by ${userId}`);
        await refreshEventCard(services, client, event.id);
        await client.chat.postMessage({
          channel: userId,
          text: m.events.updated(escapeMrkdwn(event.title), told),
        });
      }
    },
  );
}
