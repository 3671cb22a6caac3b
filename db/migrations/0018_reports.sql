-- Reports to moderators (issue 14 §2). Times are ISO-8601 UTC strings from the application's clock.
-- A report names a message by its channel and ts (the card links to it through its permalink); the
-- message's text is never copied here. reporter_id and note are cleared when the reporter erases
-- their data, author_id when the author does: the report itself is kept, anonymised.
-- share_identity is the reporter's choice (1: admins may see who reported). One reporter reports one
-- message once (the unique index; NULLs, i.e. erased reporters, never collide). view_id is the modal
-- submission that made it, so that a replayed submission finds it and creates nothing twice.
CREATE TABLE reports (
  id              INTEGER PRIMARY KEY AUTOINCREMENT,
  reporter_id     TEXT,
  share_identity  INTEGER NOT NULL DEFAULT 0 CHECK (share_identity IN (0, 1)),
  channel_id      TEXT NOT NULL,
  message_ts      TEXT NOT NULL,
  author_id       TEXT,
  permalink       TEXT,
  reason          TEXT NOT NULL,
  note            TEXT,
  status          TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'acknowledged', 'resolved')),
  view_id         TEXT,
  card_channel    TEXT,
  card_ts         TEXT,
  reminded_at     TEXT,
  resolution      TEXT,
  created_at      TEXT NOT NULL,
  resolved_at     TEXT
);

CREATE UNIQUE INDEX reports_once_per_reporter ON reports (reporter_id, channel_id, message_ts);
CREATE UNIQUE INDEX reports_by_view ON reports (view_id);
CREATE INDEX reports_by_author ON reports (author_id);

-- The audit trail of each report: who did what, when. actor_id is cleared when that member erases
-- their data; the action and its time stay.
CREATE TABLE report_actions (
  id         INTEGER PRIMARY KEY AUTOINCREMENT,
  report_id  INTEGER NOT NULL REFERENCES reports (id) ON DELETE CASCADE,
  actor_id   TEXT,
  action     TEXT NOT NULL CHECK (action IN ('reported', 'acknowledged', 'reminded', 'resolved')),
  note       TEXT,
  at         TEXT NOT NULL
);

CREATE INDEX report_actions_by_report ON report_actions (report_id, id);
CREATE INDEX report_actions_by_actor ON report_actions (actor_id);
