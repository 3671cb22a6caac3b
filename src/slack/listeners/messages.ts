import type { AllMiddlewareArgs, App, SlackEventMiddlewareArgs } from '@slack/bolt';
import type { Services } from '../../services';
import { runCommand } from '../commands/dispatch';
import type { SlackMessage } from '../views/message';

/** The same verbs as /alumni, typed to the bot in its Messages tab (a leading "/alumni" is tolerated). */
function directMessage(services: Services) {
  return async ({
    event,
    client,
  }: SlackEventMiddlewareArgs<'message'> & AllMiddlewareArgs): Promise<void> => {
    // Only what a person typed: edits, deletions, joins and bot posts carry a subtype or a bot_id.
    if (event.channel_type !== 'im' || event.subtype !== undefined || 'bot_id' in event) return;
    const userId = event.user;
    const channel = event.channel;
    const text = (event.text ?? '').replace(/^\s*\/?alumni\b/i, '');
    const reply = async (message: SlackMessage): Promise<void> => {
      await client.chat.postMessage({
        channel,
        text: message.text,
        ...(message.blocks ? { blocks: message.blocks } : {}),
      });
    };
    const locale = await services.locales.localeOf(userId);
    await runCommand(
      {
        services,
        client,
        userId,
        locale,
        surface: 'dm',
        channelId: channel,
        confirmed: false,
        triggerId: undefined,
        reply,
        acknowledge: () => Promise.resolve(),
      },
      text,
    );
  };
}

export function registerMessages(app: App, services: Services): void {
  app.event('message', directMessage(services));
}
