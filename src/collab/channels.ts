import type { Languages, Locale } from '../i18n';
import type { Profile } from '../members/types';
import { NoFreeChannelName } from './types';

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

/** A private channel as Slack names it. */
export interface MadeChannel {
  readonly id: string;
  readonly name: string;
}

/** The Slack side of making a private channel once (src/slack/collabSlack.ts). */
export interface PrivateChannelPort {
  /** A new private channel; 'name_taken' when that name exists already (other errors throw). */
  createPrivateChannel(name: string): Promise<MadeChannel | 'name_taken'>;
  /** The private channel of this name that the bot made and is in; undefined when there is none. */
  findPrivateChannel(name: string): Promise<MadeChannel | undefined>;
}

/**
 * The claim a caller holds on the row of one item or group (collab_channels, study_groups), as the
 * creation needs it: the channel an earlier holder recorded, and the fenced writes (false: the
 * claim was lost).
 */
export interface ChannelClaim {
  /** The channel an earlier holder recorded; null when none was. */
  readonly channelId: string | null;
  /** Records the name about to be created, before the Slack call (fencing it on the claim). */
  intend(name: string): Promise<boolean>;
  record(channel: MadeChannel): Promise<boolean>;
  /** Whether another item or group has this channel recorded (then it is not ours to adopt). */
  recordedElsewhere(channelId: string): Promise<boolean>;
}

/** The claim was taken over (stale) while this holder was at work: it must stop. */
export class ChannelClaimLost extends Error {
  constructor(readonly what: string) {
    super(`${what}: the claim on its channel was taken over`);
  }
}

/**
 * Creates the private channel of one item or group once, as "claim, then call, then record": the
 * caller holds the claim; each name is recorded in it before conversations.create, and the channel
 * after. When the create went through but its answer was lost, or the holder died before recording
 * it, the next create of that name gets name_taken: the channel of that name the bot made, recorded
 * for nobody else, is the one made before (the names carry the item's or group's id), so it is
 * adopted rather than made again under the next name. A name taken by a channel someone else made
 * moves on to the next candidate.
 */
export async function createPrivateChannelOnce(
  claim: ChannelClaim,
  slack: PrivateChannelPort,
  names: readonly string[],
  what: string,
): Promise<string> {
  if (claim.channelId !== null) return claim.channelId;
  for (const name of names) {
    if (!(await claim.intend(name))) throw new ChannelClaimLost(what);
    const created = await slack.createPrivateChannel(name);
    let channel: MadeChannel | undefined = created === 'name_taken' ? undefined : created;
    if (created === 'name_taken') {
      const found = await slack.findPrivateChannel(name);
      if (found !== undefined && !(await claim.recordedElsewhere(found.id))) channel = found;
    }
    if (channel === undefined) continue;
    if (!(await claim.record(channel))) throw new ChannelClaimLost(what);
    return channel.id;
  }
  throw new NoFreeChannelName(names[0] ?? what);
}

/** The languages the members read, the first one's first (a channel's posts stack them). */
export async function languagesOf(
  userIds: readonly string[],
  knownLocaleOf: (userId: string) => Promise<Locale>,
): Promise<Languages> {
  const locales: Locale[] = [];
  for (const userId of userIds) locales.push(await knownLocaleOf(userId));
  const [first = 'en', ...rest] = [...new Set(locales)];
  return [first, ...rest];
}
