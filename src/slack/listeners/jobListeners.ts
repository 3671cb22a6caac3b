import type {
  AllMiddlewareArgs,
  BlockAction,
  ButtonAction,
  SlackActionMiddlewareArgs,
  SlackViewMiddlewareArgs,
  ViewSubmitAction,
} from '@slack/bolt';
import { z } from 'zod';
import { ChannelRefused } from '../../audience/types';
import { messages, type Locale } from '../../i18n';
import { REFERRAL_MOVES, type ReferralMove } from '../../jobs/types';
import type { Services } from '../../services';
import { tellPresser } from '../presserReplies';
import type { ListenerRouter } from './router';
import { userMessage } from '../userMessage';
import { publishHome } from '../home';
import { ACTION, VIEW } from '../ids';
import { jobsListPage, postJobCard } from '../jobCards';
import {
  jobChannelRefusal,
  jobIdFromReferralMetadata,
  parseJobForm,
  parseReferralForm,
} from '../parse/jobForm';
import { MOVE_ACTIONS, referralMessage, referralModal } from '../views/jobs';
import { doneModal } from '../views/doneModal';
import { escapeMrkdwn, mention } from '../views/text';
import { curiousReply } from './coffeeListeners';
import { isReplay } from '../replays';

type ButtonArgs = SlackActionMiddlewareArgs<BlockAction<ButtonAction>> & AllMiddlewareArgs;
type ViewArgs = SlackViewMiddlewareArgs<ViewSubmitAction> & AllMiddlewareArgs;

/** Button values are ids we wrote, but they come back from Slack: read them as untrusted. */
const idValue = z.coerce.number().int().positive();

/** Tells the presser what went wrong, in words (see userMessage). */
async function explain(services: Services, args: ButtonArgs, locale: Locale, error: unknown): Promise<void> {
  const where = `job button ${args.action.action_id}`;
  const failure = { where, userId: args.body.user.id, surface: 'role_button' } as const;
  await tellPresser(args, userMessage(error, locale, failure, services.logger));
}

/** ack() first; then the work, with every failure explained to the presser. */
function button(services: Services, work: (args: ButtonArgs, locale: Locale) => Promise<void> | void) {
  return async (args: ButtonArgs): Promise<void> => {
    await args.ack();
    const locale = await services.locales.localeOf(args.body.user.id);
    try {
      await work(args, locale);
    } catch (error) {
      await explain(services, args, locale, error).catch((failure: unknown) => {
        services.logger.error(
          `job button ${args.action.action_id}: could not tell ${args.body.user.id}:`,
          failure,
        );
      });
    }
  };
}

/** Curious and referrals share the events' rule: members act after agreeing to the code of conduct. */
async function agreed(services: Services, args: ButtonArgs, locale: Locale): Promise<boolean> {
  if ((await services.onboarding.agreementState(args.body.user.id)) === 'agreed') return true;
  await tellPresser(args, messages(locale).onboarding.mustAgreeFirst);
  return false;
}

function curious(services: Services) {
  return button(services, async (args, locale) => {
    const m = messages(locale).jobs;
    const userId = args.body.user.id;
    const jobId = idValue.parse(args.action.value);
    if (!(await agreed(services, args, locale))) return;
    const teamId = args.body.user.team_id ?? args.body.team?.id;
    const result = await services.jobs.curious(userId, jobId, teamId);
    await services.members.recordActivity(userId);
    services.logger.info(
      `job ${jobId}: ${userId} is curious; recipient ${result.recipient ?? 'none'}, ${result.disclosure}${result.alreadyTold ? ', already told' : ''}`,
    );
    const title = escapeMrkdwn(result.job.title);
    let text: string;
    if (result.recipient === null) text = m.curiousNoRecruiter(title);
    else if (result.alreadyTold) text = m.curiousAgain(mention(result.recipient), title);
    else {
      const seen = result.disclosure === 'profile' ? m.curiousSeesProfile : m.curiousSeesName;
      text = `${m.curiousDone(mention(result.recipient), title)}\n${seen}`;
    }
    if (args.body.view?.type === 'home') {
      await publishHome(services, args.client, userId, locale);
    } else if (args.body.container.is_ephemeral === true) {
      // The member's own /alumni jobs list: show the page they were on again, with the role marked.
      const page = await jobsListPage(services, userId, locale, { around: (i) => i.job.id === jobId });
      if (page !== undefined) await args.respond({ replace_original: true, ...page });
    }
    // With a confirmed team contact, the confirmation also offers a coffee chat.
    const reply = await curiousReply(services, userId, result.job, text, locale);
    await tellPresser(args, reply);
  });
}

function refer(services: Services) {
  return button(services, async (args, locale) => {
    const jobId = idValue.parse(args.action.value);
    if (!(await agreed(services, args, locale))) return;
    const job = await services.jobs.answerable(args.body.user.id, jobId);
    await args.client.views.open({ trigger_id: args.body.trigger_id, view: referralModal(job, locale) });
  });
}

function apply(services: Services) {
  return button(services, async (args) => {
    // Slack has already opened the apply link in the browser; all that is left is to count the click.
    const jobId = idValue.parse(args.action.value);
    const counted = await services.jobs.applyClick(args.body.user.id, jobId);
    services.logger.info(
      `job ${jobId}: apply click by ${args.body.user.id}${counted ? '' : ' (already counted)'}`,
    );
  });
}

function moveReferral(services: Services, status: ReferralMove) {
  return button(services, async (args, locale) => {
    const m = messages(locale).jobs;
    const actorId = args.body.user.id;
    const referralId = idValue.parse(args.action.value);
    const { job, referral, changed } = await services.jobs.moveReferral(actorId, referralId, status);
    services.logger.info(
      `referral ${referralId} for job ${job.id}: ${changed ? `moved to ${status}` : `already ${status}`} by ${actorId}`,
    );
    if (changed && args.body.response_url !== undefined && args.body.container.is_ephemeral !== true) {
      // The recruiter's DM: show the new status on the message itself.
      await args.respond({ replace_original: true, ...referralMessage(job, referral, locale) });
    }
    const name = escapeMrkdwn(referral.candidateName);
    const statusText = m.referralStatus[status];
    const text = !changed
      ? m.moveSame(name, statusText)
      : referral.referrer === null
        ? m.movedNoReferrer(name, statusText)
        : m.moved(name, statusText);
    await tellPresser(args, text);
  });
}

async function submitJob(services: Services, { ack, body, view, client }: ViewArgs): Promise<void> {
  const userId = body.user.id;
  const locale = await services.locales.localeOf(userId);
  const m = messages(locale);
  try {
    const form = parseJobForm(
      view.state.values,
      locale,
      services.jobs.today(),
      services.config.jobsChannelId,
      (text) => services.members.parseInterestField(text),
    );
    if (!form.ok) {
      await ack({ response_action: 'errors', errors: form.errors });
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
  } catch (error) {
    if (error instanceof ChannelRefused) {
      // Nothing was saved; HR picks another channel (or invites the bot) and submits again.
      services.logger.info(`role form from ${userId}: channel ${error.reason}`);
      await ack({ response_action: 'errors', errors: jobChannelRefusal(error.reason, locale) });
      return;
    }
    const failure = { where: 'job modal', userId, surface: 'manage_form' } as const;
    const text = userMessage(error, locale, failure, services.logger);
    await ack({ response_action: 'update', view: doneModal(m.jobs.modalTitle, text, locale) }).catch(
      async () => {
        await client.chat.postMessage({ channel: userId, text });
      },
    );
  }
}

async function submitReferral(services: Services, { ack, body, view, client }: ViewArgs): Promise<void> {
  const userId = body.user.id;
  const locale = await services.locales.localeOf(userId);
  const m = messages(locale);
  const done = (text: string) => doneModal(m.jobs.referModalTitle, text, locale);
  try {
    const jobId = jobIdFromReferralMetadata(view.private_metadata);
    if (jobId === undefined) {
      await ack({ response_action: 'update', view: done(m.jobs.notFound('?')) });
      return;
    }
    if ((await services.onboarding.agreementState(userId)) !== 'agreed') {
      await ack({ response_action: 'update', view: done(m.onboarding.mustAgreeFirst) });
      return;
    }
    const form = parseReferralForm(view.state.values, locale);
    if (!form.ok) {
      await ack({ response_action: 'errors', errors: form.errors });
      return;
    }
    const { job, referral, recipient, created } = await services.jobs.refer(
      userId,
      jobId,
      form.input,
      view.id,
    );
    if (!isReplay(services.logger, { what: 'referral', viewId: view.id, userId, id: referral.id, created })) {
      await services.members.recordActivity(userId);
      services.logger.info(`referral ${referral.id} for job ${job.id} by ${userId}`);
    }
    const name = escapeMrkdwn(referral.candidateName);
    const title = escapeMrkdwn(job.title);
    const text =
      recipient === null
        ? m.jobs.referDoneNoRecruiter(name, title)
        : m.jobs.referDone(mention(recipient), name, title);
    await ack({ response_action: 'update', view: doneModal(m.jobs.referDoneTitle, text, locale) });
  } catch (error) {
    const failure = { where: 'referral modal', userId, surface: 'member_form' } as const;
    const text = userMessage(error, locale, failure, services.logger);
    await ack({ response_action: 'update', view: done(text) }).catch(async () => {
      await client.chat.postMessage({ channel: userId, text });
    });
  }
}

export function registerJobListeners(app: ListenerRouter, services: Services): void {
  app.action<BlockAction<ButtonAction>>(ACTION.jobCurious, curious(services));
  app.action<BlockAction<ButtonAction>>(ACTION.jobRefer, refer(services));
  app.action<BlockAction<ButtonAction>>(ACTION.jobApply, apply(services));
  // A link button into Slack itself: nothing to do but acknowledge.
  app.action<BlockAction<ButtonAction>>(ACTION.jobMessageMember, async ({ ack }) => {
    await ack();
  });
  for (const status of REFERRAL_MOVES) {
    app.action<BlockAction<ButtonAction>>(MOVE_ACTIONS[status], moveReferral(services, status));
  }
  app.view<ViewSubmitAction>(VIEW.job, (args) => submitJob(services, args));
  app.view<ViewSubmitAction>(VIEW.referral, (args) => submitReferral(services, args));
}
