-- Coffee chats with a role's hiring team before applying (issue 5, part 3).
-- Times are ISO-8601 UTC strings written by the application's clock.

-- Team members HR added to a role as willing to chat. Only 'confirmed' ones are ever asked.
-- user_id rows go when the member erases their data; added_by becomes NULL.
CREATE TABLE job_contacts (
  id          INTEGER PRIMARY KEY,
  job_id      INTEGER NOT NULL REFERENCES jobs (id) ON DELETE CASCADE,
  user_id     TEXT NOT NULL,
  status      TEXT NOT NULL DEFAULT 'invited' CHECK (status IN ('invited', 'confirmed', 'declined')),
  added_by    TEXT,
  added_at    TEXT NOT NULL,
  answered_at TEXT,
  UNIQUE (job_id, user_id)
);

CREATE INDEX job_contacts_by_user ON job_contacts (user_id);

-- A member's request to chat about a role: at most one per member and role, so a double click
-- creates one. member becomes NULL when the member erases their data (NULLs never conflict).
CREATE TABLE coffee_requests (
  id         INTEGER PRIMARY KEY,
  job_id     INTEGER NOT NULL REFERENCES jobs (id) ON DELETE CASCADE,
  member     TEXT,
  status     TEXT NOT NULL DEFAULT 'asking' CHECK (status IN ('asking', 'held', 'unavailable')),
  created_at TEXT NOT NULL,
  updated_at TEXT
);

CREATE UNIQUE INDEX coffee_requests_once ON coffee_requests (job_id, member);
CREATE INDEX coffee_requests_by_member ON coffee_requests (member);

-- Each contact asked for a request, in turn, and their answer (NULL while open). A contact is
-- asked at most once per request. contact becomes NULL when that contact erases their data.
CREATE TABLE coffee_asks (
  id          INTEGER PRIMARY KEY,
  request_id  INTEGER NOT NULL REFERENCES coffee_requests (id) ON DELETE CASCADE,
  contact     TEXT,
  answer      TEXT CHECK (answer IN ('accepted', 'declined')),
  asked_at    TEXT NOT NULL,
  answered_at TEXT
);

CREATE UNIQUE INDEX coffee_asks_once ON coffee_asks (request_id, contact);
CREATE INDEX coffee_asks_by_contact ON coffee_asks (contact, answer);

-- The coffee-chat steps of the comeback funnel. funnel_events' CHECK cannot be altered in SQLite,
-- so these steps live here, shaped like funnel_events (user_id NULL once the member erased).
CREATE TABLE coffee_funnel (
  id      INTEGER PRIMARY KEY,
  job_id  INTEGER NOT NULL REFERENCES jobs (id) ON DELETE CASCADE,
  user_id TEXT,
  step    TEXT NOT NULL CHECK (step IN ('chat_requested', 'chat_declined', 'chat_held', 'chat_unavailable')),
  at      TEXT NOT NULL
);

CREATE INDEX coffee_funnel_by_job ON coffee_funnel (job_id, step);
CREATE INDEX coffee_funnel_by_user ON coffee_funnel (user_id);
CREATE UNIQUE INDEX coffee_funnel_once ON coffee_funnel (job_id, user_id, step)
  WHERE step IN ('chat_requested', 'chat_held', 'chat_unavailable');
