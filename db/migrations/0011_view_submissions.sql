-- Modal submissions that created something, keyed by Slack's view id: the same view submitted
-- twice (a double click, a replayed request, a retry reaching another replica sharing this
-- database) finds its row and creates nothing. The row is written in the same transaction as
-- what it created. No member is named here, so erasure has nothing to remove.
-- Times are ISO-8601 UTC strings written by the application's clock.
CREATE TABLE view_submissions (
  view_id     TEXT PRIMARY KEY,
  kind        TEXT NOT NULL CHECK (kind IN ('event', 'job', 'announcement', 'referral')),
  created_id  INTEGER NOT NULL,
  handled_at  TEXT NOT NULL
);
