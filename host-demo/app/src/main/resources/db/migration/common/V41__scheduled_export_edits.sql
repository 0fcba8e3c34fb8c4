-- A scheduled export keeps the user's edits (issue 16): the fields a person changed in the export dialog before
-- scheduling, sent on the day over the candidate's data of that day (the explicit edits win, the other fields are
-- fresh). A JSON object of field key to value, and the edited fields as "Label: value" texts for the upcoming list;
-- both NULL for a schedule without edits.
ALTER TABLE scheduled_exports ADD COLUMN edits TEXT;
ALTER TABLE scheduled_exports ADD COLUMN edited_fields TEXT;
