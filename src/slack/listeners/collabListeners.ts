import type {
  AllMiddlewareArgs,
  App,
  BlockAction,
  ButtonAction,
  SlackActionMiddlewareArgs,
  SlackEventMiddlewareArgs,
} from '@slack/bolt';
import { z } from 'zod';
import { messages, person, joinList, type Locale } from '../../i18n';
import type { Services } from '../../services';
import { isMemberMessage } from '../collabSlack';
import { slackErrorCode } from '../errors';
import { ACTION } from '../ids';
import { tellPresser } from '../presserReplies';
import { userMessage } from '../userMessage';
import type { ListenerRouter } from './router';

type ButtonArgs = SlackActionMiddlewareArgs<BlockAction<ButtonAction>> & AllMiddlewareArgs;

/** The button's value is an id we wrote, but it comes back from Slack: read it as untrusted. */
const askIdValue = z.coerce.number().int().positive();

/** What the presser is told when Slack itself refused (a workspace that forbids apps making channels). */
function failureText(services: Services, error: unknown, locale: Locale, userId: string): string {
  const code = slackErrorCode(error);
  if (code !== undefined) {
    services.logger.warn(`collab channel for ${userId}: Slack refused (${code})`);
    return messages(locale).collab.refused(code);
  }
  return userMessage(
    error,
    locale,
    { where: 'ask button ask.channel', userId, surface: 'ask_button' },
    services.logger,
  );
}

/** "Start a channel": ack first; the service checks who pressed and claims the channel before any Slack call. */
function startChannel(services: Services) {
  return async (args: ButtonArgs): Promise<void> => {
    await args.ack();
    const userId = args.body.user.id;
    const locale = await services.locales.localeOf(userId);
    const m = messages(locale).collab;
    let text: string;
    try {
      const askId = askIdValue.parse(args.action.value);
      const started = await services.collab.start(userId, askId);
      const channel = `<#${started.channelId}>`;
      const who = (ids: readonly string[]) =>
        joinList(
          locale,
          ids.map((id) => person(locale, id)),
        );
      text = started.created ? m.started(channel, who(started.invited)) : m.already(channel);
      if (started.leftOut.length > 0) text += `\n${m.leftOut(who(started.leftOut))}`;
      await services.members.recordActivity(userId);
    } catch (error) {
      text = failureText(services, error, locale, userId);
    }
    await tellPresser(args, text).catch((failed: unknown) => {
      services.logger.error(`ask button ask.channel: could not tell ${userId}:`, failed);
    });
  };
}

/** Who wrote where: only these fields of a message event are read, and only as far as they parse. */
const channelMessage = z
  .object({
    channel: z.string().regex(/^[CG][A-Z0-9]{2,}$/),
    channel_type: z.enum(['group', 'channel']),
    user: z.string().optional(),
    bot_id: z.string().optional(),
    subtype: z.string().optional(),
  })
  .loose();

/**
 * message.groups: a member wrote in a private channel the bot is in. When it is a collaboration
 * channel, its quiet spell starts again (see CollabService for why events and history both count).
 */
function channelMessageListener(services: Services) {
  return async ({ event }: SlackEventMiddlewareArgs<'message'> & AllMiddlewareArgs): Promise<void> => {
    const parsed = channelMessage.safeParse(event);
    if (!parsed.success || !isMemberMessage(parsed.data)) return;
    await services.collab.noteMessage(parsed.data.channel);
  };
}

export function registerCollabListeners(app: ListenerRouter, services: Services): void {
  app.action<BlockAction<ButtonAction>>(ACTION.askChannel, startChannel(services));
}

export function registerCollabMessages(app: App, services: Services): void {
  app.event('message', channelMessageListener(services));
}
