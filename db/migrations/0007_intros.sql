-- Intros between alumni, availability that expires, and the log of reminder DMs.
-- Times are ISO-8601 UTC strings written by the application's clock.

-- Who opted in to intros. No row: never opted in (intros are opt-in).
CREATE TABLE intro_prefs (
  user_id       TEXT PRIMARY KEY,
  status        TEXT NOT NULL CHECK (status IN ('on', 'off')),
  -- No intros before this moment (`intros snooze <weeks>`); NULL when not snoozed.
  snoozed_until TEXT,
  updated_at    TEXT NOT NULL
) WITHOUT ROWID;

-- One row per round; round_key (the round's due time) is unique so that two processes plan it once.
CREATE TABLE intro_rounds (
  id                  INTEGER PRIMARY KEY,
  round_key           TEXT NOT NULL UNIQUE,
  due_at              TEXT NOT NULL,
  planned_at          TEXT NOT NULL,
  -- Planning goes in batches; a round interrupted by a crash is resumed until this is set.
  completed_at        TEXT,
  group_count         INTEGER NOT NULL DEFAULT 0,
  member_count        INTEGER NOT NULL DEFAULT 0,
  left_out            INTEGER NOT NULL DEFAULT 0,
  -- Set once every member's "Did you meet?" DM is in the outbox.
  checkins_planned_at TEXT
);

CREATE INDEX intro_rounds_by_due ON intro_rounds (due_at);

-- A pair, or the round's one trio. Holds no user id: members are in intro_members.
CREATE TABLE intro_groups (
  id         INTEGER PRIMARY KEY,
  round_id   INTEGER NOT NULL REFERENCES intro_rounds (id) ON DELETE CASCADE,
  created_at TEXT NOT NULL
);

CREATE INDEX intro_groups_by_round ON intro_groups (round_id);

-- Who was in which group, and their answer to "Did you meet?". user_id becomes NULL when the member
-- erases their data: the answer still counts in the meet rate, but no pair history names them.
CREATE TABLE intro_members (
  id          INTEGER PRIMARY KEY,
  group_id    INTEGER NOT NULL REFERENCES intro_groups (id) ON DELETE CASCADE,
  round_id    INTEGER NOT NULL REFERENCES intro_rounds (id) ON DELETE CASCADE,
  user_id     TEXT,
  answer      TEXT CHECK (answer IN ('yes', 'not_yet', 'skip')),
  answered_at TEXT
);

-- A member is in at most one group per round, even when two processes plan the same round.
-- NULLs (erased members) never conflict.
CREATE UNIQUE INDEX intro_members_once_per_round ON intro_members (round_id, user_id);
CREATE INDEX intro_members_by_group ON intro_members (group_id);
CREATE INDEX intro_members_by_user ON intro_members (user_id);

-- Reminder DMs sent to a member (availability re-asks, "Did you meet?"), so that nobody is nagged
-- more than once a month. ref is the outbox key of the DM.
CREATE TABLE member_nags (
  id      INTEGER PRIMARY KEY,
  user_id TEXT NOT NULL,
  kind    TEXT NOT NULL CHECK (kind IN ('availability', 'intro_checkin')),
  sent_at TEXT NOT NULL,
  ref     TEXT
);

CREATE INDEX member_nags_by_user ON member_nags (user_id, kind, sent_at);

-- When the member was last asked whether a flag still holds; NULL again once they keep it.
ALTER TABLE member_availability ADD COLUMN asked_at TEXT;

-- Flags chosen before flags expired get a full term from now (and a re-ask a week before its end),
-- rather than lapsing at once without anyone having been asked.
UPDATE member_availability SET expires_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now', '+90 days') WHERE expires_at IS NULL;

-- The re-ask planner and the lapse sweep go by expiry.
CREATE INDEX member_availability_by_expiry ON member_availability (expires_at);
