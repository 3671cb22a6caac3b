-- Leases: which replica runs the planners and bulk delivery ("scheduler"). A holder renews its
-- lease by compare-and-set before it expires; when it dies, another takes over after expiry.
-- Correctness never rests on a lease (claims and keys do): it gives one pacer and post order.
CREATE TABLE leases (
  name       TEXT PRIMARY KEY,
  holder     TEXT NOT NULL,
  expires_at TEXT NOT NULL
) WITHOUT ROWID;
