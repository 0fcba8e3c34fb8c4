-- Substring search over name and e-mail without scanning every candidate: a GIN index of trigrams
-- (pg_trgm) serves the list's LIKE '%...%' on candidates.search_text directly, where SQLite needs an FTS5
-- table of its own (sqlite/V3). pg_trgm is a trusted extension: the database's owner may create it.
CREATE EXTENSION IF NOT EXISTS pg_trgm;

CREATE INDEX candidates_search_trigrams ON candidates USING gin (search_text gin_trgm_ops);
