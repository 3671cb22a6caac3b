import { id, text, textOrNull, textWithDefault } from './schemaColumns';

/** Who may join (issue 14 §1): db/migrations/0019_approval.sql. */
export const approvalTables = {
  join_requests: {
    user_id: text,
    status: text,
    facts: textWithDefault,
    employee_id: textOrNull,
    via: textOrNull,
    question: textOrNull,
    reason: textOrNull,
    decided_by: textOrNull,
    decided_at: textOrNull,
    view_id: textOrNull,
    card_channel: textOrNull,
    card_ts: textOrNull,
    requested_at: text,
    updated_at: text,
  },
  join_request_actions: {
    id: id,
    user_id: text,
    actor_id: textOrNull,
    action: text,
    note: textOrNull,
    at: text,
  },
  eligible_people: {
    kind: text,
    value: text,
    loaded_by: textOrNull,
    loaded_at: text,
  },
} as const;
