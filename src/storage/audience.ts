import { sql as rawSql } from 'kysely';
import type { ChannelRecord } from '../audience/types';
import type { Store } from './store';
import { chunks } from './chunks';

interface ChannelRow {
  channel_id: string;
  is_private: number;
  checked_at: string;
  members_synced_at: string | null;
}

function toRecord(row: ChannelRow): ChannelRecord {
  return {
    channelId: row.channel_id,
    isPrivate: row.is_private === 1,
    checkedAt: new Date(row.checked_at),
    membersSyncedAt: row.members_synced_at === null ? null : new Date(row.members_synced_at),
  };
}

/** SQL for the channels cards are posted in and the members of the private ones. */
export class AudienceRepository {
  constructor(private readonly store: Store) {}

  async channel(channelId: string): Promise<ChannelRecord | undefined> {
    const row = await this.store.sql
      .selectFrom('audience_channels')
      .selectAll()
      .where('channel_id', '=', channelId)
      .executeTakeFirst();
    return row === undefined ? undefined : toRecord(row);
  }

  /** The known channels among `channelIds`, in one query per few hundred. */
  async channels(channelIds: readonly string[]): Promise<Map<string, ChannelRecord>> {
    const found = new Map<string, ChannelRecord>();
    for (const ids of chunks(channelIds)) {
      const rows = await this.store.sql
        .selectFrom('audience_channels')
        .selectAll()
        .where('channel_id', 'in', ids)
        .execute();
      for (const row of rows) found.set(row.channel_id, toRecord(row));
    }
    return found;
  }

  /** Records what conversations.info said. A channel that became public drops its member list. */
  async saveChannel(channelId: string, isPrivate: boolean, now: Date): Promise<void> {
    await this.store.transaction(async () => {
      await this.store.sql
        .insertInto('audience_channels')
        .values({ channel_id: channelId, is_private: isPrivate ? 1 : 0, checked_at: now.toISOString() })
        .onConflict((conflict) =>
          conflict.column('channel_id').doUpdateSet((eb) => ({
            is_private: eb.ref('excluded.is_private'),
            checked_at: eb.ref('excluded.checked_at'),
            members_synced_at: eb
              .case()
              .when('excluded.is_private', '=', 1)
              .then(eb.ref('audience_channels.members_synced_at'))
              .else(null)
              .end(),
          })),
        )
        .execute();
      if (!isPrivate) await this.clearMembers(channelId);
    });
  }

  /** The bot could not read the channel: recorded so that it is asked again later, not on every request. */
  async saveUnreadable(channelId: string, now: Date): Promise<void> {
    // Unknown channels count as private with nobody in them; a known one keeps its last member list.
    await this.store.sql
      .insertInto('audience_channels')
      .values({ channel_id: channelId, is_private: 1, checked_at: now.toISOString() })
      .onConflict((conflict) =>
        conflict
          .column('channel_id')
          .doUpdateSet((eb) => ({ checked_at: eb.ref('excluded.checked_at'), members_synced_at: null })),
      )
      .execute();
  }

  /** A full read of a private channel's members replaces the list. */
  async replaceMembers(channelId: string, members: readonly string[], now: Date): Promise<void> {
    await this.store.transaction(async () => {
      await this.clearMembers(channelId);
      for (const users of chunks(members)) {
        await this.store.sql
          .insertInto('audience_members')
          .values(users.map((user) => ({ channel_id: channelId, user_id: user })))
          .onConflict((conflict) => conflict.doNothing())
          .execute();
      }
      await this.store.sql
        .updateTable('audience_channels')
        .set({ members_synced_at: now.toISOString() })
        .where('channel_id', '=', channelId)
        .execute();
    });
  }

  /** Only for a known private channel; true when the row is new. */
  async addMember(channelId: string, userId: string): Promise<boolean> {
    const result = await this.store.sql
      .insertInto('audience_members')
      .columns(['channel_id', 'user_id'])
      .expression((eb) =>
        eb
          .selectFrom('audience_channels')
          .select(['channel_id', eb.val(userId).as('user_id')])
          .where('channel_id', '=', channelId)
          .where('is_private', '=', 1),
      )
      .onConflict((conflict) => conflict.doNothing())
      .executeTakeFirst();
    return result.numInsertedOrUpdatedRows === 1n;
  }

  async removeMember(channelId: string, userId: string): Promise<boolean> {
    const result = await this.store.sql
      .deleteFrom('audience_members')
      .where('channel_id', '=', channelId)
      .where('user_id', '=', userId)
      .executeTakeFirst();
    return result.numDeletedRows === 1n;
  }

  async isMember(channelId: string, userId: string): Promise<boolean> {
    const row = await this.store.sql
      .selectFrom('audience_members')
      .select('user_id')
      .where('channel_id', '=', channelId)
      .where('user_id', '=', userId)
      .executeTakeFirst();
    return row !== undefined;
  }

  /** Of `channelIds`, those the member is in. */
  async memberChannels(userId: string, channelIds: readonly string[]): Promise<Set<string>> {
    const found = new Set<string>();
    for (const ids of chunks(channelIds)) {
      const rows = await this.store.sql
        .selectFrom('audience_members')
        .select('channel_id')
        .where('user_id', '=', userId)
        .where('channel_id', 'in', ids)
        .execute();
      for (const row of rows) found.add(row.channel_id);
    }
    return found;
  }

  /** Members of each of `channelIds`. */
  async membersOf(channelIds: readonly string[]): Promise<Map<string, Set<string>>> {
    const members = new Map<string, Set<string>>(channelIds.map((id) => [id, new Set<string>()]));
    for (const ids of chunks(channelIds)) {
      const rows = await this.store.sql
        .selectFrom('audience_members')
        .select(['channel_id', 'user_id'])
        .where('channel_id', 'in', ids)
        .execute();
      for (const row of rows) members.get(row.channel_id)?.add(row.user_id);
    }
    return members;
  }

  /**
   * The channels whose audience still matters: cards of events not over, of open roles, and active
   * announcements; and, read once, the channel of any other item never read (an item from before
   * this table), so that the stats rows naming it reach its channel's members.
   */
  async liveChannels(now: Date): Promise<string[]> {
    const at = now.toISOString();
    const { rows } = await rawSql<{ channel_id: string }>`
      SELECT coalesce(card_channel, channel) AS channel_id FROM events WHERE status = 'scheduled' AND ends_at > ${at}
      UNION
      SELECT card_channel AS channel_id FROM jobs WHERE status = 'open' AND card_channel IS NOT NULL
      UNION
      SELECT channel AS channel_id FROM announcements WHERE status = 'active'
      UNION
      SELECT coalesce(card_channel, channel) AS channel_id FROM events
        WHERE coalesce(card_channel, channel) NOT IN (SELECT channel_id FROM audience_channels)
      UNION
      SELECT card_channel AS channel_id FROM jobs
        WHERE card_channel IS NOT NULL AND card_channel NOT IN (SELECT channel_id FROM audience_channels)
    `.execute(this.store.sql);
    return rows.map((row) => row.channel_id);
  }

  async exportMember(userId: string): Promise<string[]> {
    const rows = await this.store.sql
      .selectFrom('audience_members')
      .select('channel_id')
      .where('user_id', '=', userId)
      .orderBy('channel_id')
      .execute();
    return rows.map((row) => row.channel_id);
  }

  /** Privacy erasure: the member's rows go, and their channels are read again from Slack at the next tick. */
  async eraseMember(userId: string): Promise<void> {
    await this.store.transaction(async () => {
      const channels = await this.exportMember(userId);
      for (const ids of chunks(channels)) {
        await this.store.sql
          .updateTable('audience_channels')
          .set({ members_synced_at: null })
          .where('channel_id', 'in', ids)
          .execute();
      }
      await this.store.sql.deleteFrom('audience_members').where('user_id', '=', userId).execute();
    });
  }

  private async clearMembers(channelId: string): Promise<void> {
    await this.store.sql.deleteFrom('audience_members').where('channel_id', '=', channelId).execute();
  }
}
