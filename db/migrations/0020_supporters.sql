-- Supporters (issue 14 §3). Times are ISO-8601 UTC strings from the application's clock.
-- The supporter role sits between member and organizer: member_roles' CHECK gains it. SQLite cannot
-- change a CHECK in place, so the table is rebuilt with the same columns and rows.
CREATE TABLE member_roles_next (
  user_id    TEXT NOT NULL,
  role       TEXT NOT NULL CHECK (role IN ('admin', 'organizer', 'hr', 'supporter')),
  granted_by TEXT,
  granted_at TEXT NOT NULL,
  PRIMARY KEY (user_id, role)
) WITHOUT ROWID;
INSERT INTO member_roles_next (user_id, role, granted_by, granted_at)
  SELECT user_id, role, granted_by, granted_at FROM member_roles;
DROP TABLE member_roles;
ALTER TABLE member_roles_next RENAME TO member_roles;

-- What a supporter submitted through the event or announcement form. 'pending' waits for an
-- organizer; 'approved' and 'declined' record who decided (decided_by) and when; 'posted' is a
-- supporter's own post when SUPPORTERS_POST_DIRECTLY=on. item_id is the event or announcement it
-- became: an approved or posted row is the "hosted by" credit of that item. input is the form's
-- content as JSON, kept until it is posted or declined. Erasure deletes the member's pending and
-- declined rows and clears proposer_id (the credit) and decided_by elsewhere; the items stay.
-- view_id is the form submission that made it, so that a replay creates nothing twice.
CREATE TABLE supporter_proposals (
  id            INTEGER PRIMARY KEY AUTOINCREMENT,
  kind          TEXT NOT NULL CHECK (kind IN ('event', 'announcement')),
  proposer_id   TEXT,
  input         TEXT NOT NULL,
  status        TEXT NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'approved', 'declined', 'posted')),
  view_id       TEXT,
  item_id       INTEGER,
  decided_by    TEXT,
  decided_at    TEXT,
  reason        TEXT,
  card_channel  TEXT,
  card_ts       TEXT,
  created_at    TEXT NOT NULL
);

CREATE UNIQUE INDEX supporter_proposals_by_view ON supporter_proposals (view_id);
CREATE UNIQUE INDEX supporter_proposals_by_item ON supporter_proposals (kind, item_id);
CREATE INDEX supporter_proposals_by_proposer ON supporter_proposals (proposer_id);
CREATE INDEX supporter_proposals_by_decider ON supporter_proposals (decided_by);
