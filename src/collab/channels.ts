import type { Profile } from '../members/types';

/**
 * One rule for every private channel the bot makes for members (collaboration channels, study
 * groups): "a hidden member is never suggested, listed or named" (issue 13), and a channel shows
 * its members to one another. So the bot adds by itself only members whose profile all alumni may
 * see. A member who hides it (visible to admins and HR, or to nobody) is sent a "Join the channel"
 * button instead, and is added only when they press it: their own explicit step.
 */
export async function whoTheBotAdds(
  userIds: readonly string[],
  profileOf: (userId: string) => Promise<Profile | undefined>,
): Promise<{ added: string[]; askedToJoin: string[] }> {
  const added: string[] = [];
  const askedToJoin: string[] = [];
  for (const userId of new Set(userIds)) {
    if ((await profileOf(userId))?.visibility === 'all') added.push(userId);
    else askedToJoin.push(userId);
  }
  return { added, askedToJoin };
}

/**
 * "Join the channel" pressed when it cannot be done: the channel is not there (yet or any more),
 * archived, or the presser is no longer on the item or group it was made for.
 */
export class NotJoinable extends Error {
  readonly code = 'not_joinable' as const;
  constructor(readonly what: string) {
    super(`${what}: its channel cannot be joined`);
  }
}
