import { messages, type Catalogue } from '../../i18n';
import type { PairResult } from '../../interests/service';
import type { InterestsCommand } from './verbs/interests';
import { escapeMrkdwn } from '../views/text';
import type { CommandContext } from './context';

type InterestAdminCommand = Extract<InterestsCommand, { action: 'pair' | 'unmatched' }>;

const code = (text: string): string => `\`${escapeMrkdwn(text)}\``;

/** `interests pair <ja> <en>` (admins) and `interests unmatched` (admins and organizers). */
export async function interestAdminCommand(
  ctx: CommandContext,
  command: InterestAdminCommand,
): Promise<void> {
  const m = messages(ctx.locale).interests;
  const { interests } = ctx.services;
  if (command.action === 'unmatched') {
    const unmatched = await interests.unmatched(ctx.userId);
    if (unmatched.length === 0) {
      await ctx.reply({ text: m.unmatchedNone });
      return;
    }
    const lines = unmatched.map((holder) => `• ${m.unmatchedLine(code(holder.tag), holder.members)}`);
    await ctx.reply({ text: [m.unmatchedHeading(unmatched.length), ...lines, m.unmatchedHint].join('\n') });
    return;
  }
  const result = await interests.pair(ctx.userId, ...command.sides);
  await ctx.reply({ text: pairText(result, m) });
}

function pairText(result: PairResult, m: Catalogue['interests']): string {
  switch (result.kind) {
    case 'added': {
      const added = m.pairAdded(code(result.ja), code(result.en));
      return result.moved > 0 ? `${added} ${m.pairMoved(result.moved)}` : added;
    }
    case 'already':
      return m.pairAlready(code(result.ja), code(result.en));
    case 'taken':
      return m.pairTaken(code(result.ja), code(result.key));
    case 'not_bilingual':
      return m.pairNotBilingual;
    case 'too_long':
      return m.pairTooLong(result.max);
  }
}
