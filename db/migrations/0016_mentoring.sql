-- Mentoring between members (issue 13 §4). Times are ISO-8601 UTC strings from the application's
-- clock. A mentor's offer holds their topics, capacity and availability; active_count is how many
-- mentees they have now, raised only by a conditional update (active_count < capacity), so two
-- replicas accepting at once can never book a mentor past their capacity.
CREATE TABLE mentor_offers (
  user_id       TEXT PRIMARY KEY,
  capacity      INTEGER NOT NULL CHECK (capacity BETWEEN 1 AND 10),
  availability  TEXT NOT NULL DEFAULT 'open' CHECK (availability IN ('open', 'limited', 'closed')),
  active_count  INTEGER NOT NULL DEFAULT 0 CHECK (active_count >= 0),
  created_at    TEXT NOT NULL,
  updated_at    TEXT NOT NULL
);

CREATE TABLE mentor_topics (
  user_id TEXT NOT NULL REFERENCES mentor_offers (user_id) ON DELETE CASCADE,
  tag     TEXT NOT NULL,
  PRIMARY KEY (user_id, tag)
);

CREATE INDEX mentor_topics_by_tag ON mentor_topics (tag);

-- A member's request for a mentor: it goes to one suggested mentor at a time (mentor_candidates).
-- current_mentor is who is asked now (null while nobody is: the planner asks the next one).
CREATE TABLE mentor_requests (
  id              INTEGER PRIMARY KEY AUTOINCREMENT,
  requester       TEXT NOT NULL,
  goal            TEXT NOT NULL,
  tags            TEXT NOT NULL,
  status          TEXT NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'accepted', 'unmatched')),
  current_mentor  TEXT,
  asked_at        TEXT,
  created_at      TEXT NOT NULL,
  closed_at       TEXT
);

CREATE INDEX mentor_requests_by_status ON mentor_requests (status, asked_at);
CREATE INDEX mentor_requests_by_requester ON mentor_requests (requester);

-- The mentors suggested for a request, in the order they are asked; outcome says how each ended.
CREATE TABLE mentor_candidates (
  request_id  INTEGER NOT NULL REFERENCES mentor_requests (id) ON DELETE CASCADE,
  position    INTEGER NOT NULL,
  mentor_id   TEXT NOT NULL,
  outcome     TEXT NOT NULL DEFAULT 'waiting'
    CHECK (outcome IN ('waiting', 'asked', 'accepted', 'declined', 'expired', 'skipped')),
  asked_at    TEXT,
  PRIMARY KEY (request_id, mentor_id)
);

CREATE INDEX mentor_candidates_by_mentor ON mentor_candidates (mentor_id);

-- An accepted pair. next_checkin_at is when the monthly "How is it going?" is due.
CREATE TABLE mentor_pairs (
  id               INTEGER PRIMARY KEY AUTOINCREMENT,
  request_id       INTEGER NOT NULL,
  mentor_id        TEXT NOT NULL,
  mentee_id        TEXT NOT NULL,
  status           TEXT NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'paused', 'ended')),
  started_at       TEXT NOT NULL,
  next_checkin_at  TEXT NOT NULL,
  ended_at         TEXT
);

CREATE INDEX mentor_pairs_by_mentor ON mentor_pairs (mentor_id);
CREATE INDEX mentor_pairs_by_mentee ON mentor_pairs (mentee_id);
CREATE INDEX mentor_pairs_by_checkin ON mentor_pairs (status, next_checkin_at);
