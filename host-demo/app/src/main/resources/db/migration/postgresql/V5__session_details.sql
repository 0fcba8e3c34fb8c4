-- What an admin needs to recognise a session before ending it (Settings > Sessions): a public id that is
-- not the token (the token's hash stays the key and is never shown), where and with what it was opened.
-- The same columns and indexes as sqlite/V5__session_details.sql; the random id comes from md5 here, as
-- PostgreSQL has no randomblob (32 lower-case hex characters either way).
ALTER TABLE sessions ADD COLUMN public_id TEXT;
ALTER TABLE sessions ADD COLUMN client_address TEXT;
ALTER TABLE sessions ADD COLUMN user_agent TEXT;

UPDATE sessions SET public_id = md5(random()::text || clock_timestamp()::text || token_hash) WHERE public_id IS NULL;

CREATE UNIQUE INDEX sessions_by_public_id ON sessions (public_id);
CREATE INDEX sessions_by_user ON sessions (user_id);
