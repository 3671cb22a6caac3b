import type { BlockAction } from '@slack/bolt';
import type { Locale } from '../../i18n';
import type { Services } from '../../services';
import { replacePressed, tellPresser } from '../presserReplies';
import { z } from 'zod';
import type { ListenerRouter } from './router';
import type { ButtonArgs } from './surfaces';
import { publishHome } from '../home';
import { ACTION, VIEW } from '../ids';
import { eraseMemberData, refreshCardsAfterErasure, sendDataExport } from '../privacyFlows';
import { admitByEmail } from '../approvalCards';
import { notApprovedMessage } from '../views/approval';
import { agreedMessage } from '../views/charter';
import type { SlackMessage } from '../views/message';
import { doneModal } from '../views/doneModal';
import { interestsModal, profileModal, type ModalOrigin } from '../views/profile';
import { privacyModal } from '../views/privacy';

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

export function registerActions(router: ListenerRouter, services: Services): void {
  // The charter's and privacy's own buttons work before the agreement: that is what they are for.
  const open = { gate: 'anyone', value: z.unknown(), surface: 'other' } as const;

  router.button(ACTION.agree, open, async ({ userId, locale, args }) => {
    const agreedAt = await services.onboarding.agree(userId);
    services.logger.info(`${userId} agreed to the charter ${services.onboarding.charter.version}`);
    // With approval on, a newcomer on the list (or at an approved domain) is let in now; the others
    // are offered the eligibility form instead of the profile.
    const approved = await admitByEmail(services, args.client, userId);
    if (args.body.view?.type === 'home') await publishHome(services, args.client, userId);
    else if (approved) await replacePressed(args, agreedMessage(locale, agreedAt));
    else {
      const agreed = agreedMessage(locale, agreedAt).blocks?.[0];
      const next = notApprovedMessage(await services.approval.request(userId), locale);
      await replacePressed(args, {
        text: next.text,
        blocks: [...(agreed === undefined ? [] : [agreed]), ...(next.blocks ?? [])],
      });
    }
  });

  router.button(ACTION.openProfile, open, async ({ userId, locale, m, args: { body, client }, reply }) => {
    // The welcome DM offers this button beside "I agree"; like /alumni profile, it waits for the agreement.
    const access = await services.approval.access(userId);
    if (access.kind === 'must_agree') {
      await reply(m.onboarding.agreeBeforeProfile);
      return;
    }
    if (access.kind === 'not_approved') {
      await reply(notApprovedMessage(access.request, locale));
      return;
    }
    const profile = await services.members.profile(userId);
    const view = profileModal(profile, locale, { origin: originOf(body) }, services.clock.now());
    await client.views.open({ trigger_id: body.trigger_id, view });
  });

  router.button(ACTION.openInterests, open, async ({ userId, locale, args: { body, client } }) => {
    const view = interestsModal(await services.members.interests(userId), locale, { origin: originOf(body) });
    await client.views.open({ trigger_id: body.trigger_id, view });
  });

  router.button(ACTION.openPrivacy, open, async ({ locale, args: { body, client } }) => {
    await client.views.open({ trigger_id: body.trigger_id, view: privacyModal(locale) });
  });

  router.button(ACTION.privacyExport, open, async ({ userId, locale, m, args, reply }) => {
    await sendDataExport(services, args.client, userId, locale);
    if (args.body.view?.type === 'modal')
      await answer(args, services, locale, { text: m.privacy.exportSent }, m.privacy.modalTitle);
    else await reply(m.privacy.exportSent);
  });

  router.button(ACTION.privacyDelete, open, async ({ userId, locale, m, args }) => {
    const effects = await eraseMemberData(services, userId);
    await answer(args, services, locale, { text: m.privacy.deleted }, m.privacy.modalTitle);
    // The Home tab still shows the old profile until it is published again.
    if (args.body.view?.type === 'modal') await publishHome(services, args.client, userId, locale);
    await refreshCardsAfterErasure(services, args.client, effects);
  });
}
