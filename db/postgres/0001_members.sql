-- PostgreSQL twin of db/migrations/0001_members.sql: the same tables, columns and indexes.
-- Every text column is COLLATE "C": ids, keys and ISO times compare byte by byte, as in SQLite,
-- so range scans such as key >= 'job:' AND key < 'job;' mean the same on both engines.
-- Members of the alumni community and what they told us about themselves.
-- Times are ISO-8601 UTC strings written by the application's clock.

CREATE TABLE members (
  user_id            text COLLATE "C" PRIMARY KEY,
  display_name       text COLLATE "C",
  years_from         integer,
  years_to           integer,
  company            text COLLATE "C",
  title              text COLLATE "C",
  location           text COLLATE "C",
  bio                text COLLATE "C",
  visibility         text COLLATE "C" NOT NULL DEFAULT 'all' CHECK (visibility IN ('all', 'staff', 'nobody')),
  profile_updated_at text COLLATE "C",
  welcomed_at        text COLLATE "C",
  agreed_version     text COLLATE "C",
  agreed_at          text COLLATE "C",
  last_active_at     text COLLATE "C",
  created_at         text COLLATE "C" NOT NULL
);

CREATE TABLE member_interests (
  user_id  text COLLATE "C" NOT NULL REFERENCES members (user_id) ON DELETE CASCADE,
  tag      text COLLATE "C" NOT NULL,
  added_at text COLLATE "C" NOT NULL,
  PRIMARY KEY (user_id, tag)
);

-- find and matching go from a tag to its members.
CREATE INDEX member_interests_by_tag ON member_interests (tag, user_id);

-- What a member is open to (comeback, referrals, …); a row per flag so that each can
-- carry its own expiry later.
CREATE TABLE member_availability (
  user_id    text COLLATE "C" NOT NULL REFERENCES members (user_id) ON DELETE CASCADE,
  flag       text COLLATE "C" NOT NULL CHECK (flag IN ('comeback', 'referrals', 'mentoring', 'collaboration', 'speaking')),
  since      text COLLATE "C" NOT NULL,
  expires_at text COLLATE "C",
  PRIMARY KEY (user_id, flag)
);

-- Granted roles. Admins named in ADMIN_USER_IDS are admins without a row here.
-- No foreign key: a role can be granted before the person ever uses the bot.
CREATE TABLE member_roles (
  user_id    text COLLATE "C" NOT NULL,
  role       text COLLATE "C" NOT NULL CHECK (role IN ('admin', 'organizer', 'hr')),
  granted_by text COLLATE "C",
  granted_at text COLLATE "C" NOT NULL,
  PRIMARY KEY (user_id, role)
);

-- users.info answers, kept so that each reply does not cost a Web API call.
CREATE TABLE user_locales (
  user_id    text COLLATE "C" PRIMARY KEY,
  locale     text COLLATE "C" NOT NULL,
  fetched_at text COLLATE "C" NOT NULL
);

-- Events API deliveries already handled; Slack retries for up to about 5 minutes.
CREATE TABLE handled_events (
  event_id    text COLLATE "C" PRIMARY KEY,
  received_at text COLLATE "C" NOT NULL
);

CREATE INDEX handled_events_by_time ON handled_events (received_at);
