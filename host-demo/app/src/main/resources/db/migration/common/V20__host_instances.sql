-- Several host instances on one database (PostgreSQL): each running host has a row it refreshes while it
-- lives, and each export attempt names the instance running it. An attempt left IN_PROGRESS by an instance
-- that stopped refreshing is marked UNFINISHED by the others, and never one of a live instance.
-- Times are epoch milliseconds, so they compare as numbers in every dialect.
CREATE TABLE host_instances (
    id           TEXT PRIMARY KEY,
    started_at   BIGINT NOT NULL,
    last_seen_at BIGINT NOT NULL
);

ALTER TABLE export_attempts ADD COLUMN host_instance TEXT;
