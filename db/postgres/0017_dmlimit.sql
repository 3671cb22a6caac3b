-- PostgreSQL twin of db/migrations/0017_dmlimit.sql: the same table, columns and indexes.
CREATE TABLE unsolicited_dm_days (
  user_id     text COLLATE "C" NOT NULL,
  day         text COLLATE "C" NOT NULL,
  ref         text COLLATE "C" NOT NULL,
  due_at      text COLLATE "C" NOT NULL,
  claimed_at  text COLLATE "C" NOT NULL,
  PRIMARY KEY (user_id, day)
);

CREATE UNIQUE INDEX unsolicited_dm_days_by_ref ON unsolicited_dm_days (user_id, ref);
