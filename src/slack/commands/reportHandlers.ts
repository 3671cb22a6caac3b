import { messages } from '../../i18n';
import { reportModal } from '../forms/reportForm';
import { parsePermalink } from '../parse/permalink';
import { conductOf } from '../reportCards';
import { openReportFormMessage } from '../views/moderation';
import type { CommandContext } from './context';
import type { ReportCommand } from './verbs/report';

/**
 * `report` and `report <message link>`, in a DM only, where nobody else sees it was typed: the form,
 * with a field for the link (prefilled when one was given). From a DM message, which has no
 * trigger_id, a button opens it.
 */
export async function reportCommand(ctx: CommandContext, command: ReportCommand): Promise<void> {
  const m = messages(ctx.locale).moderation;
  const inDm = ctx.surface === 'dm' || ctx.channelId?.startsWith('D') === true;
  if (!inDm) {
    await ctx.reply({ text: m.onlyInDm });
    return;
  }
  if (!ctx.services.moderation.configured) {
    await ctx.reply({ text: m.notSetUp });
    return;
  }
  const linked = command.text === '' ? undefined : parsePermalink(command.text);
  if (command.text !== '' && linked === undefined) {
    await ctx.reply({ text: m.badLink });
    return;
  }
  if (ctx.triggerId === undefined) {
    await ctx.reply(openReportFormMessage(ctx.locale, linked?.url ?? ''));
    return;
  }
  await ctx.acknowledge();
  await ctx.client.views.open({
    trigger_id: ctx.triggerId,
    view: reportModal(
      { source: 'link' },
      { locale: ctx.locale, conduct: conductOf(ctx.services)(ctx.locale), askLink: true, link: linked?.url },
    ),
  });
}
