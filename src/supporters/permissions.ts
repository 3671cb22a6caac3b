import type { RoleService } from '../roles/service';

/**
 * Whether a member may post an event or announcement themselves rather than propose it: organizers
 * (and admins) always, supporters when SUPPORTERS_POST_DIRECTLY=on. The one place this rule lives,
 * so that other posting rights (e.g. a chapter lead's) join it here.
 */
export async function mayPostDirectly(
  roles: RoleService,
  userId: string,
  supportersPostDirectly: boolean,
): Promise<boolean> {
  if (await roles.has(userId, 'organizer')) return true;
  return supportersPostDirectly && (await roles.has(userId, 'supporter'));
}
