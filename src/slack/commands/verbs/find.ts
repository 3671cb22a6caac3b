import { messages } from '../../../i18n';
import { MAX_QUERY_LENGTH } from '../../../members/service';
import { findResultsMessage } from '../../views/find';
import type { CommandContext } from '../context';
import { defineVerb } from './verb';

export interface FindCommand {
  readonly verb: 'find';
  readonly query: string;
}

async function find(ctx: CommandContext, command: FindCommand): Promise<void> {
  const m = messages(ctx.locale).find;
  if ([...command.query].length > MAX_QUERY_LENGTH) {
    await ctx.reply({ text: m.tooLong(MAX_QUERY_LENGTH) });
    return;
  }
  const { matches, total } = await ctx.services.members.find(ctx.userId, command.query);
  await ctx.reply(findResultsMessage(command.query, matches, total, ctx.locale));
}

export const findVerb = defineVerb<FindCommand, 'find_usage'>({
  verb: 'find',
  names: { en: ['find', 'search'], ja: ['検索', '探す'] },
  help: [{ audience: 'member', covers: [''], text: (m) => m.help.lines.find }],
  parse({ rest }) {
    const query = rest.trim();
    return query === '' ? { ok: false, usage: 'find_usage' } : { ok: true, command: { verb: 'find', query } };
  },
  usage: (_problem, m) => m.find.usage,
  run: find,
});
