import { id, int, text, textOrNull, textWithDefault } from './schemaColumns';

/** Chapters (issue 14 §4): db/migrations/0021_chapters.sql. */
export const chapterTables = {
  chapters: {
    id: id,
    name: text,
    name_key: text,
    channel_id: text,
    status: textWithDefault,
    created_at: text,
    archived_at: textOrNull,
  },
  chapter_members: {
    chapter_id: int,
    user_id: text,
    joined_at: text,
  },
  chapter_leads: {
    chapter_id: int,
    user_id: text,
    added_at: text,
  },
  chapter_actions: {
    id: id,
    chapter_id: int,
    actor_id: textOrNull,
    action: text,
    subject_id: textOrNull,
    at: text,
  },
} as const;
