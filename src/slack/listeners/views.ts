import type { AllMiddlewareArgs, SlackViewMiddlewareArgs, ViewSubmitAction } from '@slack/bolt';
import { z } from 'zod';
import { messages } from '../../i18n';
import type { Services } from '../../services';
import type { ListenerRouter } from './router';
import { UnreadableSubmission, userMessage } from '../userMessage';
import { publishHome } from '../home';
import { refreshEventCards } from '../eventCards';
import { interestsForm, profileForm } from '../forms/profileForm';
import { VIEW } from '../ids';
import { parseProfileForm, tagProblemText } from '../parse/profileForm';
import { readFormState } from '../parse/viewState';
import { doneModal } from '../views/doneModal';

type SubmitArgs = SlackViewMiddlewareArgs<ViewSubmitAction> & AllMiddlewareArgs;

const originSchema = z
  .object({ origin: z.enum(['home', 'command', 'message']) })
  .catch({ origin: 'command' });

function originOf(privateMetadata: string): z.infer<typeof originSchema>['origin'] {
  try {
    return originSchema.parse(JSON.parse(privateMetadata)).origin;
  } catch {
    return 'command';
  }
}

const PROFILE_BLOCKS = Object.values(profileForm.ids).map((ids) => ids.block);

/**
 * Field errors go back on their fields (response_action: errors) and nothing is saved;
 * on success the modal turns into a short confirmation. A state Slack would never send
 * (see readFormState) saves nothing either: the modal says so, with a reference in the log.
 */
function submission(
  services: Services,
  blocks: readonly string[],
  work: (args: SubmitArgs) => Promise<void>,
) {
  return async (args: SubmitArgs): Promise<void> => {
    const userId = args.body.user.id;
    const failure = { where: `view ${args.view.callback_id}`, userId, surface: 'other' } as const;
    if (readFormState(args.view.state.values, blocks) === undefined) {
      const locale = await services.locales.localeOf(userId);
      const text = userMessage(new UnreadableSubmission(), locale, failure, services.logger);
      await args.ack({
        response_action: 'update',
        view: doneModal(messages(locale).profile.modalTitle, text, locale),
      });
      return;
    }
    try {
      await work(args);
    } catch (error) {
      const locale = await services.locales.localeOf(userId);
      const text = userMessage(error, locale, failure, services.logger);
      await args
        .ack({
          response_action: 'update',
          view: doneModal(messages(locale).profile.modalTitle, text, locale),
        })
        .catch(() => undefined);
    }
  };
}

export function registerViews(app: ListenerRouter, services: Services): void {
  app.view<ViewSubmitAction>(
    VIEW.profile,
    submission(services, PROFILE_BLOCKS, async ({ ack, body, view, client }) => {
      const userId = body.user.id;
      const locale = await services.locales.localeOf(userId);
      // The modal opens only after the agreement; a modal opened before it, or a forged
      // submission, is refused the same way and saves nothing.
      if ((await services.onboarding.agreementState(userId)) !== 'agreed') {
        await ack({
          response_action: 'errors',
          errors: profileForm.errors({ displayName: messages(locale).onboarding.agreeBeforeProfile }),
        });
        return;
      }
      const form = parseProfileForm(view.state.values, locale, services.clock.now(), (text) =>
        services.members.parseInterestField(text),
      );
      if (!form.ok) {
        await ack({ response_action: 'errors', errors: form.errors });
        return;
      }
      const visibleBefore = (await services.members.profile(userId))?.visibility;
      await services.members.saveProfile(userId, form.update);
      services.logger.info(`profile saved for ${userId}`);
      const m = messages(locale).profile;
      await ack({ response_action: 'update', view: doneModal(m.savedTitle, m.saved, locale) });
      if (originOf(view.private_metadata) === 'home') await publishHome(services, client, userId);
      // Event cards name only members visible to all: one who hides their profile leaves the cards now.
      if (visibleBefore !== form.update.visibility) {
        await refreshEventCards(
          services,
          client,
          await services.events.cardsShowing(userId),
          'a change of visibility',
        );
      }
    }),
  );

  app.view<ViewSubmitAction>(
    VIEW.interests,
    submission(services, [interestsForm.ids.tags.block], async ({ ack, body, view, client }) => {
      const userId = body.user.id;
      const locale = await services.locales.localeOf(userId);
      // Only a member who agreed can reach this modal; a forged submission is refused the same way.
      if ((await services.onboarding.agreementState(userId)) !== 'agreed') {
        await ack({
          response_action: 'errors',
          errors: interestsForm.errors({ tags: messages(locale).onboarding.mustAgreeFirst }),
        });
        return;
      }
      const parsed = services.members.parseInterestField(interestsForm.readLenient(view.state.values).tags);
      if (!parsed.ok) {
        await ack({
          response_action: 'errors',
          errors: interestsForm.errors({ tags: tagProblemText(parsed.problem, locale) }),
        });
        return;
      }
      await services.members.replaceInterests(userId, parsed.tags);
      await ack();
      if (originOf(view.private_metadata) === 'home') await publishHome(services, client, userId);
    }),
  );
}
