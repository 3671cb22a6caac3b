-- Roles HR posts, the comeback funnel around them, and referrals.

CREATE TABLE jobs (
  id              INTEGER PRIMARY KEY,
  title           TEXT NOT NULL,
  team            TEXT,
  location        TEXT,
  work_style      TEXT NOT NULL CHECK (work_style IN ('onsite', 'hybrid', 'remote')),
  employment_type TEXT NOT NULL CHECK (employment_type IN ('full_time', 'contract', 'part_time', 'advisor')),
  description     TEXT,
  apply_url       TEXT NOT NULL,
  recruiter       TEXT,              -- NULL once the recruiter erased their data
  posted_by       TEXT,
  closes_on       TEXT,              -- YYYY-MM-DD in DEFAULT_TIMEZONE; the role closes after that day
  status          TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'closed', 'filled')),
  created_at      TEXT NOT NULL,
  closed_at       TEXT,
  card_channel    TEXT,
  card_ts         TEXT
);

CREATE INDEX jobs_open ON jobs (status, closes_on);

CREATE TABLE job_tags (
  job_id INTEGER NOT NULL REFERENCES jobs (id) ON DELETE CASCADE,
  tag    TEXT NOT NULL,
  PRIMARY KEY (job_id, tag)
) WITHOUT ROWID;

CREATE INDEX job_tags_by_tag ON job_tags (tag, job_id);

-- Every step of the comeback path. user_id becomes NULL when a member erases their data,
-- so the counts HR sees stay true without naming anyone.
CREATE TABLE funnel_events (
  id      INTEGER PRIMARY KEY,
  job_id  INTEGER NOT NULL REFERENCES jobs (id) ON DELETE CASCADE,
  user_id TEXT,
  step    TEXT NOT NULL CHECK (step IN ('posted', 'shown', 'curious', 'referral', 'apply_click', 'hired')),
  at      TEXT NOT NULL
);

CREATE INDEX funnel_by_job ON funnel_events (job_id, step);
CREATE INDEX funnel_by_user ON funnel_events (user_id);

-- A member counts once per role for curious, apply_click and hired: a double click (or a second
-- process) inserts nothing more, so every count is a plain count(*). Rows whose user_id became NULL
-- by erasure never conflict (NULLs are distinct), so an erased member still counts.
CREATE UNIQUE INDEX funnel_once_per_member ON funnel_events (job_id, user_id, step)
  WHERE step IN ('curious', 'apply_click', 'hired');

CREATE TABLE referrals (
  id             INTEGER PRIMARY KEY,
  job_id         INTEGER NOT NULL REFERENCES jobs (id) ON DELETE CASCADE,
  referrer       TEXT,               -- NULL once the referrer erased their data
  candidate_name TEXT NOT NULL,
  contact        TEXT NOT NULL,
  relationship   TEXT,
  note           TEXT,
  status         TEXT NOT NULL DEFAULT 'new' CHECK (status IN ('new', 'contacted', 'interviewing', 'hired', 'closed')),
  created_at     TEXT NOT NULL,
  updated_at     TEXT
);

CREATE INDEX referrals_by_job ON referrals (job_id);
CREATE INDEX referrals_by_referrer ON referrals (referrer);
