-- PostgreSQL twin of db/migrations/0010_leases.sql: the same tables, columns and indexes.
CREATE TABLE leases (
  name       text COLLATE "C" PRIMARY KEY,
  holder     text COLLATE "C" NOT NULL,
  expires_at text COLLATE "C" NOT NULL
);
