-- Export on Hired (issue 16): per integration, whether a candidate reaching the Hired stage is exported by itself.
CREATE TABLE automation_settings (
    connector_id TEXT NOT NULL PRIMARY KEY,
    on_hired     TEXT NOT NULL CHECK (on_hired IN ('OFF', 'AUTO')),
    updated_by   TEXT NOT NULL,
    updated_at   TEXT NOT NULL
);

-- Automatic exports that stopped without an employee: kept tries used up, or a problem a person must look at
-- (fields to fill, a possible match, a connection to renew). Shown to admins; a later success clears the row.
CREATE TABLE automation_failures (
    candidate_id INTEGER NOT NULL,
    connector_id TEXT    NOT NULL,
    kind         TEXT    NOT NULL CHECK (kind IN ('FAILED', 'NEEDS_REVIEW')),
    tries        INTEGER NOT NULL,
    message      TEXT    NOT NULL,
    failed_at    TEXT    NOT NULL,
    PRIMARY KEY (candidate_id, connector_id)
);
