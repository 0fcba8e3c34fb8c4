-- Updates sent to an employee an export created or linked: who, when, and per field what the HR system held,
-- what was sent and what came of it (fields_json). One update of a candidate with a connector runs at a time.
CREATE TABLE employee_updates (
    id              INTEGER PRIMARY KEY,
    candidate_id    INTEGER NOT NULL REFERENCES candidates (id),
    connector_id    TEXT NOT NULL,
    connector_name  TEXT NOT NULL,
    employee_id     TEXT NOT NULL,
    user_id         INTEGER NOT NULL,
    user_name       TEXT NOT NULL,
    started_at      TEXT NOT NULL,
    finished_at     TEXT,
    state           TEXT NOT NULL CHECK (state IN ('IN_PROGRESS', 'UPDATED', 'PARTIAL', 'FAILED')),
    contract_change TEXT,
    effective_on    TEXT,
    fields_json     TEXT NOT NULL,
    error           TEXT
);

CREATE UNIQUE INDEX employee_updates_one_running
    ON employee_updates (candidate_id, connector_id) WHERE state = 'IN_PROGRESS';
CREATE INDEX employee_updates_by_candidate ON employee_updates (candidate_id, connector_id, id);
