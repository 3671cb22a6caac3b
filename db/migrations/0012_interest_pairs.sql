-- Interest pairs admins added with `/alumni interests pair <ja> <en>`: a Japanese and an English
-- spelling that mean one interest, on top of content/interests/vocabulary.tsv. ja_lookup is the
-- Japanese spelling as the bot looks it up (folded: case, width, kana); it is unique, so two admins
-- or two replicas cannot pair one Japanese word two ways. No member is named here, so erasure has
-- nothing to remove. Times are ISO-8601 UTC strings written by the application's clock.
CREATE TABLE interest_pairs (
  id         INTEGER PRIMARY KEY,
  ja         TEXT NOT NULL,
  en         TEXT NOT NULL,
  ja_lookup  TEXT NOT NULL UNIQUE,
  added_at   TEXT NOT NULL
);
