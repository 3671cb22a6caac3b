import type { AllMiddlewareArgs, BlockAction, SlackActionMiddlewareArgs } from '@slack/bolt';
import { messages, type Locale } from '../../i18n';
import type { Services } from '../../services';
import { replacePressed, tellPresser } from '../presserReplies';
import type { ListenerRouter } from './router';
import { userMessage } from '../userMessage';
import { publishHome } from '../home';
import { ACTION, VIEW } from '../ids';
import { eraseMemberData, refreshCardsAfterErasure, sendDataExport } from '../privacyFlows';
import { agreedMessage } from '../views/charter';
import type { SlackMessage } from '../views/message';
import { doneModal } from '../views/doneModal';
import { interestsModal, profileModal, type ModalOrigin } from '../views/profile';
import { privacyModal } from '../views/privacy';

type ButtonArgs = SlackActionMiddlewareArgs<BlockAction> & AllMiddlewareArgs;

/** Where the button was pressed decides how we answer: replace the message, update the modal, or refresh Home. */
function originOf(body: BlockAction): ModalOrigin['origin'] {
  return body.view?.type === 'home' ? 'home' : 'message';
}

async function answer(
  args: ButtonArgs,
  services: Services,
  locale: Locale,
  message: SlackMessage,
  title: string,
): Promise<void> {
  const { body, client, respond } = args;
  if (body.view?.type === 'modal') {
    // Only the view the press came from (body.view.id), and only if it is the modal these
    // buttons live in: a payload naming any other view gets its answer by DM instead.
    if (body.view.callback_id !== VIEW.privacy) {
      await tellPresser(args, message);
      return;
    }
    // No hash: a second press of the same button finds the modal already replaced, and the
    // confirmation it gets is the same one, so overwriting is right rather than a conflict.
    await client.views.update({ view_id: body.view.id, view: doneModal(title, message.text, locale) });
  } else if (body.view?.type === 'home') {
    await publishHome(services, client, body.user.id, locale);
  } else {
    await respond({
      replace_original: true,
      text: message.text,
      ...(message.blocks ? { blocks: message.blocks } : {}),
    });
  }
}

/** ack() first, then the work; any failure is logged and the member told. */
function button(services: Services, work: (args: ButtonArgs, locale: Locale) => Promise<void>) {
  return async (args: ButtonArgs): Promise<void> => {
    await args.ack();
    const userId = args.body.user.id;
    const locale = await services.locales.localeOf(userId);
    try {
      await work(args, locale);
    } catch (error) {
      const failure = { where: `button ${args.action.action_id}`, userId, surface: 'other' } as const;
      await tellPresser(args, userMessage(error, locale, failure, services.logger)).catch(() => undefined);
    }
  };
}

export function registerActions(app: ListenerRouter, services: Services): void {
  app.action<BlockAction>(
    ACTION.agree,
    button(services, async (args, locale) => {
      const userId = args.body.user.id;
      const agreedAt = await services.onboarding.agree(userId);
      services.logger.info(`${userId} agreed to the charter ${services.onboarding.charter.version}`);
      if (args.body.view?.type === 'home') await publishHome(services, args.client, userId);
      else await replacePressed(args, agreedMessage(locale, agreedAt));
    }),
  );

  app.action<BlockAction>(
    ACTION.openProfile,
    button(services, async (args, locale) => {
      const { body, client } = args;
      // The welcome DM offers this button beside "I agree"; like /alumni profile, it waits for the agreement.
      if ((await services.onboarding.agreementState(body.user.id)) !== 'agreed') {
        await tellPresser(args, messages(locale).onboarding.agreeBeforeProfile);
        return;
      }
      const view = profileModal(
        await services.members.profile(body.user.id),
        locale,
        { origin: originOf(body) },
        services.clock.now(),
      );
      await client.views.open({ trigger_id: body.trigger_id, view });
    }),
  );

  app.action<BlockAction>(
    ACTION.openInterests,
    button(services, async ({ body, client }, locale) => {
      const view = interestsModal(await services.members.interests(body.user.id), locale, {
        origin: originOf(body),
      });
      await client.views.open({ trigger_id: body.trigger_id, view });
    }),
  );

  app.action<BlockAction>(
    ACTION.openPrivacy,
    button(services, async ({ body, client }, locale) => {
      await client.views.open({ trigger_id: body.trigger_id, view: privacyModal(locale) });
    }),
  );

  app.action<BlockAction>(
    ACTION.privacyExport,
    button(services, async (args, locale) => {
      const m = messages(locale).privacy;
      await sendDataExport(services, args.client, args.body.user.id, locale);
      if (args.body.view?.type === 'modal')
        await answer(args, services, locale, { text: m.exportSent }, messages(locale).privacy.modalTitle);
      else await tellPresser(args, m.exportSent);
    }),
  );

  app.action<BlockAction>(
    ACTION.privacyDelete,
    button(services, async (args, locale) => {
      const userId = args.body.user.id;
      const effects = await eraseMemberData(services, userId);
      const m = messages(locale).privacy;
      await answer(args, services, locale, { text: m.deleted }, m.modalTitle);
      // The Home tab still shows the old profile until it is published again.
      if (args.body.view?.type === 'modal') await publishHome(services, args.client, userId, locale);
      await refreshCardsAfterErasure(services, args.client, effects);
    }),
  );
}
