-- Mapping rules (issue 16): per integration, "when the job's department / location / the job itself is X,
-- set the connector's select field F to V", and a default per field (match_on 'DEFAULT', match_value '').
-- The host stores the option's value and the label it had when the rule was saved; the connector's live
-- reference data decides at export time whether the value is still offered. Portable SQL: no generated keys.
CREATE TABLE mapping_rules (
    connector_id TEXT NOT NULL,
    field_key    TEXT NOT NULL,
    match_on     TEXT NOT NULL CHECK (match_on IN ('JOB', 'DEPARTMENT', 'LOCATION', 'DEFAULT')),
    match_value  TEXT NOT NULL,
    target_value TEXT NOT NULL,
    target_label TEXT NOT NULL,
    updated_by   TEXT NOT NULL,
    updated_at   TEXT NOT NULL,
    PRIMARY KEY (connector_id, field_key, match_on, match_value)
);

-- Fields an admin wants filled before an automatic or bulk export sends a candidate: one left empty by the
-- candidate, the rules and the defaults makes the candidate "needs review" instead of arriving half-filled.
CREATE TABLE mapping_required_fields (
    connector_id TEXT NOT NULL,
    field_key    TEXT NOT NULL,
    PRIMARY KEY (connector_id, field_key)
);
