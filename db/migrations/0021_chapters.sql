-- Chapters (issue 14 §4): a city, region or professional group with its channel and leads.
-- Times are ISO-8601 UTC strings written by the application's clock. An event or announcement
-- belongs to a chapter by being posted in its channel, so events carry no chapter column.
-- AUTOINCREMENT: an archived chapter's id is never reused by another.
CREATE TABLE chapters (
  id          INTEGER PRIMARY KEY AUTOINCREMENT,
  name        TEXT NOT NULL,
  -- The name as members type it: lower case (NFKC), for case-insensitive matching.
  name_key    TEXT NOT NULL,
  channel_id  TEXT NOT NULL,
  status      TEXT NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'archived')),
  created_at  TEXT NOT NULL,
  archived_at TEXT
);

-- One active chapter per name and per channel; archived ones free both.
CREATE UNIQUE INDEX chapters_active_name ON chapters (name_key) WHERE status = 'active';
CREATE UNIQUE INDEX chapters_active_channel ON chapters (channel_id) WHERE status = 'active';

-- The primary key makes a second join (or a replayed button press) a no-op.
CREATE TABLE chapter_members (
  chapter_id INTEGER NOT NULL REFERENCES chapters (id) ON DELETE CASCADE,
  user_id    TEXT NOT NULL,
  joined_at  TEXT NOT NULL,
  PRIMARY KEY (chapter_id, user_id)
);

CREATE INDEX chapter_members_by_user ON chapter_members (user_id);

CREATE TABLE chapter_leads (
  chapter_id INTEGER NOT NULL REFERENCES chapters (id) ON DELETE CASCADE,
  user_id    TEXT NOT NULL,
  added_at   TEXT NOT NULL,
  PRIMARY KEY (chapter_id, user_id)
);

CREATE INDEX chapter_leads_by_user ON chapter_leads (user_id);

-- Every admin decision about chapters, with its author. actor_id and subject_id are cleared when
-- that member erases their data; the action and its time stay.
CREATE TABLE chapter_actions (
  id         INTEGER PRIMARY KEY AUTOINCREMENT,
  chapter_id INTEGER NOT NULL REFERENCES chapters (id) ON DELETE CASCADE,
  actor_id   TEXT,
  action     TEXT NOT NULL CHECK (action IN ('created', 'archived', 'lead_added', 'lead_removed')),
  subject_id TEXT,
  at         TEXT NOT NULL
);

CREATE INDEX chapter_actions_by_chapter ON chapter_actions (chapter_id, id);
CREATE INDEX chapter_actions_by_actor ON chapter_actions (actor_id);
CREATE INDEX chapter_actions_by_subject ON chapter_actions (subject_id);
