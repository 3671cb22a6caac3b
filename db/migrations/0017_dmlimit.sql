-- One unsolicited DM a day per member from asks and offers, study groups and mentoring (issue 13,
-- rules for all four). Each such DM claims its member's day here before it is put in the outbox,
-- in the same transaction: the primary key lets one DM in per member and UTC day, however many
-- replicas plan at the same moment, and a DM that finds its day taken claims the next free one
-- (its outbox row waits until then). ref is the DM's outbox key, so a second planning of the same
-- DM finds its day instead of taking another. Times are ISO-8601 UTC strings.
CREATE TABLE unsolicited_dm_days (
  user_id     TEXT NOT NULL,
  day         TEXT NOT NULL,
  ref         TEXT NOT NULL,
  due_at      TEXT NOT NULL,
  claimed_at  TEXT NOT NULL,
  PRIMARY KEY (user_id, day)
);

CREATE UNIQUE INDEX unsolicited_dm_days_by_ref ON unsolicited_dm_days (user_id, ref);
