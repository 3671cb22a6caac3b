import type { Selectable } from 'kysely';
import type { CollabChannel, CollabStatus } from '../collab/types';
import { claimLetGoOrStale } from './claims';
import type { Database } from './schema';
import { StoreBacked } from './storeBacked';

type ChannelRow = Selectable<Database['collab_channels']>;

const STATUSES: readonly CollabStatus[] = ['creating', 'ready', 'archived', 'gone'];
const dateOrNull = (value: string | null): Date | null => (value === null ? null : new Date(value));

function toChannel(row: ChannelRow): CollabChannel {
  return {
    askId: row.ask_id,
    // A status from a newer build reads as gone: nothing acts on a channel it does not understand.
    status: STATUSES.find((status) => status === row.status) ?? 'gone',
    startedBy: row.started_by,
    claimToken: row.claim_token,
    claimedAt: new Date(row.claimed_at),
    channelId: row.channel_id,
    channelName: row.channel_name,
    introTs: row.intro_ts,
    lastMessageAt: dateOrNull(row.last_message_at),
    headsUpFor: dateOrNull(row.heads_up_for),
    headsUpAt: dateOrNull(row.heads_up_at),
    archivedAt: dateOrNull(row.archived_at),
  };
}

/** What erasing a member leaves for Slack and the outbox, once the transaction is committed. */
export interface CollabErasure {
  /** The posts of the member's items at the top of their channels: deleted like the items' cards. */
  readonly removedPosts: readonly { readonly channel: string; readonly ts: string }[];
  /** The member's items that had a channel (their rows are gone). */
  readonly items: readonly number[];
}

/** SQL for collaboration channels and who was invited to them. */
export class CollabRepository extends StoreBacked {
  async get(askId: number): Promise<CollabChannel | undefined> {
    return this.rowWhere('collab_channels', 'ask_id', askId, toChannel);
  }

  async ofItems(askIds: readonly number[]): Promise<Map<number, CollabChannel>> {
    if (askIds.length === 0) return new Map();
    const rows = await this.sql
      .selectFrom('collab_channels')
      .selectAll()
      .where('ask_id', 'in', [...new Set(askIds)])
      .execute();
    return new Map(rows.map((row) => [row.ask_id, toChannel(row)]));
  }

  async byChannel(channelId: string): Promise<CollabChannel | undefined> {
    return this.rowWhere('collab_channels', 'channel_id', channelId, toChannel);
  }

  /**
   * Takes the right to create the item's channel, in one statement each way: a new row (the primary
   * key lets one press in, however many arrive at once), or a row still 'creating' whose holder let
   * go or went quiet before `staleBefore`. `claimed` false: someone else holds it, or it is done.
   */
  async claim(
    askId: number,
    startedBy: string,
    token: string,
    now: Date,
    staleBefore: Date,
  ): Promise<{ claimed: boolean; channel: CollabChannel }> {
    const at = now.toISOString();
    const inserted = await this.sql
      .insertInto('collab_channels')
      .values({ ask_id: askId, started_by: startedBy, claim_token: token, claimed_at: at })
      .onConflict((conflict) => conflict.column('ask_id').doNothing())
      .executeTakeFirst();
    let claimed = inserted.numInsertedOrUpdatedRows === 1n;
    if (!claimed) {
      const taken = await this.sql
        .updateTable('collab_channels')
        .set({ started_by: startedBy, claim_token: token, claimed_at: at })
        .where('ask_id', '=', askId)
        .where('status', '=', 'creating')
        .where(claimLetGoOrStale(staleBefore))
        .executeTakeFirst();
      claimed = taken.numUpdatedRows === 1n;
    }
    const channel = await this.get(askId);
    if (channel === undefined) throw new Error(`collab channel of ask ${askId} vanished while claiming`);
    return { claimed, channel };
  }

  /**
   * The name the holder is about to create, recorded before the Slack call: if the process dies
   * before the channel is recorded, the next holder finds the channel of this name and adopts it.
   */
  async intendName(askId: number, token: string, name: string): Promise<boolean> {
    const result = await this.sql
      .updateTable('collab_channels')
      .set({ channel_name: name })
      .where('ask_id', '=', askId)
      .where('claim_token', '=', token)
      .where('channel_id', 'is', null)
      .executeTakeFirst();
    return result.numUpdatedRows === 1n;
  }

  /** The channel Slack created, recorded by the claim's holder; false when the claim was lost. */
  async recordChannel(askId: number, token: string, channelId: string, name: string): Promise<boolean> {
    const result = await this.sql
      .updateTable('collab_channels')
      .set({ channel_id: channelId, channel_name: name })
      .where('ask_id', '=', askId)
      .where('claim_token', '=', token)
      .executeTakeFirst();
    return result.numUpdatedRows === 1n;
  }

  async addMembers(askId: number, userIds: readonly string[], now: Date): Promise<void> {
    if (userIds.length === 0) return;
    await this.sql
      .insertInto('collab_members')
      .values(
        [...new Set(userIds)].map((user_id) => ({ ask_id: askId, user_id, invited_at: now.toISOString() })),
      )
      .onConflict((conflict) => conflict.columns(['ask_id', 'user_id']).doNothing())
      .execute();
  }

  async members(askId: number): Promise<string[]> {
    const rows = await this.sql
      .selectFrom('collab_members')
      .select('user_id')
      .where('ask_id', '=', askId)
      .orderBy('invited_at')
      .orderBy('user_id')
      .execute();
    return rows.map((row) => row.user_id);
  }

  /** The item is posted: the channel is ready, and its first quiet spell starts now. */
  async finish(askId: number, token: string, introTs: string, now: Date): Promise<boolean> {
    const at = now.toISOString();
    const result = await this.sql
      .updateTable('collab_channels')
      .set({ status: 'ready', claim_token: null, intro_ts: introTs, created_at: at, last_message_at: at })
      .where('ask_id', '=', askId)
      .where('claim_token', '=', token)
      .where('status', '=', 'creating')
      .executeTakeFirst();
    return result.numUpdatedRows === 1n;
  }

  /** A failed attempt lets go of its claim, so that the next press resumes at once. */
  async release(askId: number, token: string): Promise<void> {
    await this.sql
      .updateTable('collab_channels')
      .set({ claim_token: null })
      .where('ask_id', '=', askId)
      .where('claim_token', '=', token)
      .execute();
  }

  /** A member wrote at `at`: the quiet spell starts again. False when the channel is not watched or knew later. */
  async touch(askId: number, at: Date): Promise<boolean> {
    const when = at.toISOString();
    const result = await this.sql
      .updateTable('collab_channels')
      .set({ last_message_at: when })
      .where('ask_id', '=', askId)
      .where('status', '=', 'ready')
      .where((eb) => eb.or([eb('last_message_at', 'is', null), eb('last_message_at', '<', when)]))
      .executeTakeFirst();
    return result.numUpdatedRows === 1n;
  }

  /** Archived, but the archive had not been sent yet: watched again, quiet since `at`. */
  async reopen(askId: number, at: Date): Promise<boolean> {
    const result = await this.sql
      .updateTable('collab_channels')
      .set({ status: 'ready', archived_at: null, last_message_at: at.toISOString() })
      .where('ask_id', '=', askId)
      .where('status', '=', 'archived')
      .executeTakeFirst();
    return result.numUpdatedRows === 1n;
  }

  /** Ready channels quiet since `before` or earlier that have had no heads-up for this quiet spell. */
  async quietSince(before: Date): Promise<CollabChannel[]> {
    const rows = await this.sql
      .selectFrom('collab_channels')
      .selectAll()
      .where('status', '=', 'ready')
      .where('last_message_at', '<=', before.toISOString())
      .where((eb) =>
        eb.or([eb('heads_up_for', 'is', null), eb('heads_up_for', '<>', eb.ref('last_message_at'))]),
      )
      .orderBy('last_message_at')
      .execute();
    return rows.map(toChannel);
  }

  /** Ready channels still quiet since their heads-up, sent at `before` or earlier. */
  async dueArchive(before: Date): Promise<CollabChannel[]> {
    const rows = await this.sql
      .selectFrom('collab_channels')
      .selectAll()
      .where('status', '=', 'ready')
      .whereRef('heads_up_for', '=', 'last_message_at')
      .where('heads_up_at', '<=', before.toISOString())
      .orderBy('heads_up_at')
      .execute();
    return rows.map(toChannel);
  }

  /** Records the heads-up of the quiet spell that began at `lastMessageAt`; false if a message came or another tick did. */
  async markHeadsUp(askId: number, lastMessageAt: Date, now: Date): Promise<boolean> {
    const since = lastMessageAt.toISOString();
    const result = await this.sql
      .updateTable('collab_channels')
      .set({ heads_up_for: since, heads_up_at: now.toISOString() })
      .where('ask_id', '=', askId)
      .where('status', '=', 'ready')
      .where('last_message_at', '=', since)
      .where((eb) => eb.or([eb('heads_up_for', 'is', null), eb('heads_up_for', '<>', since)]))
      .executeTakeFirst();
    return result.numUpdatedRows === 1n;
  }

  /** Ready → archived, if nobody wrote since `lastMessageAt`; false otherwise. */
  async markArchived(askId: number, lastMessageAt: Date, now: Date): Promise<boolean> {
    const result = await this.sql
      .updateTable('collab_channels')
      .set({ status: 'archived', archived_at: now.toISOString() })
      .where('ask_id', '=', askId)
      .where('status', '=', 'ready')
      .where('last_message_at', '=', lastMessageAt.toISOString())
      .executeTakeFirst();
    return result.numUpdatedRows === 1n;
  }

  /** The bot can no longer read the channel: it is not watched any more. */
  async markGone(askId: number): Promise<void> {
    await this.sql
      .updateTable('collab_channels')
      .set({ status: 'gone' })
      .where('ask_id', '=', askId)
      .where('status', '=', 'ready')
      .execute();
  }

  /** The channels of the member's items, the ones they started, and those they were invited to. */
  async exportMember(userId: string): Promise<{ channels: unknown[]; invitedTo: unknown[] }> {
    const channels = await this.sql
      .selectFrom('collab_channels')
      .innerJoin('asks', 'asks.id', 'collab_channels.ask_id')
      .select([
        'collab_channels.ask_id as askId',
        'collab_channels.status as status',
        'collab_channels.channel_id as channelId',
        'collab_channels.channel_name as channelName',
        'collab_channels.created_at as createdAt',
        'collab_channels.last_message_at as lastMessageAt',
        'collab_channels.archived_at as archivedAt',
      ])
      .where((eb) => eb.or([eb('asks.author', '=', userId), eb('collab_channels.started_by', '=', userId)]))
      .orderBy('collab_channels.ask_id')
      .execute();
    const invitedTo = await this.sql
      .selectFrom('collab_members')
      .innerJoin('collab_channels', 'collab_channels.ask_id', 'collab_members.ask_id')
      .select([
        'collab_members.ask_id as askId',
        'collab_channels.channel_id as channelId',
        'collab_members.invited_at as invitedAt',
      ])
      .where('collab_members.user_id', '=', userId)
      .orderBy('collab_members.ask_id')
      .execute();
    return { channels, invitedTo };
  }

  /**
   * Erasure, inside the privacy transaction and before the member's items are deleted: the channel
   * rows of their items go (with everyone's invitations), their own invitations go, and their id
   * leaves the channels they started for others. The channels themselves stay in Slack.
   */
  async eraseMember(userId: string): Promise<CollabErasure> {
    const mine = await this.sql
      .selectFrom('collab_channels')
      .innerJoin('asks', 'asks.id', 'collab_channels.ask_id')
      .select(['collab_channels.ask_id as askId', 'channel_id', 'intro_ts'])
      .where('asks.author', '=', userId)
      .execute();
    const items = mine.map((row) => row.askId);
    if (items.length > 0) await this.sql.deleteFrom('collab_channels').where('ask_id', 'in', items).execute();
    await this.sql.deleteFrom('collab_members').where('user_id', '=', userId).execute();
    await this.sql
      .updateTable('collab_channels')
      .set({ started_by: null })
      .where('started_by', '=', userId)
      .execute();
    return {
      items,
      removedPosts: mine.flatMap((row) =>
        row.channel_id === null || row.intro_ts === null
          ? []
          : [{ channel: row.channel_id, ts: row.intro_ts }],
      ),
    };
  }
}
