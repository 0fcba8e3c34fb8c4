-- Issue 15: per integration, whether a change made in the ATS after an export is sent to the HR system by itself
-- (off unless an admin turns it on). A separate table: Export on Hired's settings need a choice this one does not.
CREATE TABLE update_settings (
    connector_id       TEXT    NOT NULL PRIMARY KEY,
    send_automatically INTEGER NOT NULL CHECK (send_automatically IN (0, 1)),
    updated_by         TEXT    NOT NULL,
    updated_at         TEXT    NOT NULL
);

-- An update the host sent by itself (1) rather than one a person sent from the dialog or a bulk update (0).
ALTER TABLE employee_updates ADD COLUMN automatic INTEGER NOT NULL DEFAULT 0;

-- The host instance running an update (PostgreSQL, several instances): one that stops leaves its running update to
-- be settled by the others once its lease has run out, so the candidate is not blocked for good.
ALTER TABLE employee_updates ADD COLUMN host_instance TEXT;
