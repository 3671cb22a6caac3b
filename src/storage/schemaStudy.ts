import { id, int, text, textOrNull, textWithDefault } from './schemaColumns';

/** Study groups (issue 13 §3): db/migrations/0015_study.sql. */
export const studyTables = {
  study_groups: {
    id: id,
    proposer: text,
    topic: text,
    min_members: int,
    rhythm: text,
    status: textWithDefault,
    created_at: text,
    lapses_at: text,
    claim_token: textOrNull,
    claimed_at: textOrNull,
    channel_id: textOrNull,
    channel_name: textOrNull,
    formed_at: textOrNull,
    lapsed_at: textOrNull,
  },
  study_tags: {
    group_id: int,
    tag: text,
  },
  study_backers: {
    group_id: int,
    user_id: text,
    backed_at: text,
  },
  study_mentions: {
    group_id: int,
    user_id: text,
    mentioned_at: text,
  },
};
