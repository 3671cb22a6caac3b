import type { AllMiddlewareArgs, App, SlackCommandMiddlewareArgs } from '@slack/bolt';
import type { Services } from '../../services';
import { runCommand } from '../commands/dispatch';
import type { SlackMessage } from '../views/message';

export const ALUMNI_COMMAND = '/alumni';

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
    try {
      const locale = await services.locales.localeOf(command.user_id);
      await runCommand(
        {
          services,
          client,
          userId: command.user_id,
          locale,
          surface: 'slash',
          triggerId: command.trigger_id,
          reply,
          acknowledge,
        },
        command.text,
      );
    } finally {
      await acknowledge();
    }
  };
}

export function registerCommands(app: App, services: Services): void {
  app.command(ALUMNI_COMMAND, alumniCommand(services));
}
