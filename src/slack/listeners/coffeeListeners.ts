import { type Locale } from '../../i18n';
import type { Job } from '../../jobs/types';
import type { Services } from '../../services';
import { replacePressed, tellPresser } from '../presserReplies';
import { ACTION } from '../ids';
import { answeredMessage, askLead, curiousWithOffer, inviteLead } from '../views/coffee';
import type { SlackMessage } from '../views/message';
import { escapeMrkdwn, mention } from '../views/text';
import type { ListenerRouter } from './router';
import { ID_VALUE, type ButtonArgs } from './surfaces';

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

export function registerCoffeeListeners(router: ListenerRouter, services: Services): void {
  // Answers to requests are checked against the request's own people in the service.
  const coffeeButton = { gate: 'anyone', value: ID_VALUE, surface: 'coffee_button' } as const;

  router.button(
    ACTION.coffeeRequest,
    { ...coffeeButton, gate: 'agreed' },
    async ({ value: jobId, userId, m, reply }) => {
      const { job, outcome } = await services.coffee.request(userId, jobId);
      await services.members.recordActivity(userId);
      services.logger.info(`job ${jobId}: coffee chat requested by ${userId}: ${outcome}`);
      const title = escapeMrkdwn(job.title);
      const texts = {
        asked: m.coffee.requested(title),
        already: m.coffee.requestedAgain(title),
        no_contacts: m.coffee.noContacts(title),
      };
      await reply(texts[outcome]);
    },
  );

  for (const answer of ['confirmed', 'declined'] as const) {
    const actionId = answer === 'confirmed' ? ACTION.coffeeInviteConfirm : ACTION.coffeeInviteDecline;
    router.button(actionId, coffeeButton, async ({ value: contactId, userId, locale, m, args }) => {
      const { job, changed } = await services.coffee.answerInvite(userId, contactId, answer);
      services.logger.info(`job ${job.id}: contact ${userId} ${answer}${changed ? '' : ' (unchanged)'}`);
      const title = escapeMrkdwn(job.title);
      const text = answer === 'confirmed' ? m.coffee.inviteConfirmed(title) : m.coffee.inviteDeclined(title);
      await showAnswer(args, answeredMessage(inviteLead(job, locale), text));
    });
  }

  for (const accept of [true, false]) {
    const actionId = accept ? ACTION.coffeeAskAccept : ACTION.coffeeAskDecline;
    router.button(actionId, coffeeButton, async ({ value: askId, userId, locale, m, args, reply }) => {
      const { job, outcome, member } = await services.coffee.answerAsk(userId, askId, accept);
      services.logger.info(
        `job ${job.id}: coffee ask ${askId} ${accept ? 'accepted' : 'declined'} by ${userId}: ${outcome}`,
      );
      const title = escapeMrkdwn(job.title);
      if (outcome === 'already') await reply(m.coffee.alreadyAnswered);
      else if (outcome === 'member_gone' || member === null)
        await showAnswer(args, { text: m.coffee.memberGone });
      else if (outcome === 'lapsed') await showAnswer(args, { text: m.coffee.askLapsed(title) });
      else if (outcome === 'contact_outside')
        await showAnswer(args, { text: m.coffee.askContactOutside(title) });
      else {
        const text = accept ? m.coffee.accepted(mention(member)) : m.coffee.notNow;
        await showAnswer(args, answeredMessage(askLead(job, member, locale), text));
      }
    });
  }
}
