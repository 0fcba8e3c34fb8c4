-- The follow-up steps of each export (job title and salary, the invitation, ...). Written PENDING before the
-- connector is called, RUNNING while one runs, then DONE or FAILED; SKIPPED when not needed (nothing was
-- created, or the employee existed). After a crash the host finishes what is PENDING or RUNNING instead of
-- leaving the employee half done.
CREATE TABLE export_steps (
    attempt_id INTEGER NOT NULL REFERENCES export_attempts (id),
    step_id    TEXT NOT NULL,
    label      TEXT NOT NULL,
    position   INTEGER NOT NULL,
    state      TEXT NOT NULL CHECK (state IN ('PENDING', 'RUNNING', 'DONE', 'FAILED', 'SKIPPED')),
    message    TEXT,
    updated_at TEXT NOT NULL,
    PRIMARY KEY (attempt_id, step_id)
);

CREATE INDEX export_steps_by_state ON export_steps (state, attempt_id);
