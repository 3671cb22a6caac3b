import { id, int, intWithDefault, text, textOrNull, textWithDefault } from './schemaColumns';

/** Reports to moderators (issue 14 §2): db/migrations/0018_reports.sql. */
export const reportTables = {
  reports: {
    id: id,
    reporter_id: textOrNull,
    share_identity: intWithDefault,
    channel_id: text,
    message_ts: text,
    author_id: textOrNull,
    permalink: textOrNull,
    reason: text,
    note: textOrNull,
    status: textWithDefault,
    view_id: textOrNull,
    card_channel: textOrNull,
    card_ts: textOrNull,
    reminded_at: textOrNull,
    resolution: textOrNull,
    created_at: text,
    resolved_at: textOrNull,
  },
  report_actions: {
    id: id,
    report_id: int,
    actor_id: textOrNull,
    action: text,
    note: textOrNull,
    at: text,
  },
} as const;
