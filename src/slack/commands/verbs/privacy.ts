import { messages } from '../../../i18n';
import { sendDataExport } from '../../privacyFlows';
import { deleteAskMessage, privacyMessage } from '../../views/privacy';
import { subVerb } from '../../parse/args';
import type { CommandContext } from '../context';
import { defineVerb } from './verb';

export interface PrivacyCommand {
  readonly verb: 'privacy';
  readonly action: 'menu' | 'export' | 'delete';
}

const subVerbs = { export: ['export', 'エクスポート', '書き出し'], delete: ['delete', '削除'] };

async function privacy(ctx: CommandContext, command: PrivacyCommand): Promise<void> {
  const m = messages(ctx.locale).privacy;
  switch (command.action) {
    case 'menu':
      await ctx.reply(privacyMessage(ctx.locale));
      return;
    case 'delete':
      await ctx.reply(deleteAskMessage(ctx.locale));
      return;
    case 'export':
      await ctx.reply({ text: m.exportPreparing });
      await sendDataExport(ctx.services, ctx.client, ctx.userId, ctx.locale);
      if (ctx.surface === 'slash') await ctx.reply({ text: m.exportSent });
      return;
  }
}

export const privacyVerb = defineVerb<PrivacyCommand, 'privacy_usage'>({
  verb: 'privacy',
  names: { en: ['privacy'], ja: ['プライバシー'] },
  subVerbs,
  // A member who has not agreed may still take or erase their data.
  beforeAgreement: true,
  help: [{ audience: 'member', covers: ['', 'export', 'delete'], text: (m) => m.help.lines.privacy }],
  parse({ rest }) {
    const sub = subVerb(rest, subVerbs);
    if (sub.word === '') return { ok: true, command: { verb: 'privacy', action: 'menu' } };
    if (sub.action !== undefined) return { ok: true, command: { verb: 'privacy', action: sub.action } };
    return { ok: false, usage: 'privacy_usage' };
  },
  usage: (_problem, m) => m.privacy.usage,
  run: privacy,
});
