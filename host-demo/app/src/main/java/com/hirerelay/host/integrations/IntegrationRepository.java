package com.hirerelay.host.integrations;

import com.hirerelay.host.storage.JsonText;
import com.hirerelay.host.storage.SqlDialect;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;

/**
 * The integrations table: one row per connected connector.
 */
public final class IntegrationRepository {

    private final Jdbi jdbi;
    private final SqlDialect dialect;

    public IntegrationRepository(Jdbi jdbi, SqlDialect dialect) {
        this.jdbi = jdbi;
        this.dialect = dialect;
    }

    /** @return the stored integration of the connector, or empty */
    public Optional<StoredIntegration> find(String connectorId) {
        return jdbi.withHandle(handle -> handle.createQuery("SELECT * FROM integrations WHERE connector_id = ?")
                .bind(0, connectorId)
                .map((rs, ctx) -> new StoredIntegration(
                        rs.getString("connector_id"),
                        JsonText.readMap(rs.getString("settings_json")),
                        rs.getString("secrets_ciphertext"),
                        rs.getString("account_name"),
                        rs.getString("account_id"),
                        JsonText.readMap(rs.getString("account_attributes")),
                        IntegrationStatus.valueOf(rs.getString("status")),
                        rs.getString("problem"),
                        rs.getString("connected_by"),
                        Instant.parse(rs.getString("connected_at"))))
                .findOne());
    }

    /** @return every stored integration's state by connector, without parsing settings (one query) */
    public Map<String, IntegrationState> states() {
        return jdbi.withHandle(handle -> handle.createQuery(
                        "SELECT connector_id, status, problem, connected_at, settings_json, account_attributes"
                                + " FROM integrations")
                .map((rs, ctx) -> new IntegrationState(
                        rs.getString("connector_id"),
                        IntegrationStatus.valueOf(rs.getString("status")),
                        rs.getString("problem"),
                        Instant.parse(rs.getString("connected_at")),
                        revision(
                                rs.getString("connected_at"),
                                rs.getString("settings_json"),
                                rs.getString("account_attributes"))))
                .collectToMap(IntegrationState::connectorId, state -> state));
    }

    /** @return the {@link IntegrationState#revision()} this integration has once stored */
    static String revision(StoredIntegration integration) {
        return revision(
                integration.connectedAt().toString(),
                JsonText.write(integration.settings()),
                JsonText.write(integration.accountAttributes()));
    }

    private static String revision(String connectedAt, String settingsJson, String accountAttributes) {
        return connectedAt + "\n" + settingsJson + "\n" + accountAttributes;
    }

    /** @return the ids of every connected connector */
    public List<String> connectorIds() {
        return jdbi.withHandle(
                handle -> handle.createQuery("SELECT connector_id FROM integrations ORDER BY connector_id")
                        .mapTo(String.class)
                        .list());
    }

    /**
     * Stores a new integration.
     *
     * @return false when the connector was connected already (nothing changed)
     */
    public boolean insert(StoredIntegration integration) {
        return jdbi.withHandle(handle -> insert(handle, integration));
    }

    private static boolean insert(org.jdbi.v3.core.Handle handle, StoredIntegration integration) {
        return handle.createUpdate(
                                "INSERT INTO integrations (connector_id, settings_json,"
                                        + " secrets_ciphertext, account_name, account_id, account_attributes, status, problem, connected_by,"
                                        + " connected_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (connector_id) DO NOTHING")
                        .bind(0, integration.connectorId())
                        .bind(1, JsonText.write(integration.settings()))
                        .bind(2, integration.secretsCiphertext())
                        .bind(3, integration.accountName())
                        .bind(4, integration.accountId())
                        .bind(5, JsonText.write(integration.accountAttributes()))
                        .bind(6, integration.status().name())
                        .bind(7, integration.problem())
                        .bind(8, integration.connectedBy())
                        .bind(9, integration.connectedAt().toString())
                        .execute()
                == 1;
    }

    /**
     * Stores the integration, replacing one that needs reconnection or attention.
     *
     * @return false when a working integration exists already (nothing changed)
     */
    public boolean replaceUnlessConnected(StoredIntegration integration) {
        return jdbi.inTransaction(handle -> {
            handle.createUpdate("DELETE FROM integrations WHERE connector_id = ? AND status <> ?")
                    .bind(0, integration.connectorId())
                    .bind(1, IntegrationStatus.CONNECTED.name())
                    .execute();
            return insert(handle, integration);
        });
    }

    /**
     * Flags the integration as needing an admin ({@link IntegrationStatus#NEEDS_RECONNECTION} or
     * {@link IntegrationStatus#NEEDS_ATTENTION}), with the reason admins see.
     */
    public void markNeedsAction(String connectorId, IntegrationStatus status, String problem) {
        if (status.isUsable() || !status.isStored()) {
            throw new IllegalArgumentException("Not a status that needs an admin: " + status);
        }
        jdbi.useHandle(
                handle -> handle.createUpdate("UPDATE integrations SET status = ?, problem = ? WHERE connector_id = ?")
                        .bind(0, status.name())
                        .bind(1, problem)
                        .bind(2, connectorId)
                        .execute());
    }

    /**
     * Replaces the non-secret settings and account attributes of an integration after they were verified
     * with the HR system, and marks it connected again. The encrypted secrets stay as they are.
     *
     * @return false when the integration is gone (removed meanwhile; nothing changed)
     */
    public boolean updateVerifiedSettings(
            String connectorId, Map<String, String> settings, Map<String, String> accountAttributes) {
        return jdbi.withHandle(handle -> handle.createUpdate("UPDATE integrations SET settings_json = ?,"
                                + " account_attributes = ?, status = ?, problem = NULL WHERE connector_id = ?")
                        .bind(0, JsonText.write(settings))
                        .bind(1, JsonText.write(accountAttributes))
                        .bind(2, IntegrationStatus.CONNECTED.name())
                        .bind(3, connectorId)
                        .execute())
                == 1;
    }

    /**
     * Deletes the integration and with it the encrypted secret. On SQLite secure delete overwrites the row,
     * and a checkpoint moves it out of the write-ahead log, so no copy stays in the files; on PostgreSQL a
     * vacuum of the table removes the dead row version from its pages (the server's WAL archive, if the
     * operator keeps one, is theirs to rotate).
     */
    public boolean delete(String connectorId) {
        boolean deleted =
                jdbi.withHandle(handle -> handle.createUpdate("DELETE FROM integrations WHERE connector_id = ?")
                                .bind(0, connectorId)
                                .execute())
                        == 1;
        if (dialect == SqlDialect.POSTGRESQL) {
            jdbi.useHandle(handle -> handle.execute("VACUUM integrations"));
        } else {
            jdbi.useHandle(handle -> handle.createQuery("PRAGMA wal_checkpoint(TRUNCATE)")
                    .mapToMap()
                    .list());
        }
        return deleted;
    }
}
