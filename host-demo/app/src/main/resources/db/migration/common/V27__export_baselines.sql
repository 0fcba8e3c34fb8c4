-- What the ATS said about a candidate when it was last sent to an HR system (by export or update), per
-- connector: start date, job title, salary and personal data by label. A candidate whose facts differ from
-- these shows "Changed since export". ats_values_json keeps the connector's draft as the ATS filled it then
-- (before the user's edits), so that the update dialog tells an ATS change from an edit typed in the dialog.
-- BIGINT and TEXT read the same in SQLite and PostgreSQL.
CREATE TABLE export_baselines (
    candidate_id BIGINT NOT NULL REFERENCES candidates (id),
    connector_id TEXT NOT NULL,
    facts_json      TEXT NOT NULL,
    ats_values_json TEXT NOT NULL DEFAULT '{}',
    recorded_at     TEXT NOT NULL,
    PRIMARY KEY (candidate_id, connector_id)
);
