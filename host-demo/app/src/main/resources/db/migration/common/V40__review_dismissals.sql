-- A review item can be dismissed (issue 16): a person who may export takes a queued hire off the review list with a
-- reason, and may restore it later. The row stays (one per candidate and integration), so a dismissed candidate moved
-- out of Hired and back is not queued again, and the automatic exports skip it until it is restored.
ALTER TABLE review_queue ADD COLUMN dismissed_by INTEGER;
ALTER TABLE review_queue ADD COLUMN dismissed_at TEXT;
ALTER TABLE review_queue ADD COLUMN dismiss_reason TEXT;
-- the last restore, kept for the record after the dismissal columns are cleared
ALTER TABLE review_queue ADD COLUMN restored_by INTEGER;
ALTER TABLE review_queue ADD COLUMN restored_at TEXT;
