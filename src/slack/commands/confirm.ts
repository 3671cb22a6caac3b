import { messages } from '../../i18n';
import { ACTION } from '../ids';
import { mrkdwn, plain } from '../views/text';
import type { CommandContext } from './context';

/** Longest command a Confirm button carries (Slack allows 2,000 characters in a value). */
export const MAX_CONFIRMED_COMMAND = 500;

/**
 * A destructive verb asks first. Before the member confirms, this replies with the question and
 * Confirm / Keep buttons and returns false; Confirm runs `command` again through the same verb
 * (permissions checked anew in the service) with `confirmed`, and then this returns true.
 */
export async function confirmedFirst(
  ctx: CommandContext,
  question: string,
  command: string,
): Promise<boolean> {
  if (ctx.confirmed) return true;
  const m = messages(ctx.locale).common;
  await ctx.reply({
    text: question,
    blocks: [
      { type: 'section', text: mrkdwn(question) },
      {
        type: 'actions',
        block_id: 'command.confirm',
        elements: [
          {
            type: 'button',
            action_id: ACTION.commandConfirm,
            style: 'danger',
            text: plain(m.confirm, 75),
            value: command.slice(0, MAX_CONFIRMED_COMMAND),
          },
          { type: 'button', action_id: ACTION.commandKeep, text: plain(m.keep, 75), value: 'keep' },
        ],
      },
    ],
  });
  return false;
}
