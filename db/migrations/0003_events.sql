-- Community events, RSVPs and the reminders planned for them.

CREATE TABLE events (
  id           INTEGER PRIMARY KEY,
  title        TEXT NOT NULL,
  description  TEXT,
  starts_at    TEXT NOT NULL,
  ends_at      TEXT NOT NULL,
  place        TEXT,
  url          TEXT,
  channel      TEXT NOT NULL,
  capacity     INTEGER CHECK (capacity IS NULL OR capacity > 0),
  reminders    TEXT NOT NULL DEFAULT '[]',  -- JSON array of reminder codes
  created_by   TEXT,                        -- NULL once the organizer erased their data
  created_at   TEXT NOT NULL,
  updated_at   TEXT,
  status       TEXT NOT NULL DEFAULT 'scheduled' CHECK (status IN ('scheduled', 'cancelled')),
  card_channel TEXT,
  card_ts      TEXT,
  CHECK (ends_at > starts_at)
);

CREATE INDEX events_upcoming ON events (status, ends_at, starts_at);

CREATE TABLE event_tags (
  event_id INTEGER NOT NULL REFERENCES events (id) ON DELETE CASCADE,
  tag      TEXT NOT NULL,
  PRIMARY KEY (event_id, tag)
) WITHOUT ROWID;

CREATE INDEX event_tags_by_tag ON event_tags (tag, event_id);

CREATE TABLE event_rsvps (
  event_id     INTEGER NOT NULL REFERENCES events (id) ON DELETE CASCADE,
  user_id      TEXT NOT NULL,
  status       TEXT NOT NULL CHECK (status IN ('going', 'maybe', 'not_going', 'waitlist')),
  display_name TEXT NOT NULL,
  responded_at TEXT NOT NULL,
  PRIMARY KEY (event_id, user_id)
) WITHOUT ROWID;

CREATE INDEX event_rsvps_by_user ON event_rsvps (user_id);

-- One row per reminder an event asked for; planned_at is set when its posts entered the outbox.
CREATE TABLE event_reminders (
  event_id   INTEGER NOT NULL REFERENCES events (id) ON DELETE CASCADE,
  code       TEXT NOT NULL,
  remind_at  TEXT NOT NULL,
  planned_at TEXT,
  PRIMARY KEY (event_id, code)
) WITHOUT ROWID;

CREATE INDEX event_reminders_due ON event_reminders (planned_at, remind_at);
