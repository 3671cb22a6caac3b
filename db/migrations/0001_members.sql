-- Members of the alumni community and what they told us about themselves.
-- Times are ISO-8601 UTC strings written by the application's clock.

CREATE TABLE members (
  user_id            TEXT PRIMARY KEY,
  display_name       TEXT,
  years_from         INTEGER,
  years_to           INTEGER,
  company            TEXT,
  title              TEXT,
  location           TEXT,
  bio                TEXT,
  visibility         TEXT NOT NULL DEFAULT 'all' CHECK (visibility IN ('all', 'staff', 'nobody')),
  profile_updated_at TEXT,
  welcomed_at        TEXT,
  agreed_version     TEXT,
  agreed_at          TEXT,
  last_active_at     TEXT,
  created_at         TEXT NOT NULL
);

CREATE TABLE member_interests (
  user_id  TEXT NOT NULL REFERENCES members (user_id) ON DELETE CASCADE,
  tag      TEXT NOT NULL,
  added_at TEXT NOT NULL,
  PRIMARY KEY (user_id, tag)
) WITHOUT ROWID;

-- find and matching go from a tag to its members.
CREATE INDEX member_interests_by_tag ON member_interests (tag, user_id);

-- What a member is open to (comeback, referrals, …); a row per flag so that each can
-- carry its own expiry later.
CREATE TABLE member_availability (
  user_id    TEXT NOT NULL REFERENCES members (user_id) ON DELETE CASCADE,
  flag       TEXT NOT NULL CHECK (flag IN ('comeback', 'referrals', 'mentoring', 'collaboration', 'speaking')),
  since      TEXT NOT NULL,
  expires_at TEXT,
  PRIMARY KEY (user_id, flag)
) WITHOUT ROWID;

-- Granted roles. Admins named in ADMIN_USER_IDS are admins without a row here.
-- No foreign key: a role can be granted before the person ever uses the bot.
CREATE TABLE member_roles (
  user_id    TEXT NOT NULL,
  role       TEXT NOT NULL CHECK (role IN ('admin', 'organizer', 'hr')),
  granted_by TEXT,
  granted_at TEXT NOT NULL,
  PRIMARY KEY (user_id, role)
) WITHOUT ROWID;

-- users.info answers, kept so that each reply does not cost a Web API call.
CREATE TABLE user_locales (
  user_id    TEXT PRIMARY KEY,
  locale     TEXT NOT NULL,
  fetched_at TEXT NOT NULL
) WITHOUT ROWID;

-- Events API deliveries already handled; Slack retries for up to about 5 minutes.
CREATE TABLE handled_events (
  event_id    TEXT PRIMARY KEY,
  received_at TEXT NOT NULL
) WITHOUT ROWID;

CREATE INDEX handled_events_by_time ON handled_events (received_at);
