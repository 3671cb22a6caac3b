import { messages } from '../../i18n';
import type { JobCommand } from './verbs/jobs';
import { jobsListFor, postJobCard, refreshJobCard } from '../jobCards';
import { jobModal } from '../views/jobs';
import { escapeMrkdwn, mention } from '../views/text';
import { openForm, type CommandContext } from './context';
import { confirmedFirst } from './confirm';
import { contactsCommand } from './coffeeHandlers';

export async function listJobs(ctx: CommandContext): Promise<void> {
  await ctx.reply(await jobsListFor(ctx.services, ctx.userId, ctx.locale));
}

/** HR's verbs: new, edit, close, reopen, hired, post, contacts. */
export async function jobCommand(ctx: CommandContext, command: JobCommand): Promise<void> {
  const { services } = ctx;
  const m = messages(ctx.locale).jobs;
  // Checked before any modal opens; the service checks again when the work is done.
  await services.roles.require(ctx.userId, 'hr');
  switch (command.action) {
    case 'new':
      await openForm(ctx, { text: m.newNeedsSlash }, () =>
        jobModal(ctx.locale, ctx.userId, services.config.jobsChannelId),
      );
      return;
    case 'edit': {
      // Checked before the form opens; the service checks again when the edit is saved.
      const job = await services.jobs.manageable(ctx.userId, command.jobId);
      // The role stays in its channel: the form shows it fixed, as with JOBS_CHANNEL_ID.
      await openForm(ctx, { text: m.editNeedsSlash(job.id) }, () =>
        jobModal(ctx.locale, ctx.userId, job.cardChannel ?? services.config.jobsChannelId, job),
      );
      return;
    }
    case 'close': {
      const before = await services.jobs.manageable(ctx.userId, command.jobId);
      if (before.status !== 'open') {
        await ctx.reply({ text: m.alreadyClosed(escapeMrkdwn(before.title)) });
        return;
      }
      const question = m.confirmClose(escapeMrkdwn(before.title));
      if (!(await confirmedFirst(ctx, question, `job close ${before.id}`))) return;
      const { job, changed } = await services.jobs.close(ctx.userId, command.jobId);
      const title = escapeMrkdwn(job.title);
      if (!changed) {
        await ctx.reply({ text: m.alreadyClosed(title) });
        return;
      }
      services.logger.info(`job ${job.id} closed by ${ctx.userId}`);
      await ctx.reply({ text: m.closedDone(title) });
      await refreshJobCard(services, ctx.client, job.id);
      return;
    }
    case 'reopen': {
      const { job, changed } = await services.jobs.reopen(ctx.userId, command.jobId);
      const title = escapeMrkdwn(job.title);
      if (!changed) {
        await ctx.reply({ text: job.status === 'open' ? m.alreadyOpen(title) : m.notOpen[job.status] });
        return;
      }
      services.logger.info(`job ${job.id} reopened by ${ctx.userId}`);
      await ctx.reply({ text: m.reopened(title) });
      await refreshJobCard(services, ctx.client, job.id);
      return;
    }
    case 'hired': {
      const { job, recorded, filledNow } = await services.jobs.hired(
        ctx.userId,
        command.jobId,
        command.userId,
      );
      const who = mention(command.userId);
      const title = escapeMrkdwn(job.title);
      services.logger.info(
        `job ${job.id}: hire of ${command.userId} recorded by ${ctx.userId} (${recorded ? 'new' : 'already recorded'})`,
      );
      await ctx.reply({ text: recorded ? m.hiredDone(who, title) : m.hiredAgain(who, title) });
      if (filledNow) await refreshJobCard(services, ctx.client, job.id);
      return;
    }
    case 'post': {
      const job = await services.jobs.manageable(ctx.userId, command.jobId);
      const title = escapeMrkdwn(job.title);
      if (job.status !== 'open') {
        await ctx.reply({ text: m.notOpen[job.status] });
        return;
      }
      if (job.cardTs !== null) {
        await refreshJobCard(services, ctx.client, job.id);
        await ctx.reply({ text: m.alreadyPosted(title) });
        return;
      }
      await ctx.acknowledge();
      const channel = `<#${job.cardChannel ?? services.config.jobsChannelId ?? ''}>`;
      const posted = await postJobCard(services, ctx.client, job.id);
      await ctx.reply({ text: posted ? m.posted(title, channel) : m.notPosted(title, channel) });
      return;
    }
    case 'contacts':
      await contactsCommand(ctx, command.jobId, command.userIds);
      return;
  }
}
