import type { webApi } from '@slack/bolt';
import type { Locale } from '../i18n';
import type { Services } from '../services';
import { listedJobsFor } from './jobCards';
import { notApprovedMessage } from './views/approval';
import { homeView } from './views/home';

/**
 * Publishes one member's App Home: only ever for the member who opened it or just changed something.
 * `rolesFrom` is where HR's page of open roles starts (Previous / More); false, with nothing
 * published, when it points past the end because the list shrank since that page was shown.
 */
export async function publishHome(
  services: Services,
  client: webApi.WebClient,
  userId: string,
  knownLocale?: Locale,
  rolesFrom = 0,
): Promise<boolean> {
  // After an erasure the caller passes the locale it has, so that no lookup writes a new row about the member.
  const locale = knownLocale ?? (await services.locales.localeOf(userId));
  const managedRoles = (await services.roles.has(userId, 'hr'))
    ? await services.jobs.openWithFunnel(userId, rolesFrom)
    : undefined;
  if (managedRoles !== undefined && managedRoles.offset > 0 && managedRoles.items.length === 0) return false;
  const access = await services.approval.access(userId);
  const view = homeView(
    {
      profile: await services.members.profile(userId),
      roles: await services.roles.rolesOf(userId),
      agreed: access.kind !== 'must_agree',
      waiting: access.kind === 'not_approved' ? notApprovedMessage(access.request, locale) : undefined,
      charter: services.onboarding.charter.text(locale),
      myEvents: await services.events.myUpcoming(userId),
      managedEvents: (await services.roles.has(userId, 'organizer'))
        ? (await services.events.upcomingPageFor(userId, [], { offset: 0 })).items.map((item) => item.event)
        : [],
      myAnnouncements: await services.announcements.activeBy(userId),
      jobs: {
        forMe: await listedJobsFor(services, userId, 3),
        hasInterests: (await services.members.interests(userId)).length > 0,
        managed: managedRoles,
      },
      asks: (
        await services.asks.picksFor([{ userId, interests: await services.members.interests(userId) }])
      ).get(userId),
      study: await services.homeSections.studyOf(userId),
      mentoring: await services.homeSections.mentoringOf(userId),
      chapters: await services.chapters.list(userId),
      proposals: await services.supporters.mine(userId),
      userId,
      timeZone: services.config.defaultTimezone,
    },
    locale,
  );
  await client.views.publish({ user_id: userId, view });
  return true;
}

/**
 * Runs the work of a press, then, when the press came from the Home tab, publishes it again, whether
 * the work succeeded or was refused: a refusal (a group that formed meanwhile, a request handed on
 * because the mentor is full) changes what the member's Home should show too.
 */
export async function refreshingHome<T>(
  services: Services,
  args: { body: { view?: { type: string } }; client: webApi.WebClient },
  userId: string,
  locale: Locale,
  work: () => Promise<T>,
): Promise<T> {
  try {
    return await work();
  } finally {
    if (args.body.view?.type === 'home')
      // A failed refresh is logged, so that it never hides the press's own answer or error.
      await publishHome(services, args.client, userId, locale).catch((error: unknown) => {
        services.logger.warn(`Home of ${userId} not refreshed: ${String(error)}`);
      });
  }
}
