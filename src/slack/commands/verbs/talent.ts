import { idArg } from '../../parse/args';
import { talentCommand } from '../introHandlers';
import { defineVerb } from './verb';

export interface TalentCommand {
  readonly verb: 'talent';
  readonly query:
    { readonly kind: 'role'; readonly jobId: number } | { readonly kind: 'text'; readonly text: string };
}

export const talentVerb = defineVerb<TalentCommand, 'talent_usage'>({
  verb: 'talent',
  names: { en: ['talent'], ja: ['人材'] },
  help: [{ audience: 'hr', covers: [''], text: (m) => m.help.lines.talent }],
  parse({ rest }) {
    const query = rest.trim();
    if (query === '') return { ok: false, usage: 'talent_usage' };
    const id = idArg.safeParse(query);
    return {
      ok: true,
      command: {
        verb: 'talent',
        query: id.success ? { kind: 'role', jobId: id.data } : { kind: 'text', text: query },
      },
    };
  },
  usage: (_problem, m) => m.talent.usage,
  run: talentCommand,
});
