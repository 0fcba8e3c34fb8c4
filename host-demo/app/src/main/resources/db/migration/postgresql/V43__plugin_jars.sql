-- The plugin jars every host instance on the database loads (PluginJarStore): the jar itself, its SHA-256 and
-- whether admins enabled it. A removed plugin keeps its row as a marker (removed = 1, no jar), so that an instance
-- tells "removed on another instance" (uninstall it here too) from "never seen" (a jar of its own folder, to add).
CREATE TABLE plugin_jars (
    plugin_id  TEXT PRIMARY KEY,
    version    TEXT,
    sha256     TEXT NOT NULL,
    jar        BYTEA,
    enabled    INTEGER NOT NULL,
    removed    INTEGER NOT NULL,
    changed_at BIGINT NOT NULL
);
