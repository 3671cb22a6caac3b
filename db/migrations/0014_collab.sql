-- Collaboration channels (issue 13 §2): a private channel the author of an ask or offer starts for
-- the people on it. Times are ISO-8601 UTC strings written by the application's clock.
-- One row per item: the primary key is the claim. Pressing "Start a channel" twice, or on two
-- replicas at once, inserts one row; only the holder of claim_token goes on to call Slack, and
-- every step it records is fenced on that token. The item's erasure takes its channel's rows too.
CREATE TABLE collab_channels (
  ask_id          INTEGER PRIMARY KEY REFERENCES asks (id) ON DELETE CASCADE,
  status          TEXT NOT NULL DEFAULT 'creating'
                  CHECK (status IN ('creating', 'ready', 'archived', 'gone')),
  -- Who pressed the button (the author or an admin); NULL once that member erased their data.
  started_by      TEXT,
  -- Set while someone is creating the channel; NULL when nobody is (a failed attempt lets go).
  claim_token     TEXT,
  claimed_at      TEXT NOT NULL,
  channel_id      TEXT,
  channel_name    TEXT,
  -- The bot's post of the item at the top of the channel (pinned): deleted if its author erases.
  intro_ts        TEXT,
  created_at      TEXT,
  -- The last message a member wrote there, as far as the bot knows (message events, and
  -- conversations.history before a heads-up or an archive).
  last_message_at TEXT,
  -- The last_message_at a heads-up was planned for: one heads-up per quiet spell.
  heads_up_for    TEXT,
  heads_up_at     TEXT,
  archived_at     TEXT
);

CREATE UNIQUE INDEX collab_channels_by_channel ON collab_channels (channel_id);
CREATE INDEX collab_channels_by_status ON collab_channels (status, last_message_at);

-- Who the bot invited: the author and the responders who may be named to the others.
CREATE TABLE collab_members (
  ask_id     INTEGER NOT NULL REFERENCES collab_channels (ask_id) ON DELETE CASCADE,
  user_id    TEXT NOT NULL,
  invited_at TEXT NOT NULL,
  PRIMARY KEY (ask_id, user_id)
);

CREATE INDEX collab_members_by_user ON collab_members (user_id);
