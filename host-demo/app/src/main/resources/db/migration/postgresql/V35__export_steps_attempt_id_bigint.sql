-- export_attempts.id is a BIGINT identity on PostgreSQL, but V6 (shared with SQLite, where INTEGER is 64 bits)
-- made export_steps.attempt_id a 32-bit INTEGER here: past 2^31 attempts the steps could not be written. Widen it
-- to the type of the key it references (the primary key and the foreign key follow the column).
ALTER TABLE export_steps ALTER COLUMN attempt_id TYPE BIGINT;
