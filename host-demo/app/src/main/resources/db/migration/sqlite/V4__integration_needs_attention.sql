-- An integration can need attention (the HR system no longer serves its API version) besides needing new
-- credentials. SQLite cannot change a CHECK constraint in place, so the table is rebuilt with every row kept.
CREATE TABLE integrations_v4 (
    connector_id       TEXT PRIMARY KEY,
    settings_json      TEXT NOT NULL,
    secrets_ciphertext TEXT NOT NULL,
    account_name       TEXT,
    account_id         TEXT,
    account_attributes TEXT NOT NULL DEFAULT '{}',
    status             TEXT NOT NULL CHECK (status IN ('CONNECTED', 'NEEDS_RECONNECTION', 'NEEDS_ATTENTION')),
    problem            TEXT,
    connected_by       TEXT NOT NULL,
    connected_at       TEXT NOT NULL
);

INSERT INTO integrations_v4 (connector_id, settings_json, secrets_ciphertext, account_name, account_id,
        account_attributes, status, problem, connected_by, connected_at)
    SELECT connector_id, settings_json, secrets_ciphertext, account_name, account_id, account_attributes, status,
        problem, connected_by, connected_at
    FROM integrations;

DROP TABLE integrations;

ALTER TABLE integrations_v4 RENAME TO integrations;
