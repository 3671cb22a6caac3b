import { id, text } from './schemaColumns';

/**
 * Find's profile text (issue 15): db/migrations/0022_member_search.sql. The text indexes over it
 * (SQLite's FTS5 table member_search_fts, Postgres's pg_trgm index) are each engine's own and are
 * not declared here: only SQL in src/storage/memberSearch.ts names them.
 */
export const searchTables = {
  member_search: {
    id: id,
    user_id: text,
    body: text,
  },
  interest_vocabulary: {
    tag: text,
  },
} as const;
