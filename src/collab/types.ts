import type { Languages, Locale } from '../i18n';
import type { AskItem } from '../asks/types';
import type { OutboxMessage } from '../scheduler/types';
import type { PrivateChannelPort } from './channels';

/**
 * creating: claimed, Slack calls under way (or interrupted: the next press resumes);
 * ready: the channel exists and its quiet spells are watched;
 * archived: archived after a quiet spell (the archive is an outbox row);
 * gone: Slack no longer lets the bot read it (deleted, or the bot was removed): no longer watched.
 */
export type CollabStatus = 'creating' | 'ready' | 'archived' | 'gone';

export interface CollabChannel {
  readonly askId: number;
  readonly status: CollabStatus;
  readonly startedBy: string | null;
  readonly claimToken: string | null;
  readonly claimedAt: Date;
  readonly channelId: string | null;
  readonly channelName: string | null;
  readonly introTs: string | null;
  readonly lastMessageAt: Date | null;
  readonly headsUpFor: Date | null;
  readonly headsUpAt: Date | null;
  readonly archivedAt: Date | null;
}

export const COLLAB_LIMITS = {
  /**
   * Days between the heads-up and the archive. A week: long enough to be seen by someone back from a
   * holiday, short enough that a dead channel does not linger another month.
   */
  graceDays: 7,
  /** A claim older than this whose holder never finished is taken over by the next press. */
  staleClaimMs: 2 * 60_000,
  /** Names tried when Slack answers name_taken: the name, then -2, -3, … */
  nameAttempts: 5,
} as const;

/**
 * The Slack calls a collaboration channel (or a study group) needs; the composition root supplies
 * them. Making the channel once is src/collab/channels.ts (createPrivateChannelOnce).
 */
export interface CollabSlack extends PrivateChannelPort {
  /** Invites these members (already_in_channel is no error). */
  invite(channelId: string, userIds: readonly string[]): Promise<void>;
  /**
   * Posts a message carrying `key`, once: when the channel's recent history holds a message with
   * that key already (posted before a crash), its ts is returned and nothing is posted again.
   */
  postOnce(channelId: string, message: OutboxMessage, key: string): Promise<string>;
  /** Pins a message (already_pinned is no error). */
  pin(channelId: string, ts: string): Promise<void>;
  /**
   * The time of the latest message a member (not a bot) wrote after `since`, thread replies
   * included; undefined when there is none. Throws CollabChannelGone when the bot cannot read it.
   */
  latestActivity(channelId: string, since: Date): Promise<Date | undefined>;
}

/** Words of what the channels post, supplied by the Slack layer (Block Kit stays out of the rules). */
export interface CollabMessages {
  /** The item at the top of the new channel, and how quiet channels are archived. */
  intro(item: AskItem, languages: Languages, idleDays: number): OutboxMessage;
  /** The one heads-up of a quiet spell. */
  headsUp(languages: Languages, idleDays: number): OutboxMessage;
  /** To a responder who hides their profile: the channel exists, with a "Join the channel" button. */
  join(item: AskItem, channelId: string, locale: Locale): OutboxMessage;
  /** What the archive row records (it posts nothing: conversations.archive). */
  archive(idleDays: number): OutboxMessage;
}

/** Pressing "Start a channel" when nobody who may be invited has responded yet. */
export class TooFewForChannel extends Error {
  readonly code = 'too_few_for_channel' as const;
  constructor(readonly askId: number) {
    super(`ask ${askId} has nobody to invite to a channel`);
  }
}

/** Someone other than the author (or an admin) pressing "Start a channel". */
export class NotChannelStarter extends Error {
  readonly code = 'not_channel_starter' as const;
  constructor(readonly askId: number) {
    super(`only its author or an admin may start a channel for ask ${askId}`);
  }
}

/** The channel is being created by another press (or replica) right now. */
export class ChannelInProgress extends Error {
  readonly code = 'channel_in_progress' as const;
  constructor(readonly askId: number) {
    super(`the channel of ask ${askId} is being created`);
  }
}

/** Every name tried was taken. */
export class NoFreeChannelName extends Error {
  readonly code = 'no_free_channel_name' as const;
  constructor(readonly base: string) {
    super(`no free channel name from ${base}`);
  }
}

/** Slack says the bot cannot read or post in the channel any more (deleted, or the bot removed). */
export class CollabChannelGone extends Error {
  constructor(
    readonly channelId: string,
    readonly reason: string,
  ) {
    super(`channel ${channelId} is gone for the bot (${reason})`);
  }
}

/** What a press achieved: a new channel, or the one the item has already. */
export interface StartedChannel {
  readonly channelId: string;
  readonly created: boolean;
  /** Who was invited (the author first). */
  readonly invited: readonly string[];
  /** Responders not invited because their profile is not visible to all alumni (sent a Join button). */
  readonly leftOut: readonly string[];
}
