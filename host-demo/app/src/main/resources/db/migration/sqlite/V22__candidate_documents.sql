-- Documents the ATS keeps per candidate (CV, offer letter), stored in the database with their SHA-256 so that
-- they travel with its backups and the same bytes are recognised wherever they are sent.
-- postgresql/V22 has the same columns and indexes, with bytea for the bytes.
CREATE TABLE candidate_documents (
    id               INTEGER PRIMARY KEY,
    candidate_id     INTEGER NOT NULL REFERENCES candidates (id),
    file_name        TEXT NOT NULL,
    media_type       TEXT NOT NULL,
    kind             TEXT NOT NULL CHECK (kind IN ('CV', 'OFFER_LETTER', 'OTHER')),
    size_bytes       INTEGER NOT NULL,
    sha256           TEXT NOT NULL,
    content          BLOB NOT NULL,
    uploaded_by_id   INTEGER NOT NULL,
    uploaded_by_name TEXT NOT NULL,
    uploaded_at      TEXT NOT NULL,
    -- the same file twice for one candidate is refused, not stored again
    UNIQUE (candidate_id, sha256)
);
CREATE INDEX candidate_documents_by_candidate ON candidate_documents (candidate_id, id);
