-- Personal digests: each member's preference, every digest run, and what each member was
-- already sent (so no role or event is sent to them twice).

CREATE TABLE digest_prefs (
  user_id    TEXT PRIMARY KEY,
  frequency  TEXT NOT NULL CHECK (frequency IN ('weekly', 'daily', 'off')),
  updated_at TEXT NOT NULL
) WITHOUT ROWID;

-- One row per run (scheduled or started by hand); run_key is unique so two processes plan it once.
CREATE TABLE digest_runs (
  id          INTEGER PRIMARY KEY,
  run_key     TEXT NOT NULL UNIQUE,
  cadence     TEXT NOT NULL CHECK (cadence IN ('weekly', 'daily', 'manual')),
  due_at      TEXT NOT NULL,
  started_by  TEXT,
  planned_at  TEXT NOT NULL,
  recipients  INTEGER NOT NULL DEFAULT 0,
  nothing_new INTEGER NOT NULL DEFAULT 0,
  -- Planning goes in batches; a run interrupted by a crash is resumed until this is set.
  completed_at TEXT,
  reported_at TEXT
);

CREATE TABLE digest_items (
  user_id   TEXT NOT NULL,
  item_type TEXT NOT NULL CHECK (item_type IN ('job', 'event')),
  item_id   INTEGER NOT NULL,
  run_id    INTEGER NOT NULL REFERENCES digest_runs (id) ON DELETE CASCADE,
  PRIMARY KEY (user_id, item_type, item_id)
) WITHOUT ROWID;

CREATE INDEX digest_items_by_run ON digest_items (run_id);
-- Only items still open matter when a run is planned; this finds them without reading history.
CREATE INDEX digest_items_by_item ON digest_items (item_type, item_id);
