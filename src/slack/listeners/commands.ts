import type { AllMiddlewareArgs, App, SlackCommandMiddlewareArgs } from '@slack/bolt';
import type { Services } from '../../services';
import { runCommand } from '../commands/dispatch';
import type { SlackMessage } from '../views/message';

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
