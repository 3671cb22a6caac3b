import { askModal } from '../forms/askForm';
import { tagProblemText } from '../parse/profileForm';
import { asksListFor, myAsksFor } from '../askCards';
import { openAskFormMessage } from '../views/asks';
import { openForm, type CommandContext } from './context';

import type { AskCommand, AsksCommand } from './verbs/asks';

/** `ask` / `offer`: the form, straight away from a slash command; from a DM, a button that opens it. */
export async function askCommand(ctx: CommandContext, command: AskCommand): Promise<void> {
  await openForm(ctx, openAskFormMessage(command.type, ctx.locale), () => askModal(command.type, ctx.locale));
}

/** `asks`, `asks mine`, `asks <tags>`. */
export async function asksCommand(ctx: CommandContext, command: AsksCommand): Promise<void> {
  const { services } = ctx;
  switch (command.action) {
    case 'open':
      await ctx.reply(await asksListFor(services, ctx.userId, ctx.locale));
      return;
    case 'mine':
      await ctx.reply(await myAsksFor(services, ctx.userId, ctx.locale));
      return;
    case 'tags': {
      // The same reading as interests, so `asks テニス` finds items tagged tennis.
      const tags = services.members.parseInterestField(command.text);
      if (!tags.ok) {
        await ctx.reply({ text: tagProblemText(tags.problem, ctx.locale) });
        return;
      }
      await ctx.reply(await asksListFor(services, ctx.userId, ctx.locale, tags.tags));
      return;
    }
  }
}
