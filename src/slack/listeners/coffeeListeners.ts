import type { AllMiddlewareArgs, BlockAction, ButtonAction, SlackActionMiddlewareArgs } from '@slack/bolt';
import { z } from 'zod';
import { messages, type Locale } from '../../i18n';
import type { Job } from '../../jobs/types';
import type { Services } from '../../services';
import { replacePressed, tellPresser } from '../presserReplies';
import { userMessage } from '../userMessage';
import { ACTION } from '../ids';
import { answeredMessage, askLead, curiousWithOffer, inviteLead } from '../views/coffee';
import type { SlackMessage } from '../views/message';
import { escapeMrkdwn, mention } from '../views/text';
import type { ListenerRouter } from './router';

type ButtonArgs = SlackActionMiddlewareArgs<BlockAction<ButtonAction>> & AllMiddlewareArgs;

/** Button values are ids we wrote, but they come back from Slack: read them as untrusted. */
const idValue = z.coerce.number().int().positive();

/** Shows the answer in the DM the buttons sat in, so they cannot be pressed again by mistake. */
async function showAnswer(args: ButtonArgs, message: SlackMessage): Promise<void> {
  if (args.body.response_url === undefined || args.body.container.is_ephemeral === true) {
    await tellPresser(args, message);
    return;
  }
  await replacePressed(args, message);
}

/**
 * The ephemeral confirmation of "I'm curious": with the offer of a coffee chat when the role has a
 * confirmed team contact and the member has not asked for one yet. Called by the jobs listener.
 */
export async function curiousReply(
  services: Services,
  userId: string,
  job: Job,
  text: string,
  locale: Locale,
): Promise<SlackMessage> {
  if (job.status !== 'open' || !(await services.coffee.offerable(job.id, userId))) return { text };
  return curiousWithOffer(text, job.id, locale);
}

/** ack() first; then the work, with every failure logged (ids only) and the presser told. */
function button(
  services: Services,
  work: (args: ButtonArgs, userId: string, locale: Locale) => Promise<void>,
) {
  return async (args: ButtonArgs): Promise<void> => {
    await args.ack();
    const userId = args.body.user.id;
    try {
      const locale = await services.locales.localeOf(userId);
      try {
        await work(args, userId, locale);
      } catch (error) {
        const where = `coffee button ${args.action.action_id}`;
        const failure = { where, userId, surface: 'coffee_button' } as const;
        await tellPresser(args, userMessage(error, locale, failure, services.logger));
      }
    } catch (failure) {
      services.logger.error(`coffee button ${args.action.action_id}: could not answer ${userId}:`, failure);
    }
  };
}

function request(services: Services) {
  return button(services, async (args, userId, locale) => {
    const m = messages(locale);
    const jobId = idValue.parse(args.action.value);
    if ((await services.onboarding.agreementState(userId)) !== 'agreed') {
      await tellPresser(args, m.onboarding.mustAgreeFirst);
      return;
    }
    const { job, outcome } = await services.coffee.request(userId, jobId);
    await services.members.recordActivity(userId);
    services.logger.info(`job ${jobId}: coffee chat requested by ${userId}: ${outcome}`);
    const title = escapeMrkdwn(job.title);
    const texts = {
      asked: m.coffee.requested(title),
      already: m.coffee.requestedAgain(title),
      no_contacts: m.coffee.noContacts(title),
    };
    await tellPresser(args, texts[outcome]);
  });
}

function invite(services: Services, answer: 'confirmed' | 'declined') {
  return button(services, async (args, userId, locale) => {
    const m = messages(locale).coffee;
    const contactId = idValue.parse(args.action.value);
    const { job, changed } = await services.coffee.answerInvite(userId, contactId, answer);
    services.logger.info(`job ${job.id}: contact ${userId} ${answer}${changed ? '' : ' (unchanged)'}`);
    const title = escapeMrkdwn(job.title);
    await showAnswer(
      args,
      answeredMessage(
        inviteLead(job, locale),
        answer === 'confirmed' ? m.inviteConfirmed(title) : m.inviteDeclined(title),
      ),
    );
  });
}

function ask(services: Services, accept: boolean) {
  return button(services, async (args, userId, locale) => {
    const m = messages(locale).coffee;
    const askId = idValue.parse(args.action.value);
    const { job, outcome, member } = await services.coffee.answerAsk(userId, askId, accept);
    services.logger.info(
      `job ${job.id}: coffee ask ${askId} ${accept ? 'accepted' : 'declined'} by ${userId}: ${outcome}`,
    );
    if (outcome === 'already') {
      await tellPresser(args, m.alreadyAnswered);
      return;
    }
    if (outcome === 'member_gone' || member === null) {
      await showAnswer(args, { text: m.memberGone });
      return;
    }
    if (outcome === 'lapsed') {
      await showAnswer(args, { text: m.askLapsed(escapeMrkdwn(job.title)) });
      return;
    }
    if (outcome === 'contact_outside') {
      await showAnswer(args, { text: m.askContactOutside(escapeMrkdwn(job.title)) });
      return;
    }
    const answer = accept ? m.accepted(mention(member)) : m.notNow;
    await showAnswer(args, answeredMessage(askLead(job, member, locale), answer));
  });
}

export function registerCoffeeListeners(app: ListenerRouter, services: Services): void {
  app.action<BlockAction<ButtonAction>>(ACTION.coffeeRequest, request(services));
  app.action<BlockAction<ButtonAction>>(ACTION.coffeeInviteConfirm, invite(services, 'confirmed'));
  app.action<BlockAction<ButtonAction>>(ACTION.coffeeInviteDecline, invite(services, 'declined'));
  app.action<BlockAction<ButtonAction>>(ACTION.coffeeAskAccept, ask(services, true));
  app.action<BlockAction<ButtonAction>>(ACTION.coffeeAskDecline, ask(services, false));
}
