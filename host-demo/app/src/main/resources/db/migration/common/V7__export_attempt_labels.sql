-- What each exported value meant at export time: the field's label and, for a choice such as a team, its
-- name then. The history shows these instead of keys and ids. Older attempts have none and show their keys.
ALTER TABLE export_attempts ADD COLUMN draft_lines_json TEXT NOT NULL DEFAULT '[]';
