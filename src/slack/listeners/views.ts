import { z } from 'zod';
import type { Catalogue } from '../../i18n';
import type { Services } from '../../services';
import type { ListenerRouter } from './router';
import { publishHome } from '../home';
import { refreshEventCards } from '../eventCards';
import { interestsForm, profileForm } from '../forms/profileForm';
import { VIEW } from '../ids';
import { accessRefusal, notApprovedMessage } from '../views/approval';
import { parseProfileForm, tagProblemText } from '../parse/profileForm';

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
 * Field errors go back on their fields (response_action: errors) and nothing is saved; on success
 * the modal turns into a short confirmation. A state Slack would never send saves nothing either
 * (the router refuses a state without the form's blocks).
 */
export function registerViews(router: ListenerRouter, services: Services): void {
  const memberForm = {
    gate: 'anyone',
    surface: 'other',
    title: (m: Catalogue) => m.profile.modalTitle,
  } as const;

  router.form(
    VIEW.profile,
    { ...memberForm, blocks: PROFILE_BLOCKS },
    async ({ userId, locale, m, view, client, fieldErrors, done }) => {
      // The modal opens only after the agreement; a modal opened before it, or a forged
      // submission, is refused on its first field and saves nothing.
      const access = await services.approval.access(userId);
      if (access.kind !== 'member') {
        const refusal =
          access.kind === 'must_agree'
            ? m.onboarding.agreeBeforeProfile
            : notApprovedMessage(access.request, locale).text;
        await fieldErrors(profileForm.errors({ displayName: refusal }));
        return;
      }
      const form = parseProfileForm(view.state.values, locale, services.clock.now(), (text) =>
        services.members.parseInterestField(text),
      );
      if (!form.ok) {
        await fieldErrors(form.errors);
        return;
      }
      const visibleBefore = (await services.members.profile(userId))?.visibility;
      await services.members.saveProfile(userId, form.update);
      services.logger.info(`profile saved for ${userId}`);
      await done(m.profile.saved, m.profile.savedTitle);
      if (originOf(view.private_metadata) === 'home') await publishHome(services, client, userId);
      // Event cards name only members visible to all: one who hides their profile leaves the cards now.
      if (visibleBefore !== form.update.visibility) {
        const cards = await services.events.cardsShowing(userId);
        await refreshEventCards(services, client, cards, 'a change of visibility');
      }
    },
  );

  router.form(
    VIEW.interests,
    { ...memberForm, blocks: [interestsForm.ids.tags.block] },
    async ({ userId, locale, view, client, ack, fieldErrors }) => {
      // Only a member who agreed can reach this modal; a forged submission is refused the same way.
      const access = await services.approval.access(userId);
      if (access.kind !== 'member') {
        await fieldErrors(interestsForm.errors({ tags: accessRefusal(access, locale).text }));
        return;
      }
      const parsed = services.members.parseInterestField(interestsForm.readLenient(view.state.values).tags);
      if (!parsed.ok) {
        await fieldErrors(interestsForm.errors({ tags: tagProblemText(parsed.problem, locale) }));
        return;
      }
      await services.members.replaceInterests(userId, parsed.tags);
      await ack();
      if (originOf(view.private_metadata) === 'home') await publishHome(services, client, userId);
    },
  );
}
