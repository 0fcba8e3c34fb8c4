-- The review list (issue 16): hired candidates of integrations set to "queue for review", waiting for a person to
-- check and send them. One row per candidate and integration, so moving a candidate out of Hired and back queues
-- nothing more; a row whose candidate has been exported (by any path) leaves the list.
CREATE TABLE review_queue (
    candidate_id   INTEGER NOT NULL,
    connector_id   TEXT    NOT NULL,
    queued_by      INTEGER NOT NULL,
    queued_at      TEXT    NOT NULL,
    -- labels of required fields the draft leaves empty, as a JSON array; NULL until the draft has been checked
    missing_fields TEXT,
    -- why the draft could not be checked (the HR system unreachable...), or NULL
    check_problem  TEXT,
    PRIMARY KEY (candidate_id, connector_id)
);
