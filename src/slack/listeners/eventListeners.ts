import type {
  AllMiddlewareArgs,
  BlockAction,
  ButtonAction,
  SlackActionMiddlewareArgs,
  SlackViewMiddlewareArgs,
  ViewSubmitAction,
} from '@slack/bolt';
import { z } from 'zod';
import { messages, type Locale } from '../../i18n';
import { ChannelRefused } from '../../audience/types';
import { icsFor } from '../../events/calendar';
import type { RsvpChoice } from '../../events/types';
import type { Services } from '../../services';
import { tellPresser } from '../presserReplies';
import type { ListenerRouter } from './router';
import { userMessage } from '../userMessage';
import { eventsListPage, postEventCard, refreshEventCard } from '../eventCards';
import { sendFileToMember } from '../files';
import { publishHome } from '../home';
import { ACTION, VIEW } from '../ids';
import { eventChannelRefusal, eventIdFromMetadata, parseEventForm } from '../parse/eventForm';
import { doneModal } from '../views/doneModal';
import { escapeMrkdwn } from '../views/text';
import { isReplay } from '../replays';

type ButtonArgs = SlackActionMiddlewareArgs<BlockAction<ButtonAction>> & AllMiddlewareArgs;

const eventIdValue = z.coerce.number().int().positive();

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

function rsvp(services: Services, choice: RsvpChoice) {
  return async (args: ButtonArgs): Promise<void> => {
    await args.ack();
    const userId = args.body.user.id;
    const locale = await services.locales.localeOf(userId);
    const m = messages(locale).events;
    try {
      const eventId = eventIdValue.parse(args.action.value);
      if ((await services.onboarding.agreementState(userId)) !== 'agreed') {
        await tellPresser(args, messages(locale).onboarding.mustAgreeFirst);
        return;
      }
      const result = await services.events.rsvp(userId, eventId, choice, await displayNameOf(services, args));
      await services.members.recordActivity(userId);
      services.logger.info(`rsvp ${userId} ${choice} → ${result.status} for event ${eventId}`);
      const event = await services.events.get(eventId);
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
        const text =
          result.status === 'waitlist'
            ? m.rsvpWaitlisted(escapeMrkdwn(event.title))
            : m.rsvpRecorded(escapeMrkdwn(event.title), m.status[result.status]);
        await tellPresser(args, text);
      }
    } catch (error) {
      await explain(services, args, locale, error);
    }
  };
}

/** Tells the presser what went wrong, in words (see userMessage). */
async function explain(services: Services, args: ButtonArgs, locale: Locale, error: unknown): Promise<void> {
  const where = `event button ${args.action.action_id}`;
  const failure = { where, userId: args.body.user.id, surface: 'event_button' } as const;
  await tellPresser(args, userMessage(error, locale, failure, services.logger)).catch(() => undefined);
}

export function registerEventListeners(app: ListenerRouter, services: Services): void {
  app.action<BlockAction<ButtonAction>>(ACTION.rsvpGoing, rsvp(services, 'going'));
  app.action<BlockAction<ButtonAction>>(ACTION.rsvpMaybe, rsvp(services, 'maybe'));
  app.action<BlockAction<ButtonAction>>(ACTION.rsvpNotGoing, rsvp(services, 'not_going'));

  // A link button opens the browser by itself; Slack still tells us, and expects an ack.
  app.action<BlockAction<ButtonAction>>(ACTION.eventCalendarLink, async ({ ack }) => {
    await ack();
  });

  app.action<BlockAction<ButtonAction>>(ACTION.eventIcs, async (args) => {
    await args.ack();
    const userId = args.body.user.id;
    const locale = await services.locales.localeOf(userId);
    try {
      const event = await services.events.viewable(userId, eventIdValue.parse(args.action.value));
      await sendFileToMember(args.client, userId, {
        filename: `event-${event.id}.ics`,
        title: event.title,
        content: icsFor(event, services.clock.now()),
        comment: `${escapeMrkdwn(event.title)} (.ics)`,
      });
    } catch (error) {
      await explain(services, args, locale, error);
    }
  });

  app.view<ViewSubmitAction>(
    VIEW.event,
    async ({ ack, body, view, client }: SlackViewMiddlewareArgs<ViewSubmitAction> & AllMiddlewareArgs) => {
      const userId = body.user.id;
      const locale = await services.locales.localeOf(userId);
      const m = messages(locale);
      const eventId = eventIdFromMetadata(view.private_metadata);
      try {
        const form = parseEventForm(
          view.state.values,
          locale,
          services.clock.now(),
          eventId === null,
          (text) => services.members.parseInterestField(text),
        );
        if (!form.ok) {
          await ack({ response_action: 'errors', errors: form.errors });
          return;
        }
        if (eventId === null) {
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
      } catch (error) {
        if (error instanceof ChannelRefused) {
          // Nothing was saved; the organizer picks another channel (or invites the bot) and submits again.
          services.logger.info(`event form from ${userId}: channel ${error.reason}`);
          await ack({ response_action: 'errors', errors: eventChannelRefusal(error.reason, locale) });
          return;
        }
        const title = eventId === null ? m.events.modalNewTitle : m.events.modalEditTitle;
        const failure = { where: 'event modal', userId, surface: 'manage_form' } as const;
        const text = userMessage(error, locale, failure, services.logger);
        await ack({ response_action: 'update', view: doneModal(title, text, locale) }).catch(async () => {
          await client.chat.postMessage({ channel: userId, text });
        });
      }
    },
  );
}
