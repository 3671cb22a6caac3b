-- Asks and offers between members (issue 13 §1). Times are ISO-8601 UTC strings written by the
-- application's clock. An item belongs to its author: erasing the author deletes the item, its tags
-- and everyone's responses to it; erasing a responder deletes their responses.
-- AUTOINCREMENT: an erased item's id is never given to a new one, so outbox keys and view
-- submissions that named the old id cannot be taken for the new item's.
CREATE TABLE asks (
  id            INTEGER PRIMARY KEY AUTOINCREMENT,
  type          TEXT NOT NULL CHECK (type IN ('ask', 'offer')),
  kind          TEXT NOT NULL,
  author        TEXT NOT NULL,
  title         TEXT NOT NULL,
  details       TEXT,
  audience      TEXT NOT NULL CHECK (audience IN ('all', 'matches')),
  status        TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'resolved', 'lapsed')),
  expires_at    TEXT NOT NULL,
  -- The expires_at a reminder was planned for: one reminder per expiry, a new one after an extension.
  reminded_for  TEXT,
  created_at    TEXT NOT NULL,
  updated_at    TEXT,
  resolved_at   TEXT,
  card_channel  TEXT,
  card_ts       TEXT
);

CREATE INDEX asks_by_status ON asks (status, expires_at);
CREATE INDEX asks_by_author ON asks (author);

CREATE TABLE ask_tags (
  ask_id INTEGER NOT NULL REFERENCES asks (id) ON DELETE CASCADE,
  tag    TEXT NOT NULL,
  PRIMARY KEY (ask_id, tag)
);

CREATE INDEX ask_tags_by_tag ON ask_tags (tag);

-- "I can help" / "I'm interested": once per item and member. thanked is 1 once the author thanked
-- them when resolving the item.
CREATE TABLE ask_responses (
  ask_id       INTEGER NOT NULL REFERENCES asks (id) ON DELETE CASCADE,
  user_id      TEXT NOT NULL,
  responded_at TEXT NOT NULL,
  thanked      INTEGER NOT NULL DEFAULT 0,
  PRIMARY KEY (ask_id, user_id)
);

CREATE INDEX ask_responses_by_user ON ask_responses (user_id);

-- The ask and offer forms are saved once per Slack view, like the others (see 0011): SQLite cannot
-- change a CHECK constraint in place, so the table is rebuilt with 'ask' allowed.
CREATE TABLE view_submissions_0013 (
  view_id     TEXT PRIMARY KEY,
  kind        TEXT NOT NULL CHECK (kind IN ('event', 'job', 'announcement', 'referral', 'ask')),
  created_id  INTEGER NOT NULL,
  handled_at  TEXT NOT NULL
);
INSERT INTO view_submissions_0013 (view_id, kind, created_id, handled_at)
  SELECT view_id, kind, created_id, handled_at FROM view_submissions;
DROP TABLE view_submissions;
ALTER TABLE view_submissions_0013 RENAME TO view_submissions;
