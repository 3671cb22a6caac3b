-- The outbox: every scheduled post (event reminders, announcements, digests, failure notices)
-- is a row with a unique idempotency key before anything is sent. Rows are never deleted, so a
-- key that was sent, skipped or cancelled can never be scheduled (and sent) again.
-- Times are ISO-8601 UTC strings written by the application's clock; they compare as text.

CREATE TABLE outbox (
  id                  INTEGER PRIMARY KEY,
  kind                TEXT NOT NULL,
  key                 TEXT NOT NULL UNIQUE,
  -- Channel id (C…, G…, D…) or a user id (U…, W…) for a DM in the app's Messages tab.
  channel             TEXT NOT NULL,
  -- JSON {text, blocks?, threadTs?}; validated when read back.
  payload             TEXT NOT NULL,
  due_at              TEXT NOT NULL,
  expires_at          TEXT,
  status              TEXT NOT NULL DEFAULT 'pending'
                        CHECK (status IN ('pending', 'sending', 'sent', 'failed', 'skipped', 'cancelled')),
  -- Number of claims (delivery attempts) so far.
  attempts            INTEGER NOT NULL DEFAULT 0,
  -- When a pending row may next be claimed: due_at at first, later due_at plus backoff.
  next_attempt_at     TEXT NOT NULL,
  last_error          TEXT,
  claimed_by          TEXT,
  claimed_at          TEXT,
  -- Set when an earlier attempt may have reached Slack (crash while 'sending', 5xx, network
  -- error): the channel's history since this moment is searched for the key before any resend.
  unconfirmed_since   TEXT,
  slack_channel       TEXT,
  slack_ts            TEXT,
  sent_at             TEXT,
  -- Member told once by DM when the row fails for good.
  notify_on_failure   TEXT,
  failure_notified_at TEXT,
  created_at          TEXT NOT NULL,
  updated_at          TEXT NOT NULL
);

-- The tick claims pending rows by next_attempt_at and expires them by expires_at.
CREATE INDEX outbox_pending ON outbox (status, next_attempt_at);
-- Stale claims ('sending' with an old claimed_at) are found at every tick.
CREATE INDEX outbox_claims ON outbox (status, claimed_at);
-- Failed rows whose author has not been told yet.
CREATE INDEX outbox_unnotified ON outbox (status, failure_notified_at) WHERE notify_on_failure IS NOT NULL;
