import type { BlockAction, ButtonAction } from '@slack/bolt';
import { REFERRAL_MOVES } from '../../jobs/types';
import type { Services } from '../../services';
import type { ListenerRouter } from './router';
import { channelPostingForm, ID_VALUE } from './surfaces';
import { publishHome } from '../home';
import { ACTION, VIEW } from '../ids';
import { jobsListPage, postJobCard, refreshJobCard } from '../jobCards';
import { jobIdFromMetadata } from '../forms/jobForm';
import {
  jobChannelRefusal,
  jobIdFromReferralMetadata,
  parseJobForm,
  parseReferralForm,
} from '../parse/jobForm';
import { MOVE_ACTIONS, referralMessage, referralModal } from '../views/jobs';
import { escapeMrkdwn, mention } from '../views/text';
import { curiousReply } from './coffeeListeners';
import { isReplay } from '../replays';

export function registerJobListeners(router: ListenerRouter, services: Services): void {
  // Curious and referrals share the events' rule: members act after agreeing to the code of conduct.
  const roleButton = { gate: 'agreed', value: ID_VALUE, surface: 'role_button' } as const;

  router.button(
    ACTION.jobCurious,
    { ...roleButton, takesTurns: true },
    async ({ value: jobId, userId, locale, m, args, reply }) => {
      const teamId = args.body.user.team_id ?? args.body.team?.id;
      const result = await services.jobs.curious(userId, jobId, teamId);
      await services.members.recordActivity(userId);
      services.logger.info(
        `job ${jobId}: ${userId} is curious; recipient ${result.recipient ?? 'none'}, ${result.disclosure}${result.alreadyTold ? ', already told' : ''}`,
      );
      const title = escapeMrkdwn(result.job.title);
      let text: string;
      if (result.recipient === null) text = m.jobs.curiousNoRecruiter(title);
      else if (result.alreadyTold) text = m.jobs.curiousAgain(mention(result.recipient), title);
      else {
        const seen = result.disclosure === 'profile' ? m.jobs.curiousSeesProfile : m.jobs.curiousSeesName;
        text = `${m.jobs.curiousDone(mention(result.recipient), title)}\n${seen}`;
      }
      if (args.body.view?.type === 'home') {
        await publishHome(services, args.client, userId, locale);
      } else if (args.body.container.is_ephemeral === true) {
        // The member's own /alumni jobs list: show the page they were on again, with the role marked.
        const page = await jobsListPage(services, userId, locale, { around: (i) => i.job.id === jobId });
        if (page !== undefined) await args.respond({ replace_original: true, ...page });
      }
      // With a confirmed team contact, the confirmation also offers a coffee chat.
      await reply(await curiousReply(services, userId, result.job, text, locale));
    },
  );

  router.button(ACTION.jobRefer, roleButton, async ({ value: jobId, userId, locale, args }) => {
    const job = await services.jobs.answerable(userId, jobId);
    await args.client.views.open({ trigger_id: args.body.trigger_id, view: referralModal(job, locale) });
  });

  // Slack has already opened the apply link in the browser; all that is left is to count the click.
  router.button(ACTION.jobApply, { ...roleButton, gate: 'anyone' }, async ({ value: jobId, userId }) => {
    const counted = await services.jobs.applyClick(userId, jobId);
    services.logger.info(`job ${jobId}: apply click by ${userId}${counted ? '' : ' (already counted)'}`);
  });

  // A link button into Slack itself: nothing to do but acknowledge.
  router.action<BlockAction<ButtonAction>>(ACTION.jobMessageMember, async ({ ack }) => {
    await ack();
  });

  // The recruiter's moves; the service checks that the presser is the role's recruiter, HR or an admin.
  for (const status of REFERRAL_MOVES) {
    router.button(
      MOVE_ACTIONS[status],
      { ...roleButton, gate: 'anyone' },
      async ({ value: referralId, userId, locale, m, args, reply }) => {
        const { job, referral, changed } = await services.jobs.moveReferral(userId, referralId, status);
        services.logger.info(
          `referral ${referralId} for job ${job.id}: ${changed ? `moved to ${status}` : `already ${status}`} by ${userId}`,
        );
        if (changed && args.body.response_url !== undefined && args.body.container.is_ephemeral !== true) {
          // The recruiter's DM: show the new status on the message itself.
          await args.respond({ replace_original: true, ...referralMessage(job, referral, locale) });
        }
        const name = escapeMrkdwn(referral.candidateName);
        const statusText = m.jobs.referralStatus[status];
        const text = !changed
          ? m.jobs.moveSame(name, statusText)
          : referral.referrer === null
            ? m.jobs.movedNoReferrer(name, statusText)
            : m.jobs.moved(name, statusText);
        await reply(text);
      },
    );
  }

  router.form(
    VIEW.job,
    channelPostingForm((m) => m.jobs.modalTitle, jobChannelRefusal),
    async ({ userId, locale, m, view, client, ack, fieldErrors }) => {
      // An edit keeps the role's channel (the form showed it fixed, as with JOBS_CHANNEL_ID).
      const editing = jobIdFromMetadata(view.private_metadata);
      const fixedChannel =
        editing === undefined
          ? services.config.jobsChannelId
          : ((await services.jobs.manageable(userId, editing)).cardChannel ?? undefined);
      const form = parseJobForm(view.state.values, locale, services.jobs.today(), fixedChannel, (text) =>
        services.members.parseInterestField(text),
      );
      if (!form.ok) {
        await fieldErrors(form.errors);
        return;
      }
      if (editing !== undefined) {
        const job = await services.jobs.update(userId, editing, form.input);
        await ack();
        services.logger.info(`job ${job.id} edited by ${userId}`);
        await refreshJobCard(services, client, job.id);
        await client.chat.postMessage({ channel: userId, text: m.jobs.updated(escapeMrkdwn(job.title)) });
        return;
      }
      const { job, created } = await services.jobs.create(userId, form.input, view.id);
      await ack();
      if (isReplay(services.logger, { what: 'job', viewId: view.id, userId, id: job.id, created })) return;
      services.logger.info(`job ${job.id} posted by ${userId}`);
      const posted = await postJobCard(services, client, job.id);
      const channel = `<#${form.input.channel}>`;
      const title = escapeMrkdwn(job.title);
      const text = posted
        ? m.jobs.created(title, channel, mention(form.input.recruiter))
        : m.jobs.createdNoCard(title, channel, job.id);
      await client.chat.postMessage({ channel: userId, text });
    },
  );

  router.form(
    VIEW.referral,
    { gate: 'agreed', surface: 'member_form', title: (m) => m.jobs.referModalTitle },
    async ({ userId, locale, m, view, fieldErrors, done }) => {
      const jobId = jobIdFromReferralMetadata(view.private_metadata);
      if (jobId === undefined) {
        await done(m.jobs.notFound('?'));
        return;
      }
      const form = parseReferralForm(view.state.values, locale);
      if (!form.ok) {
        await fieldErrors(form.errors);
        return;
      }
      const { job, referral, recipient, created } = await services.jobs.refer(
        userId,
        jobId,
        form.input,
        view.id,
      );
      if (
        !isReplay(services.logger, { what: 'referral', viewId: view.id, userId, id: referral.id, created })
      ) {
        await services.members.recordActivity(userId);
        services.logger.info(`referral ${referral.id} for job ${job.id} by ${userId}`);
      }
      const name = escapeMrkdwn(referral.candidateName);
      const title = escapeMrkdwn(job.title);
      const text =
        recipient === null
          ? m.jobs.referDoneNoRecruiter(name, title)
          : m.jobs.referDone(mention(recipient), name, title);
      await done(text, m.jobs.referDoneTitle);
    },
  );
}
