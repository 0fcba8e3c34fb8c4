package com.hirerelay.host.plugins;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;

/**
 * The plugin jars shared by the host instances on one database ({@code plugin_jars}): what an admin uploads,
 * enables, disables or removes on any instance is written here, and every instance brings its own plugins in line
 * with it ({@link PluginHost#reconcile()}). Last write wins: two admins changing one plugin at once on two
 * instances end with whichever change reached the database last, on every instance.
 */
public final class PluginJarStore {

    /**
     * One plugin as the instances should have it.
     *
     * @param pluginId the plugin's id
     * @param version its version, for log lines
     * @param sha256 the jar's SHA-256 in hex (of the removed jar for a removal marker)
     * @param enabled whether admins left it enabled
     * @param removed whether it was removed: a marker without a jar
     */
    public record Entry(String pluginId, String version, String sha256, boolean enabled, boolean removed) {}

    private final Jdbi jdbi;
    private final Clock clock;

    /** @param jdbi a database migrated to version 43 or later */
    public PluginJarStore(Jdbi jdbi, Clock clock) {
        this.jdbi = jdbi;
        this.clock = clock;
    }

    /** @return every plugin ever stored, removal markers included, by id */
    public List<Entry> entries() {
        return jdbi.withHandle(handle -> handle.createQuery(
                        "SELECT plugin_id, version, sha256, enabled, removed FROM plugin_jars ORDER BY plugin_id")
                .map((rs, ctx) -> new Entry(
                        rs.getString("plugin_id"),
                        rs.getString("version"),
                        rs.getString("sha256"),
                        rs.getInt("enabled") != 0,
                        rs.getInt("removed") != 0))
                .list());
    }

    /** @return the stored jar of that plugin when its SHA-256 is still the given one (not replaced meanwhile) */
    public Optional<byte[]> jar(String pluginId, String sha256) {
        return jdbi.withHandle(handle -> handle.createQuery(
                        "SELECT jar FROM plugin_jars WHERE plugin_id = ? AND sha256 = ? AND removed = 0")
                .bind(0, pluginId)
                .bind(1, sha256)
                .map((rs, ctx) -> rs.getBytes("jar"))
                .findFirst());
    }

    /** Stores a plugin's jar, replacing whatever was stored under its id (a removal marker too). */
    public void put(String pluginId, String version, String sha256, byte[] jar, boolean enabled) {
        jdbi.useHandle(handle -> handle.createUpdate(
                        "INSERT INTO plugin_jars"
                                + " (plugin_id, version, sha256, jar, enabled, removed, changed_at) VALUES (?, ?, ?, ?, ?, 0, ?)"
                                + " ON CONFLICT (plugin_id) DO UPDATE SET version = excluded.version, sha256 = excluded.sha256,"
                                + " jar = excluded.jar, enabled = excluded.enabled, removed = 0, changed_at = excluded.changed_at")
                .bind(0, pluginId)
                .bind(1, version)
                .bind(2, sha256)
                .bind(3, jar)
                .bind(4, enabled ? 1 : 0)
                .bind(5, clock.millis())
                .execute());
    }

    /** Records that admins enabled or disabled a stored plugin; nothing for a plugin not stored. */
    public void setEnabled(String pluginId, boolean enabled) {
        jdbi.useHandle(handle -> handle.createUpdate(
                        "UPDATE plugin_jars SET enabled = ?, changed_at = ? WHERE plugin_id = ? AND removed = 0")
                .bind(0, enabled ? 1 : 0)
                .bind(1, clock.millis())
                .bind(2, pluginId)
                .execute());
    }

    /** Replaces a stored plugin's jar with a removal marker; nothing for a plugin not stored. */
    public void markRemoved(String pluginId) {
        jdbi.useHandle(handle -> handle.createUpdate(
                        "UPDATE plugin_jars SET removed = 1, jar = NULL, changed_at = ? WHERE plugin_id = ?")
                .bind(0, clock.millis())
                .bind(1, pluginId)
                .execute());
    }
}
