-- An integration can need attention (the HR system no longer serves its API version) besides needing new
-- credentials. PostgreSQL changes the CHECK constraint in place, where SQLite rebuilds the table (sqlite/V4).
ALTER TABLE integrations DROP CONSTRAINT integrations_status_check;

ALTER TABLE integrations ADD CONSTRAINT integrations_status_check
    CHECK (status IN ('CONNECTED', 'NEEDS_RECONNECTION', 'NEEDS_ATTENTION'));
