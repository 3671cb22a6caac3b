-- Find at scale (issue 15): the profile text find searches, kept apart from members so that it can
-- carry its own index. body is the member's name, company, title, location and bio, each in the
-- canonical spelling find compares (NFKC, lower case, single spaces), one per line; the repository
-- writes it with every profile save, and it goes with the member (ON DELETE CASCADE) on erasure.
-- id is an INTEGER PRIMARY KEY so that the FTS index can name rows by a rowid that VACUUM never moves.
CREATE TABLE member_search (
  id      INTEGER PRIMARY KEY AUTOINCREMENT,
  user_id TEXT NOT NULL REFERENCES members (user_id) ON DELETE CASCADE,
  body    TEXT NOT NULL
);

CREATE UNIQUE INDEX member_search_by_member ON member_search (user_id);

-- A trigram index over body: any substring of three characters or more (Latin, kana or kanji alike)
-- is found without reading every row. Contentless, so the text lives in member_search only, and
-- secure-delete, so that deleting a row (an erasure) removes its trigrams from the index at once
-- rather than at the next merge. Postgres's twin is a pg_trgm GIN index on member_search.body.
CREATE VIRTUAL TABLE member_search_fts USING fts5 (
  body,
  tokenize = 'trigram',
  content = '',
  contentless_delete = 1
);
INSERT INTO member_search_fts (member_search_fts, rank) VALUES ('secure-delete', 1);

CREATE TRIGGER member_search_fts_insert AFTER INSERT ON member_search BEGIN
  INSERT INTO member_search_fts (rowid, body) VALUES (new.id, new.body);
END;
CREATE TRIGGER member_search_fts_delete AFTER DELETE ON member_search BEGIN
  DELETE FROM member_search_fts WHERE rowid = old.id;
END;
CREATE TRIGGER member_search_fts_update AFTER UPDATE OF body ON member_search BEGIN
  DELETE FROM member_search_fts WHERE rowid = old.id;
  INSERT INTO member_search_fts (rowid, body) VALUES (new.id, new.body);
END;

-- The repository writes body with every profile save, in find's canonical spelling. A change made
-- to the profile columns some other way (an admin's SQL, a test) is followed here, in SQL: lower()
-- folds ASCII only, which is the canonical spelling for ASCII text; other letters get their exact
-- canonical body with the member's next save. The same expression fills the body of profiles saved
-- before this migration.
CREATE TRIGGER member_search_follow AFTER UPDATE OF display_name, company, title, location, bio ON members
BEGIN
  INSERT INTO member_search (user_id, body)
  VALUES (new.user_id,
          lower(trim(coalesce(new.display_name, '')) || char(10) || trim(coalesce(new.company, '')) || char(10) ||
                trim(coalesce(new.title, '')) || char(10) || trim(coalesce(new.location, '')) || char(10) ||
                trim(coalesce(new.bio, ''))))
  ON CONFLICT (user_id) DO UPDATE SET body = excluded.body;
END;

INSERT INTO member_search (user_id, body)
SELECT user_id,
       lower(trim(coalesce(display_name, '')) || char(10) || trim(coalesce(company, '')) || char(10) ||
             trim(coalesce(title, '')) || char(10) || trim(coalesce(location, '')) || char(10) ||
             trim(coalesce(bio, '')))
  FROM members
 WHERE profile_updated_at IS NOT NULL;

-- The distinct tags members hold, so that find can pick the tags a query is part of (substring
-- matches) by reading a few thousand rows rather than every member's. The member repository adds a
-- tag when a member first holds it and removes it when the last holder lets go or is erased, so a
-- tag typed only by an erased member does not outlive them.
CREATE TABLE interest_vocabulary (
  tag TEXT PRIMARY KEY
) WITHOUT ROWID;

INSERT INTO interest_vocabulary (tag) SELECT DISTINCT tag FROM member_interests;
