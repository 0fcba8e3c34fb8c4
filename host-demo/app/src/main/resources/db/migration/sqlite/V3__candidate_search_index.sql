-- Substring search over name and e-mail without scanning every candidate: an FTS5 index of trigrams of
-- candidates.search_text (an external-content table, so the text is not stored twice), kept current by
-- triggers. The list uses it for searches of three characters or more.
CREATE VIRTUAL TABLE candidate_search USING fts5(search_text, content='candidates', content_rowid='id', tokenize='trigram');

INSERT INTO candidate_search (candidate_search) VALUES ('rebuild');

CREATE TRIGGER candidates_search_insert AFTER INSERT ON candidates BEGIN
    INSERT INTO candidate_search (rowid, search_text) VALUES (new.id, new.search_text);
END;

CREATE TRIGGER candidates_search_delete AFTER DELETE ON candidates BEGIN
    INSERT INTO candidate_search (candidate_search, rowid, search_text) VALUES ('delete', old.id, old.search_text);
END;

CREATE TRIGGER candidates_search_update AFTER UPDATE OF search_text ON candidates BEGIN
    INSERT INTO candidate_search (candidate_search, rowid, search_text) VALUES ('delete', old.id, old.search_text);
    INSERT INTO candidate_search (rowid, search_text) VALUES (new.id, new.search_text);
END;
