-- Stands in for a migration of a release after this one (DatabaseMigrationTest): a column this release does not know.
ALTER TABLE candidates ADD COLUMN pronouns TEXT;
