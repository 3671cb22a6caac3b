-- PostgreSQL twin of db/migrations/0014_collab.sql: the same tables, columns and indexes.
CREATE TABLE collab_channels (
  ask_id          integer PRIMARY KEY REFERENCES asks (id) ON DELETE CASCADE,
  status          text COLLATE "C" NOT NULL DEFAULT 'creating'
                  CHECK (status IN ('creating', 'ready', 'archived', 'gone')),
  started_by      text COLLATE "C",
  claim_token     text COLLATE "C",
  claimed_at      text COLLATE "C" NOT NULL,
  channel_id      text COLLATE "C",
  channel_name    text COLLATE "C",
  intro_ts        text COLLATE "C",
  created_at      text COLLATE "C",
  last_message_at text COLLATE "C",
  heads_up_for    text COLLATE "C",
  heads_up_at     text COLLATE "C",
  archived_at     text COLLATE "C"
);

CREATE UNIQUE INDEX collab_channels_by_channel ON collab_channels (channel_id);
CREATE INDEX collab_channels_by_status ON collab_channels (status, last_message_at);

CREATE TABLE collab_members (
  ask_id     integer NOT NULL REFERENCES collab_channels (ask_id) ON DELETE CASCADE,
  user_id    text COLLATE "C" NOT NULL,
  invited_at text COLLATE "C" NOT NULL,
  PRIMARY KEY (ask_id, user_id)
);

CREATE INDEX collab_members_by_user ON collab_members (user_id);
