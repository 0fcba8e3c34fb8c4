-- sqlite/V47 merges SQLite's search index into one segment; a GIN index needs no such rewrite. Here the planner
-- learns the sizes of V46's candidate_counts and of candidates before the first list, instead of at the next
-- autovacuum.
ANALYZE candidate_counts;
ANALYZE candidates;
