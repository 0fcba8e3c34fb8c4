-- Each document sent to an employee of an HR system: one row per connector, employee and checksum, written
-- PENDING before the plugin is called and settled after, so the same bytes never reach an employee twice and
-- a failed upload stays visible (and retryable) without failing the export it belonged to.
-- postgresql/V23 has the same columns and indexes.
CREATE TABLE document_uploads (
    id           INTEGER PRIMARY KEY,
    document_id  INTEGER NOT NULL REFERENCES candidate_documents (id),
    candidate_id INTEGER NOT NULL,
    connector_id TEXT NOT NULL,
    employee_id  TEXT NOT NULL,
    sha256       TEXT NOT NULL,
    state        TEXT NOT NULL CHECK (state IN ('PENDING', 'UPLOADED', 'FAILED')),
    remote_id    TEXT,
    error        TEXT,
    attempts     INTEGER NOT NULL DEFAULT 0,
    updated_at   TEXT NOT NULL,
    UNIQUE (connector_id, employee_id, sha256)
);
CREATE INDEX document_uploads_by_candidate ON document_uploads (candidate_id, connector_id);
