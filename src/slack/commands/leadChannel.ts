import type { Services } from '../../services';

/**
 * The channel a member who is no organizer may post events and announcements in as a chapter's
 * lead (the first chapter they lead), or undefined: then the organizer role is required. Only
 * decides whether the form opens and where it points; the service checks the channel on submit.
 */
export async function leadChannel(services: Services, userId: string): Promise<string | undefined> {
  if (await services.roles.has(userId, 'organizer')) return undefined;
  return (await services.chapters.ledBy(userId))[0]?.channelId;
}
