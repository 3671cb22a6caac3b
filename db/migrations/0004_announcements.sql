-- Announcements organizers schedule, once or repeating. Each occurrence becomes an outbox row
-- keyed by announcement id and occurrence time, so it is sent exactly once.

CREATE TABLE announcements (
  id           INTEGER PRIMARY KEY,
  channel      TEXT NOT NULL,
  text         TEXT NOT NULL,
  first_at     TEXT NOT NULL,
  repeat       TEXT NOT NULL CHECK (repeat IN ('none', 'daily', 'weekdays', 'weekly', 'monthly', 'cron')),
  cron         TEXT,            -- the expression occurrences follow (derived for named repeats)
  time_zone    TEXT NOT NULL,
  author       TEXT,            -- NULL once the author erased their data
  created_at   TEXT NOT NULL,
  status       TEXT NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'cancelled', 'finished')),
  cancelled_at TEXT,
  next_at      TEXT             -- the next occurrence not yet handed to the outbox
);

CREATE INDEX announcements_due ON announcements (status, next_at);
