import { messages } from '../../../i18n';
import { subVerb } from '../../parse/args';
import { studyModal } from '../../forms/studyForm';
import { studyListMessage } from '../../views/study';
import { openForm, type CommandContext } from '../context';
import { defineVerb } from './verb';

export type StudyCommand = { readonly verb: 'study'; readonly action: 'list' | 'propose' };

const studySubVerbs = { propose: ['propose', '提案'] };

/** `study`: the proposals gathering members; `study propose`: the form (from a DM, the usage). */
export const studyVerb = defineVerb<StudyCommand, 'study_usage'>({
  verb: 'study',
  names: { en: ['study'], ja: ['勉強会'] },
  subVerbs: studySubVerbs,
  help: [{ audience: 'member', covers: ['', 'propose'], text: (m) => m.help.lines.study }],
  parse({ rest }) {
    if (rest.trim() === '') return { ok: true, command: { verb: 'study', action: 'list' } };
    const sub = subVerb(rest, studySubVerbs);
    // The form asks for everything; words after `propose` are most likely a misunderstanding.
    if (sub.action === 'propose' && sub.rest.trim() === '')
      return { ok: true, command: { verb: 'study', action: 'propose' } };
    return { ok: false, usage: 'study_usage' };
  },
  usage: (_problem, m) => m.study.usage,
  run: studyCommand,
});

async function studyCommand(ctx: CommandContext, command: StudyCommand): Promise<void> {
  if (command.action === 'list') {
    await ctx.reply(studyListMessage(await ctx.services.study.list(ctx.userId), ctx.userId, ctx.locale));
    return;
  }
  await openForm(ctx, { text: messages(ctx.locale).study.usage }, () => studyModal(ctx.locale));
}
