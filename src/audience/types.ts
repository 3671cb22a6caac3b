/** What the bot knows of a channel that cards are posted in. */
export interface ChannelRecord {
  readonly channelId: string;
  readonly isPrivate: boolean;
  /** When conversations.info last answered for it. */
  readonly checkedAt: Date;
  /** Private channels: when the member list was last read in full; null when it must be read again. */
  readonly membersSyncedAt: Date | null;
}

/**
 * Slack's answers about channels, supplied by the Slack layer (rules stay free of the Web API).
 * Both return undefined when the bot cannot read the channel: a private channel it is not in,
 * or one that is gone. Other failures (rate limits, network) throw.
 */
export interface ChannelDirectory {
  describe(channelId: string): Promise<{ readonly isPrivate: boolean } | undefined>;
  /**
   * The channel's members, every page. With `lookingFor`, reading may stop as soon as that member
   * is seen, and `complete` says whether the list is whole.
   */
  members(
    channelId: string,
    lookingFor?: string,
  ): Promise<{ readonly members: readonly string[]; readonly complete: boolean } | undefined>;
}

/** Whether a member may post a card in a channel, as the event and role forms ask. */
export type PosterCheck = 'member' | 'not_member' | 'unreadable' | 'unavailable';

/** What sits in a channel: the refusal names the kind of item (an event, a role, an announcement). */
export type AudienceItem = 'event' | 'role' | 'announcement';

/** An item whose card is in a private channel, asked for by someone outside that channel. */
export class NotInAudience extends Error {
  readonly code = 'not_in_audience' as const;
  constructor(
    readonly userId: string,
    readonly channelId: string,
    readonly item: AudienceItem,
  ) {
    super(`${userId} is not a member of ${channelId}, where the ${item} is`);
  }
}

/** The chosen channel failed the form's check: not a member, the bot cannot read it, or Slack did not answer. */
export class ChannelRefused extends Error {
  readonly code = 'channel_refused' as const;
  constructor(readonly reason: Exclude<PosterCheck, 'member'>) {
    super(`channel refused: ${reason}`);
  }
}
