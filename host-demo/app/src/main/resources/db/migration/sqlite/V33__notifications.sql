-- In-app notifications (issue 16): an automatic or scheduled export that failed or needs review, one row per
-- recipient (every admin, and the user the export runs as), each read or unread on its own.
CREATE TABLE notifications (
    id           INTEGER PRIMARY KEY,
    user_id      INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    kind         TEXT    NOT NULL CHECK (kind IN ('FAILED', 'NEEDS_REVIEW')),
    candidate_id INTEGER NOT NULL,
    connector_id TEXT    NOT NULL,
    message      TEXT    NOT NULL,
    created_at   TEXT    NOT NULL,
    read_at      TEXT
);
CREATE INDEX notifications_user_created ON notifications (user_id, created_at);
