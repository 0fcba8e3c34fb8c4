-- Bulk exports and their per-candidate progress, in the database so that every host instance answers the same
-- progress and another instance (or the next start) finishes a bulk export whose instance stopped.
-- host_instance on bulk_exports is the instance running its lanes; on an item, the one that claimed it.
-- Times are epoch milliseconds of the host's clock, so they compare as numbers in every dialect.
-- A finished bulk export's lines are deleted after the retention (cleared_at set, cleared_early when it made
-- room for later ones before its retention ended); its exports stay in export_attempts.
CREATE TABLE bulk_exports (
    id            TEXT PRIMARY KEY,
    connector_id  TEXT NOT NULL,
    user_id       BIGINT NOT NULL,
    total         INTEGER NOT NULL,
    started_at    BIGINT NOT NULL,
    finished_at   BIGINT,
    host_instance TEXT NOT NULL,
    cleared_at    BIGINT,
    cleared_early INTEGER NOT NULL DEFAULT 0
);

CREATE INDEX bulk_exports_by_user ON bulk_exports (user_id, finished_at);
CREATE INDEX bulk_exports_by_finish ON bulk_exports (finished_at, cleared_at);

CREATE TABLE bulk_export_items (
    bulk_id        TEXT NOT NULL REFERENCES bulk_exports (id),
    position       INTEGER NOT NULL,
    candidate_id   BIGINT NOT NULL,
    candidate_name TEXT NOT NULL,
    state          TEXT NOT NULL
        CHECK (state IN ('PENDING', 'RUNNING', 'CREATED', 'ALREADY_EXISTS', 'FAILED', 'NEEDS_REVIEW')),
    message        TEXT,
    employee_id    TEXT,
    link           TEXT,
    host_instance  TEXT,
    PRIMARY KEY (bulk_id, position)
);

CREATE INDEX bulk_export_items_by_state ON bulk_export_items (bulk_id, state, position);
