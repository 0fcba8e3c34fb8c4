-- Export on Hired gains its third choice (issue 16): REVIEW puts a hired candidate on a review list instead of
-- exporting. sqlite/V30__on_hired_review.sql rebuilds the table for the same change.
ALTER TABLE automation_settings DROP CONSTRAINT automation_settings_on_hired_check;
ALTER TABLE automation_settings
    ADD CONSTRAINT automation_settings_on_hired_check CHECK (on_hired IN ('OFF', 'REVIEW', 'AUTO'));
