-- Scheduled exports (issue 16): a candidate's export on a chosen day, or an integration's "N days before the start
-- date". The job itself waits in scheduled_tasks (db-scheduler); this table is what the upcoming list and the
-- candidate page show, one row per candidate and integration, removed when the job has run or is cancelled.
CREATE TABLE scheduled_exports (
    candidate_id INTEGER NOT NULL,
    connector_id TEXT    NOT NULL,
    export_on    TEXT    NOT NULL,
    origin       TEXT    NOT NULL CHECK (origin IN ('CHOSEN', 'BEFORE_START')),
    scheduled_by INTEGER NOT NULL,
    scheduled_at TEXT    NOT NULL,
    PRIMARY KEY (candidate_id, connector_id)
);
CREATE INDEX scheduled_exports_export_on ON scheduled_exports (export_on);

-- An integration exporting on Hired may wait until this many days before the candidate's start date (NULL: at once).
ALTER TABLE automation_settings ADD COLUMN days_before_start INTEGER;
