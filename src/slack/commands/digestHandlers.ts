import { messages } from '../../i18n';
import type { DigestCommand } from './verbs/digest';
import { digestJobActions, digestBlocks, type JobActions } from '../views/digests';
import type { CommandContext } from './context';
import type { KnownBlock } from '../blockKit';
import { mrkdwn } from '../views/text';

export function digestCommandWith(jobActions: JobActions) {
  return async (ctx: CommandContext, command: DigestCommand): Promise<void> => {
    const { digests } = ctx.services;
    const m = messages(ctx.locale).digests;
    switch (command.action) {
      case 'status': {
        const frequency = await digests.frequencyOf(ctx.userId);
        await ctx.reply({ text: `${m.status(m.frequency[frequency])}\n${m.usage}` });
        return;
      }
      case 'weekly':
      case 'daily':
      case 'off':
        await digests.setFrequency(ctx.userId, command.action);
        await ctx.reply({
          text: command.action === 'off' ? m.turnedOff : m.set(m.frequency[command.action]),
        });
        return;
      case 'preview': {
        const content = await digests.preview(ctx.userId);
        if (
          content.jobs.length === 0 &&
          content.events.length === 0 &&
          (content.asks?.items.length ?? 0) === 0
        ) {
          await ctx.reply({ text: m.nothing });
          return;
        }
        const frequency = await digests.frequencyOf(ctx.userId);
        const blocks = digestBlocks(
          content,
          ctx.locale,
          ctx.services.config.defaultTimezone,
          jobActions,
          frequency === 'daily' ? 'daily' : 'weekly',
        );
        const lead: KnownBlock = { type: 'section', text: mrkdwn(`_${m.previewLead}_`) };
        await ctx.reply({ text: m.previewLead, blocks: [lead, ...blocks].slice(0, 50) });
        return;
      }
      case 'send': {
        const started = await digests.runNow(ctx.userId);
        await ctx.reply({ text: m.sendStarted(started.recipients, started.nothingNew) });
        // Deliver now rather than at the next tick; the report follows when nothing is waiting.
        await ctx.services.scheduler.tick();
        return;
      }
    }
  };
}

export const digestCommand = digestCommandWith(digestJobActions);
