-- PostgreSQL twin of db/migrations/0011_view_submissions.sql: the same tables, columns and indexes.
CREATE TABLE view_submissions (
  view_id     text COLLATE "C" PRIMARY KEY,
  kind        text COLLATE "C" NOT NULL CHECK (kind IN ('event', 'job', 'announcement', 'referral')),
  created_id  integer NOT NULL,
  handled_at  text COLLATE "C" NOT NULL
);
