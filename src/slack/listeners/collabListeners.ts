import type { AllMiddlewareArgs, App, SlackEventMiddlewareArgs } from '@slack/bolt';
import { z } from 'zod';
import { person, joinList } from '../../i18n';
import type { Services } from '../../services';
import { isMemberMessage } from '../collabSlack';
import { slackErrorCode } from '../errors';
import { ACTION } from '../ids';
import type { ListenerRouter } from './router';
import { ID_VALUE } from './surfaces';
import type { StartedChannel } from '../../collab/types';

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

/** "Start a channel": the service checks who pressed and claims the channel before any Slack call. */
export function registerCollabListeners(router: ListenerRouter, services: Services): void {
  router.button(
    ACTION.askChannel,
    { gate: 'anyone', value: ID_VALUE, surface: 'ask_button' },
    async ({ value: askId, userId, locale, m, reply }) => {
      let started: StartedChannel;
      try {
        started = await services.collab.start(userId, askId);
      } catch (error) {
        // Slack itself refused (a workspace that forbids apps making channels): say so in its words.
        const code = slackErrorCode(error);
        if (code === undefined) throw error;
        services.logger.warn(`collab channel for ${userId}: Slack refused (${code})`);
        await reply(m.collab.refused(code));
        return;
      }
      const channel = `<#${started.channelId}>`;
      const who = (ids: readonly string[]) =>
        joinList(
          locale,
          ids.map((id) => person(locale, id)),
        );
      let text = started.created
        ? m.collab.started(channel, who(started.invited))
        : m.collab.already(channel);
      if (started.leftOut.length > 0) text += `\n${m.collab.leftOut(who(started.leftOut))}`;
      await services.members.recordActivity(userId);
      await reply(text);
    },
  );
  registerCollabJoin(router, services);
}

/** "Join the channel": the service checks the presser is on the item and the channel is open. */
function registerCollabJoin(router: ListenerRouter, services: Services): void {
  router.button(
    ACTION.collabJoin,
    { gate: 'agreed', value: ID_VALUE, surface: 'ask_button' },
    async ({ value: askId, userId, m, reply }) => {
      const channelId = await services.collab.join(userId, askId);
      await services.members.recordActivity(userId);
      await reply(m.collab.joined(`<#${channelId}>`));
    },
  );
}

export function registerCollabMessages(app: App, services: Services): void {
  app.event('message', channelMessageListener(services));
}
