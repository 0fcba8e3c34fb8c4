-- Export on Hired gains its third choice (issue 16): REVIEW puts a hired candidate on a review list instead of
-- exporting. SQLite cannot change a CHECK constraint in place, so the small settings table is rebuilt with its rows.
CREATE TABLE automation_settings_new (
    connector_id TEXT NOT NULL PRIMARY KEY,
    on_hired     TEXT NOT NULL CHECK (on_hired IN ('OFF', 'REVIEW', 'AUTO')),
    updated_by   TEXT NOT NULL,
    updated_at   TEXT NOT NULL
);
INSERT INTO automation_settings_new (connector_id, on_hired, updated_by, updated_at)
    SELECT connector_id, on_hired, updated_by, updated_at FROM automation_settings;
DROP TABLE automation_settings;
ALTER TABLE automation_settings_new RENAME TO automation_settings;
