import type { Visibility } from '../members/types';

/**
 * Which shared interests an intro may name. Naming a shared tag tells the others that each holder
 * has it, so a tag is named only when every member of the group holding it lets them see that:
 * - in the intro itself (a peer intro), only holders with visibility 'all' — 'staff' profiles are
 *   for admins and HR, not for peers, and 'nobody' is nobody;
 * - in an admin's preview, holders with 'all' or 'staff' (admins are staff), never 'nobody'.
 * Pairing still uses every member's interests: that is what opting in to intros asks for.
 */
export function visibleSharedTags(
  members: readonly string[],
  sharedTags: readonly string[],
  tagsOf: (userId: string) => readonly string[],
  visibilityOf: (userId: string) => Visibility,
  viewer: 'peer' | 'admin',
): string[] {
  const shows = (visibility: Visibility): boolean =>
    visibility === 'all' || (viewer === 'admin' && visibility === 'staff');
  return sharedTags.filter((tag) =>
    members.every((member) => !tagsOf(member).includes(tag) || shows(visibilityOf(member))),
  );
}
