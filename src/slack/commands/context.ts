import type { webApi } from '@slack/bolt';
import type { Locale } from '../../i18n';
import type { Services } from '../../services';
import type { ModalView } from '../blockKit';
import type { SlackMessage } from '../views/message';

/** What a command handler needs, the same whether it came as /alumni or as a DM. */
export interface CommandContext {
  readonly services: Services;
  readonly client: webApi.WebClient;
  readonly userId: string;
  readonly locale: Locale;
  readonly surface: 'slash' | 'dm';
  /** The conversation the command was given in (a slash command's channel_id, the DM), when known. */
  readonly channelId: string | undefined;
  /** Present for slash commands; a DM has none, so modals are offered as a button there. */
  readonly triggerId: string | undefined;
  /** Slash: an ephemeral reply (in the acknowledgement when still possible). DM: a message in the DM. */
  reply(message: SlackMessage): Promise<void>;
  /** True when the member pressed Confirm on the question a destructive verb asked first. */
  readonly confirmed: boolean;
  /** Slash: acknowledge now, before slow work. DM: nothing to do. */
  acknowledge(): Promise<void>;
}

/**
 * Opens a form from a slash command. A DM carries no trigger_id to open one with, so there the
 * member gets `inDm` instead (a usage line, or a button that opens the same form). The view is
 * built after the acknowledgement: building it may read the database.
 */
export async function openForm(
  ctx: CommandContext,
  inDm: SlackMessage,
  view: () => ModalView | Promise<ModalView>,
): Promise<void> {
  if (ctx.triggerId === undefined) {
    await ctx.reply(inDm);
    return;
  }
  await ctx.acknowledge();
  await ctx.client.views.open({ trigger_id: ctx.triggerId, view: await view() });
}
