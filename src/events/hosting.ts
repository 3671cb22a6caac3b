import type { RoleService } from '../roles/service';

/** Whether a member who is no organizer may post events (or announcements) in a channel. */
export type HostsIn = (userId: string, channel: string) => Promise<boolean>;

/**
 * Who may post an event or announcement in a channel: an organizer anywhere; a member who hosts
 * in that channel (a study group's proposer, a chapter's lead) there only. The one place this rule
 * lives, so a new kind of host is one more `hostsIn` answer; PermissionDenied otherwise.
 */
export async function requireHost(
  roles: RoleService,
  hostsIn: HostsIn | undefined,
  actorId: string,
  /** undefined: no channel to host in (an event that does not exist), so the organizer role it is. */
  channel: string | undefined,
): Promise<void> {
  if (channel !== undefined && (await hostsIn?.(actorId, channel))) return;
  await roles.require(actorId, 'organizer');
}
