import type { AllMiddlewareArgs, App, SlackCommandMiddlewareArgs } from '@slack/bolt';
import { z } from 'zod';
import type { Services } from '../../services';
import { runCommand } from '../commands/dispatch';
import type { SlackMessage } from '../views/message';
import { MAX_CONFIRMED_COMMAND } from '../commands/confirm';
import { ACTION } from '../ids';
import { replacePressed, tellPresser } from '../presserReplies';
import type { ListenerRouter } from './router';

export const ALUMNI_COMMAND = '/alumni';
/** How long a command may take before it is acknowledged empty, well inside Slack's 3 s. */
const ACK_BUDGET_MS = 1200;

/** /alumni: replies are ephemeral, in the acknowledgement itself when the answer is quick. */
function alumniCommand(services: Services) {
  return async ({
    command,
    ack,
    respond,
    client,
  }: SlackCommandMiddlewareArgs & AllMiddlewareArgs): Promise<void> => {
    let acknowledged = false;
    const acknowledge = async (): Promise<void> => {
      if (acknowledged) return;
      acknowledged = true;
      await ack();
    };
    const reply = async (message: SlackMessage): Promise<void> => {
      const body = {
        response_type: 'ephemeral' as const,
        text: message.text,
        ...(message.blocks ? { blocks: message.blocks } : {}),
      };
      if (!acknowledged) {
        acknowledged = true;
        await ack(body);
      } else {
        await respond(body);
      }
    };
    // Slack waits 3 s for the acknowledgement. A quick answer rides in it; a slow one (a digest run
    // planned for thousands, a busy database) is acknowledged empty in time and follows at the
    // response_url.
    const late = setTimeout(() => {
      acknowledge().catch((error: unknown) =>
        services.logger.warn(`/alumni from ${command.user_id}: acknowledgement failed: ${String(error)}`),
      );
    }, ACK_BUDGET_MS);
    try {
      const locale = await services.locales.localeOf(command.user_id);
      await runCommand(
        {
          services,
          client,
          userId: command.user_id,
          locale,
          surface: 'slash',
          channelId: command.channel_id,
          confirmed: false,
          triggerId: command.trigger_id,
          reply,
          acknowledge,
        },
        command.text,
      );
    } finally {
      clearTimeout(late);
      await acknowledge();
    }
  };
}

export function registerCommands(app: App, services: Services): void {
  app.command(ALUMNI_COMMAND, alumniCommand(services));
}

const confirmedCommand = z.string().min(1).max(MAX_CONFIRMED_COMMAND);

/**
 * Confirm runs the command its button carries through runCommand again (gate, parser and the
 * service's permission checks all apply anew), its first answer replacing the question; a second
 * press finds the work done and says so. Keep replaces the question and changes nothing.
 */
export function registerCommandButtons(router: ListenerRouter, services: Services): void {
  router.button(
    ACTION.commandConfirm,
    { gate: 'anyone', value: confirmedCommand, surface: 'other', badValue: (m) => m.common.kept },
    async ({ value, userId, locale, args }) => {
      let replaced = false;
      const reply = async (message: SlackMessage): Promise<void> => {
        if (replaced) return tellPresser(args, message);
        replaced = true;
        return replacePressed(args, message);
      };
      const surface = args.body.channel?.id.startsWith('D') === true ? 'dm' : 'slash';
      const channelId = args.body.channel?.id;
      const ctx = { services, client: args.client, userId, locale, surface, channelId, reply } as const;
      await runCommand(
        { ...ctx, triggerId: args.body.trigger_id, confirmed: true, acknowledge: () => Promise.resolve() },
        value,
      );
    },
  );
  router.button(
    ACTION.commandKeep,
    { gate: 'anyone', value: z.unknown(), surface: 'other' },
    async ({ m, args }) => {
      await replacePressed(args, { text: m.common.kept });
    },
  );
}
