import type { Db } from './database';
import type { ChannelRecord } from '../audience/types';

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
  private readonly s;

  constructor(private readonly db: Db) {
    this.s = {
      channel: db.prepare<[string], ChannelRow>('SELECT * FROM audience_channels WHERE channel_id = ?'),
      channels: db.prepare<{ ids: string }, ChannelRow>(
        'SELECT * FROM audience_channels WHERE channel_id IN (SELECT value FROM json_each(@ids))',
      ),
      saveChannel: db.prepare(
        `INSERT INTO audience_channels (channel_id, is_private, checked_at) VALUES (@id, @isPrivate, @now)
         ON CONFLICT (channel_id) DO UPDATE SET is_private = excluded.is_private, checked_at = excluded.checked_at,
           members_synced_at = CASE WHEN excluded.is_private = 1 THEN members_synced_at END`,
      ),
      // Unknown channels count as private with nobody in them; a known one keeps its last member list.
      saveUnreadable: db.prepare(
        `INSERT INTO audience_channels (channel_id, is_private, checked_at) VALUES (@id, 1, @now)
         ON CONFLICT (channel_id) DO UPDATE SET checked_at = excluded.checked_at, members_synced_at = NULL`,
      ),
      clearMembers: db.prepare('DELETE FROM audience_members WHERE channel_id = ?'),
      addMember: db.prepare(
        `INSERT INTO audience_members (channel_id, user_id)
         SELECT channel_id, @user FROM audience_channels WHERE channel_id = @channel AND is_private = 1
         ON CONFLICT DO NOTHING`,
      ),
      removeMember: db.prepare('DELETE FROM audience_members WHERE channel_id = ? AND user_id = ?'),
      markSynced: db.prepare('UPDATE audience_channels SET members_synced_at = ? WHERE channel_id = ?'),
      markStale: db.prepare('UPDATE audience_channels SET members_synced_at = NULL WHERE channel_id = ?'),
      isMember: db.prepare<[string, string], { n: number }>(
        'SELECT count(*) AS n FROM audience_members WHERE channel_id = ? AND user_id = ?',
      ),
      memberChannels: db.prepare<{ user: string; ids: string }, { channel_id: string }>(
        'SELECT channel_id FROM audience_members WHERE user_id = @user AND channel_id IN (SELECT value FROM json_each(@ids))',
      ),
      membersOf: db.prepare<{ ids: string }, { channel_id: string; user_id: string }>(
        'SELECT channel_id, user_id FROM audience_members WHERE channel_id IN (SELECT value FROM json_each(@ids))',
      ),
      // The channels whose audience still matters: cards of events not over, of open roles, and
      // active announcements; and, read once, the channel of any other item never read (an item
      // from before this table), so that the stats rows naming it reach its channel's members.
      liveChannels: db.prepare<{ now: string }, { channel_id: string }>(
        `SELECT coalesce(card_channel, channel) AS channel_id FROM events WHERE status = 'scheduled' AND ends_at > @now
         UNION
         SELECT card_channel AS channel_id FROM jobs WHERE status = 'open' AND card_channel IS NOT NULL
         UNION
         SELECT channel AS channel_id FROM announcements WHERE status = 'active'
         UNION
         SELECT coalesce(card_channel, channel) AS channel_id FROM events
           WHERE coalesce(card_channel, channel) NOT IN (SELECT channel_id FROM audience_channels)
         UNION
         SELECT card_channel AS channel_id FROM jobs
           WHERE card_channel IS NOT NULL AND card_channel NOT IN (SELECT channel_id FROM audience_channels)`,
      ),
      channelsOfMember: db.prepare<[string], { channel_id: string }>(
        'SELECT channel_id FROM audience_members WHERE user_id = ? ORDER BY channel_id',
      ),
      eraseMember: db.prepare('DELETE FROM audience_members WHERE user_id = ?'),
    };
  }

  channel(channelId: string): ChannelRecord | undefined {
    const row = this.s.channel.get(channelId);
    return row === undefined ? undefined : toRecord(row);
  }

  /** The known channels among `channelIds`, in one query. */
  channels(channelIds: readonly string[]): Map<string, ChannelRecord> {
    if (channelIds.length === 0) return new Map();
    return new Map(
      this.s.channels
        .all({ ids: JSON.stringify([...new Set(channelIds)]) })
        .map((row) => [row.channel_id, toRecord(row)]),
    );
  }

  /** Records what conversations.info said. A channel that became public drops its member list. */
  saveChannel(channelId: string, isPrivate: boolean, now: Date): void {
    this.db.transaction(() => {
      this.s.saveChannel.run({ id: channelId, isPrivate: isPrivate ? 1 : 0, now: now.toISOString() });
      if (!isPrivate) this.s.clearMembers.run(channelId);
    })();
  }

  /** The bot could not read the channel: recorded so that it is asked again later, not on every request. */
  saveUnreadable(channelId: string, now: Date): void {
    this.s.saveUnreadable.run({ id: channelId, now: now.toISOString() });
  }

  /** A full read of a private channel's members replaces the list. */
  replaceMembers(channelId: string, members: readonly string[], now: Date): void {
    this.db.transaction(() => {
      this.s.clearMembers.run(channelId);
      for (const user of new Set(members)) this.s.addMember.run({ channel: channelId, user });
      this.s.markSynced.run(now.toISOString(), channelId);
    })();
  }

  /** Only for a known private channel; true when the row is new. */
  addMember(channelId: string, userId: string): boolean {
    return this.s.addMember.run({ channel: channelId, user: userId }).changes === 1;
  }

  removeMember(channelId: string, userId: string): boolean {
    return this.s.removeMember.run(channelId, userId).changes === 1;
  }

  markStale(channelId: string): void {
    this.s.markStale.run(channelId);
  }

  isMember(channelId: string, userId: string): boolean {
    return (this.s.isMember.get(channelId, userId)?.n ?? 0) > 0;
  }

  /** Of `channelIds`, those the member is in, in one query. */
  memberChannels(userId: string, channelIds: readonly string[]): Set<string> {
    if (channelIds.length === 0) return new Set();
    return new Set(
      this.s.memberChannels
        .all({ user: userId, ids: JSON.stringify([...new Set(channelIds)]) })
        .map((row) => row.channel_id),
    );
  }

  /** Members of each of `channelIds`, in one query. */
  membersOf(channelIds: readonly string[]): Map<string, Set<string>> {
    const members = new Map<string, Set<string>>(channelIds.map((id) => [id, new Set<string>()]));
    if (channelIds.length === 0) return members;
    for (const { channel_id, user_id } of this.s.membersOf.all({
      ids: JSON.stringify([...new Set(channelIds)]),
    })) {
      members.get(channel_id)?.add(user_id);
    }
    return members;
  }

  liveChannels(now: Date): string[] {
    return this.s.liveChannels.all({ now: now.toISOString() }).map((row) => row.channel_id);
  }

  exportMember(userId: string): string[] {
    return this.s.channelsOfMember.all(userId).map((row) => row.channel_id);
  }

  /** Privacy erasure: the member's rows go, and their channels are read again from Slack at the next tick. */
  eraseMember(userId: string): void {
    this.db.transaction(() => {
      for (const channelId of this.exportMember(userId)) this.s.markStale.run(channelId);
      this.s.eraseMember.run(userId);
    })();
  }
}
