import { id, int, intWithDefault, text, textOrNull, textWithDefault } from './schemaColumns';

/** Mentoring (issue 13 §4): db/migrations/0016_mentoring.sql. */
export const mentoringTables = {
  mentor_offers: {
    user_id: text,
    capacity: int,
    availability: textWithDefault,
    active_count: intWithDefault,
    created_at: text,
    updated_at: text,
  },
  mentor_topics: {
    user_id: text,
    tag: text,
  },
  mentor_requests: {
    id: id,
    requester: text,
    goal: text,
    tags: text,
    status: textWithDefault,
    current_mentor: textOrNull,
    asked_at: textOrNull,
    created_at: text,
    closed_at: textOrNull,
  },
  mentor_candidates: {
    request_id: int,
    position: int,
    mentor_id: text,
    outcome: textWithDefault,
    asked_at: textOrNull,
  },
  mentor_pairs: {
    id: id,
    request_id: int,
    mentor_id: text,
    mentee_id: text,
    status: textWithDefault,
    started_at: text,
    next_checkin_at: text,
    ended_at: textOrNull,
  },
} as const;
