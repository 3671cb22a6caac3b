import { id, intOrNull, text, textOrNull, textWithDefault } from './schemaColumns';

/** Supporters' proposals and credits (issue 14 §3): db/migrations/0020_supporters.sql. */
export const supporterTables = {
  supporter_proposals: {
    id: id,
    kind: text,
    proposer_id: textOrNull,
    input: text,
    status: textWithDefault,
    view_id: textOrNull,
    item_id: intOrNull,
    decided_by: textOrNull,
    decided_at: textOrNull,
    reason: textOrNull,
    card_channel: textOrNull,
    card_ts: textOrNull,
    created_at: text,
  },
} as const;
