-- PostgreSQL twin of db/migrations/0009_private_channels.sql: the same tables, columns and indexes.
-- Who may see an event or role whose card is in a private channel (issue 9, part 1).
-- A cache of what Slack said, kept in the database so that every replica answers alike.
-- Times are ISO-8601 UTC strings written by the application's clock.

-- Channels that event and role cards are posted in. checked_at: when conversations.info last
-- answered; members_synced_at: when a private channel's members were last read in full
-- (conversations.members), NULL when they must be read again.
CREATE TABLE audience_channels (
  channel_id        text COLLATE "C" PRIMARY KEY,
  is_private        integer NOT NULL CHECK (is_private IN (0, 1)),
  checked_at        text COLLATE "C" NOT NULL,
  members_synced_at text COLLATE "C"
);

-- Members of the private channels above; kept fresh by member_joined_channel / member_left_channel
-- and re-read in full when stale. Public channels keep no member list: everyone may see their items.
CREATE TABLE audience_members (
  channel_id text COLLATE "C" NOT NULL REFERENCES audience_channels (channel_id) ON DELETE CASCADE,
  user_id    text COLLATE "C" NOT NULL,
  PRIMARY KEY (channel_id, user_id)
);

CREATE INDEX audience_members_by_user ON audience_members (user_id, channel_id);
