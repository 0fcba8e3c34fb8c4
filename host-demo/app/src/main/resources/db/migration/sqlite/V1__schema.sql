-- The host's schema: users and sessions, jobs with their pipelines, candidates, integrations and the
-- export history. Dates are ISO-8601 text; money is decimal text so nothing is lost to floating point.

CREATE TABLE users (
    id            INTEGER PRIMARY KEY,
    email         TEXT NOT NULL UNIQUE COLLATE NOCASE,
    name          TEXT NOT NULL,
    role          TEXT NOT NULL CHECK (role IN ('ADMIN', 'HIRING_MANAGER', 'RECRUITER', 'INTERVIEWER')),
    password_hash TEXT NOT NULL
);

-- Only a hash of the session token is stored, so a copy of the database cannot be used to sign in.
CREATE TABLE sessions (
    token_hash TEXT PRIMARY KEY,
    user_id    INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    csrf_token TEXT NOT NULL,
    created_at TEXT NOT NULL,
    expires_at TEXT NOT NULL
);

CREATE TABLE jobs (
    id         INTEGER PRIMARY KEY,
    name       TEXT NOT NULL,
    department TEXT,
    location   TEXT
);

CREATE TABLE stages (
    id       INTEGER PRIMARY KEY,
    job_id   INTEGER NOT NULL REFERENCES jobs (id) ON DELETE CASCADE,
    name     TEXT NOT NULL,
    position INTEGER NOT NULL,
    hired    INTEGER NOT NULL DEFAULT 0,
    UNIQUE (job_id, position)
);

CREATE TABLE candidates (
    id               INTEGER PRIMARY KEY,
    first_name       TEXT NOT NULL,
    last_name        TEXT NOT NULL,
    email            TEXT,
    phone            TEXT,
    status           TEXT NOT NULL CHECK (status IN ('ACTIVE', 'HIRED', 'REJECTED', 'WITHDRAWN')),
    job_id           INTEGER REFERENCES jobs (id),
    stage_id         INTEGER REFERENCES stages (id),
    hired_on         TEXT,
    offer_job_title  TEXT,
    offer_start_date TEXT,
    salary_amount    TEXT,
    salary_currency  TEXT,
    salary_period    TEXT,
    birthday         TEXT,
    nationality      TEXT,
    address_line1    TEXT,
    address_line2    TEXT,
    postal_code      TEXT,
    city             TEXT,
    state            TEXT,
    country          TEXT,
    custom_fields    TEXT NOT NULL DEFAULT '{}',
    -- lower-cased "first last email" so that search is one indexed-friendly LIKE on one column
    search_text      TEXT NOT NULL,
    created_at       TEXT NOT NULL
);

CREATE INDEX candidates_by_status ON candidates (status, id);
CREATE INDEX candidates_by_job_stage ON candidates (job_id, stage_id, id);
CREATE INDEX candidates_by_stage ON candidates (stage_id, id);

-- One row per connected connector. Secret values are AES-GCM ciphertext, the rest plain JSON.
CREATE TABLE integrations (
    connector_id       TEXT PRIMARY KEY,
    settings_json      TEXT NOT NULL,
    secrets_ciphertext TEXT NOT NULL,
    account_name       TEXT,
    account_id         TEXT,
    account_attributes TEXT NOT NULL DEFAULT '{}',
    status             TEXT NOT NULL CHECK (status IN ('CONNECTED', 'NEEDS_RECONNECTION')),
    problem            TEXT,
    connected_by       TEXT NOT NULL,
    connected_at       TEXT NOT NULL
);

CREATE TABLE export_attempts (
    id             INTEGER PRIMARY KEY,
    candidate_id   INTEGER NOT NULL REFERENCES candidates (id),
    candidate_name TEXT NOT NULL,
    connector_id   TEXT NOT NULL,
    connector_name TEXT NOT NULL,
    user_id        INTEGER NOT NULL,
    user_name      TEXT NOT NULL,
    started_at     TEXT NOT NULL,
    finished_at    TEXT,
    state          TEXT NOT NULL CHECK (state IN ('IN_PROGRESS', 'CREATED', 'ALREADY_EXISTS', 'FAILED', 'UNFINISHED')),
    draft_json     TEXT NOT NULL,
    employee_id    TEXT,
    link           TEXT,
    error          TEXT,
    warnings_json  TEXT NOT NULL DEFAULT '[]'
);

-- At most one export of a candidate with a connector runs at a time, even across host processes.
CREATE UNIQUE INDEX export_attempts_one_running
    ON export_attempts (candidate_id, connector_id) WHERE state = 'IN_PROGRESS';
CREATE INDEX export_attempts_by_candidate ON export_attempts (candidate_id, connector_id, id);
CREATE INDEX export_attempts_by_state ON export_attempts (state, id);
