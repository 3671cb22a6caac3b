import type { TalentResult } from '../../availability/types';
import { messages } from '../../i18n';
import { MAX_QUERY_LENGTH } from '../../members/service';
import type { IntrosCommand } from './verbs/intros';
import type { TalentCommand } from './verbs/talent';
import { talentMessage } from '../views/availability';
import { introStatusText, previewMessage, snoozedText, turnedOnText } from '../views/intros';
import type { CommandContext } from './context';

/** `intros`, `intros on|off|snooze <weeks>` for everyone; `intros preview` and `intros run` for admins. */
export async function introsCommand(ctx: CommandContext, command: IntrosCommand): Promise<void> {
  const { intros } = ctx.services;
  const m = messages(ctx.locale).intros;
  switch (command.action) {
    case 'status':
      await ctx.reply({ text: introStatusText(await intros.status(ctx.userId), ctx.locale) });
      return;
    case 'on':
      await intros.turnOn(ctx.userId);
      await ctx.reply({ text: turnedOnText((await intros.status(ctx.userId)).nextRound, ctx.locale) });
      return;
    case 'off':
      await intros.turnOff(ctx.userId);
      await ctx.reply({ text: m.turnedOff });
      return;
    case 'snooze': {
      const result = await intros.snooze(ctx.userId, command.weeks);
      await ctx.reply({ text: result.ok ? snoozedText(result.until, ctx.locale) : m.snoozeNotOn });
      return;
    }
    case 'preview':
      await ctx.reply(previewMessage(await intros.preview(ctx.userId), ctx.locale));
      return;
    case 'run':
      // The service checks the role before anything is planned; the summary follows by DM.
      await intros.runNow(ctx.userId);
      await ctx.reply({ text: m.runStarted });
      // Deliver now rather than at the next tick (the lease holder's, when there are replicas).
      await ctx.services.scheduler.tick();
      return;
  }
}

/** HR's `talent <role id or interests>`. The role is checked by the service, before anything is read. */
export async function talentCommand(ctx: CommandContext, command: TalentCommand): Promise<void> {
  const { services } = ctx;
  const m = messages(ctx.locale).talent;
  let result: TalentResult;
  if (command.query.kind === 'role') {
    result = await services.availability.talent(ctx.userId, { kind: 'role', jobId: command.query.jobId });
  } else {
    // Refuse a non-HR caller before judging their words, so the reply names the role it takes.
    await services.roles.require(ctx.userId, 'hr');
    if ([...command.query.text].length > MAX_QUERY_LENGTH) {
      await ctx.reply({ text: m.tooLong(MAX_QUERY_LENGTH) });
      return;
    }
    const parsed = services.members.parseInterestField(command.query.text);
    if (!parsed.ok || parsed.tags.length === 0) {
      await ctx.reply({ text: m.usage });
      return;
    }
    result = await services.availability.talent(ctx.userId, { kind: 'text', tags: parsed.tags });
  }
  if (!result.ok) {
    await ctx.reply({ text: m.roleWithoutTags(result.jobId, result.title) });
    return;
  }
  await ctx.reply(talentMessage(result, ctx.locale));
}
