-- Who may join (issue 14 §1). Times are ISO-8601 UTC strings from the application's clock.
-- One join request per member: the eligibility facts they gave (a JSON object keyed by the facts the
-- community text declares), the former-employee id if they gave one, and where it stands.
-- status: pending (an admin decides) → asked (an admin asked a question; the member answers by
-- sending the form again, which makes it pending) → approved | declined. via says how it was
-- approved: from the eligible list (by email or employee id), by email domain, or by an admin
-- (decided_by). The decision is a conditional update (WHERE status IN ('pending', 'asked')), so two
-- admins pressing at once cannot both decide. view_id is the last form submission taken, so that a
-- replayed submission changes nothing. The member's erasure deletes their row and its trail.
CREATE TABLE join_requests (
  user_id       TEXT PRIMARY KEY,
  status        TEXT NOT NULL CHECK (status IN ('pending', 'asked', 'approved', 'declined')),
  facts         TEXT NOT NULL DEFAULT '{}',
  employee_id   TEXT,
  via           TEXT CHECK (via IN ('list_email', 'list_employee_id', 'domain', 'admin')),
  question      TEXT,
  reason        TEXT,
  decided_by    TEXT,
  decided_at    TEXT,
  view_id       TEXT,
  card_channel  TEXT,
  card_ts       TEXT,
  requested_at  TEXT NOT NULL,
  updated_at    TEXT NOT NULL
);

CREATE INDEX join_requests_by_decider ON join_requests (decided_by);

-- The audit trail: who did what about whose request, when. actor_id is null for the bot's own
-- automatic approvals, and cleared when the acting admin erases their data.
CREATE TABLE join_request_actions (
  id         INTEGER PRIMARY KEY AUTOINCREMENT,
  user_id    TEXT NOT NULL,
  actor_id   TEXT,
  action     TEXT NOT NULL CHECK (action IN ('requested', 'answered', 'approved', 'asked', 'declined')),
  note       TEXT,
  at         TEXT NOT NULL
);

CREATE INDEX join_request_actions_by_user ON join_request_actions (user_id, id);
CREATE INDEX join_request_actions_by_actor ON join_request_actions (actor_id);

-- The company's list of eligible people, loaded by an admin from a CSV: Slack emails (stored in
-- lower case) and former-employee ids (as given). It is the company's list, not a member's data:
-- a member's erasure leaves the row that matches them, and clears loaded_by for the admin who loaded it.
CREATE TABLE eligible_people (
  kind       TEXT NOT NULL CHECK (kind IN ('email', 'employee_id')),
  value      TEXT NOT NULL,
  loaded_by  TEXT,
  loaded_at  TEXT NOT NULL,
  PRIMARY KEY (kind, value)
);

CREATE INDEX eligible_people_by_loader ON eligible_people (loaded_by);
