-- Study groups that form when enough people want them (issue 13 §3). Times are ISO-8601 UTC
-- strings written by the application's clock. A proposal belongs to its proposer: erasing them
-- deletes it with its tags, backers and mentions (the group's channel, if any, stays in Slack).
-- AUTOINCREMENT: an erased proposal's id is never reused, so outbox keys naming it stay its own.
CREATE TABLE study_groups (
  id           INTEGER PRIMARY KEY AUTOINCREMENT,
  proposer     TEXT NOT NULL,
  topic        TEXT NOT NULL,
  min_members  INTEGER NOT NULL CHECK (min_members BETWEEN 2 AND 50),
  rhythm       TEXT NOT NULL CHECK (rhythm IN ('weekly', 'biweekly', 'monthly')),
  -- open: gathering backers; forming: the minimum was reached and the channel is being made
  -- (claim_token names whoever makes it); formed: the channel exists; lapsed: 30 days passed.
  status       TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'forming', 'formed', 'lapsed')),
  created_at   TEXT NOT NULL,
  lapses_at    TEXT NOT NULL,
  claim_token  TEXT,
  claimed_at   TEXT,
  channel_id   TEXT,
  channel_name TEXT,
  formed_at    TEXT,
  lapsed_at    TEXT
);

CREATE INDEX study_groups_by_status ON study_groups (status, lapses_at);
CREATE INDEX study_groups_by_proposer ON study_groups (proposer);

CREATE TABLE study_tags (
  group_id INTEGER NOT NULL REFERENCES study_groups (id) ON DELETE CASCADE,
  tag      TEXT NOT NULL,
  PRIMARY KEY (group_id, tag)
);

CREATE INDEX study_tags_by_tag ON study_tags (tag);

-- "Count me in": the primary key makes a second press (or a replay) a no-op. The proposer is the first.
CREATE TABLE study_backers (
  group_id  INTEGER NOT NULL REFERENCES study_groups (id) ON DELETE CASCADE,
  user_id   TEXT NOT NULL,
  backed_at TEXT NOT NULL,
  PRIMARY KEY (group_id, user_id)
);

CREATE INDEX study_backers_by_user ON study_backers (user_id);

-- A member hears of a proposal once, in one digest: recorded with the digest's outbox row.
CREATE TABLE study_mentions (
  group_id     INTEGER NOT NULL REFERENCES study_groups (id) ON DELETE CASCADE,
  user_id      TEXT NOT NULL,
  mentioned_at TEXT NOT NULL,
  PRIMARY KEY (group_id, user_id)
);

CREATE INDEX study_mentions_by_user ON study_mentions (user_id);

-- The proposal form is saved once per Slack view, like the others (see 0011 and 0013).
CREATE TABLE view_submissions_0015 (
  view_id     TEXT PRIMARY KEY,
  kind        TEXT NOT NULL CHECK (kind IN ('event', 'job', 'announcement', 'referral', 'ask', 'study')),
  created_id  INTEGER NOT NULL,
  handled_at  TEXT NOT NULL
);
INSERT INTO view_submissions_0015 (view_id, kind, created_id, handled_at)
  SELECT view_id, kind, created_id, handled_at FROM view_submissions;
DROP TABLE view_submissions;
ALTER TABLE view_submissions_0015 RENAME TO view_submissions;
