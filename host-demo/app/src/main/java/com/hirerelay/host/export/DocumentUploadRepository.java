package com.hirerelay.host.export;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;

/**
 * Which document reached which employee: one row per connector, employee and checksum, claimed as
 * {@link DocumentUploadState#PENDING} before the plugin is called, so the same bytes are never sent to an
 * employee twice, even by two exports at once.
 */
public final class DocumentUploadRepository {

    /** A send still pending after this long was cut off (a stopped host): it may be claimed again. */
    static final Duration ABANDONED_AFTER = Duration.ofMinutes(10);

    private final Jdbi jdbi;

    public DocumentUploadRepository(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    /** One document's standing with one employee. */
    public record Upload(
            long documentId,
            String employeeId,
            String sha256,
            DocumentUploadState state,
            String remoteId,
            String error,
            int attempts,
            Instant updatedAt) {}

    /**
     * Claims the send of a document to an employee: a new row, or a failed or abandoned one taken over.
     *
     * @param takeOverPending whether a pending send is taken over however recent: the host lost track of it
     *     (it stopped while the send ran), and the connector looks before it uploads
     * @return true when this caller may send it; false when it was uploaded already or another send runs
     */
    boolean claim(
            long documentId,
            long candidateId,
            String connectorId,
            String employeeId,
            String sha256,
            boolean takeOverPending,
            Instant now) {
        return jdbi.withHandle(handle -> handle.createUpdate("INSERT INTO document_uploads (document_id, candidate_id,"
                                + " connector_id, employee_id, sha256, state, attempts, updated_at)"
                                + " VALUES (?, ?, ?, ?, ?, 'PENDING', 1, ?)"
                                + " ON CONFLICT (connector_id, employee_id, sha256) DO UPDATE SET state = 'PENDING',"
                                + " document_id = excluded.document_id, attempts = document_uploads.attempts + 1,"
                                + " error = NULL, updated_at = excluded.updated_at"
                                + " WHERE document_uploads.state = 'FAILED'"
                                + " OR (document_uploads.state = 'PENDING' AND document_uploads.updated_at < ?)")
                        .bind(0, documentId)
                        .bind(1, candidateId)
                        .bind(2, connectorId)
                        .bind(3, employeeId)
                        .bind(4, sha256)
                        .bind(5, now.toString())
                        .bind(6, (takeOverPending ? now.plusSeconds(1) : now.minus(ABANDONED_AFTER)).toString())
                        .execute())
                == 1;
    }

    /** Settles a claimed send. */
    void settle(
            String connectorId,
            String employeeId,
            String sha256,
            DocumentUploadState state,
            String remoteId,
            String error,
            Instant now) {
        jdbi.useHandle(handle -> handle.createUpdate("UPDATE document_uploads SET state = ?, remote_id = ?, error = ?,"
                        + " updated_at = ? WHERE connector_id = ? AND employee_id = ? AND sha256 = ?")
                .bind(0, state.name())
                .bind(1, remoteId)
                .bind(2, error)
                .bind(3, now.toString())
                .bind(4, connectorId)
                .bind(5, employeeId)
                .bind(6, sha256)
                .execute());
    }

    /** @return the standing of these bytes with this employee, when they were ever sent */
    Optional<Upload> find(String connectorId, String employeeId, String sha256) {
        return jdbi.withHandle(handle -> handle.createQuery(
                        "SELECT * FROM document_uploads WHERE connector_id = ?" + " AND employee_id = ? AND sha256 = ?")
                .bind(0, connectorId)
                .bind(1, employeeId)
                .bind(2, sha256)
                .map((rs, ctx) -> row(rs))
                .findOne());
    }

    /** @return what was sent for the candidate's documents with this connector, to any employee */
    List<Upload> forCandidate(long candidateId, String connectorId) {
        return jdbi.withHandle(handle -> handle.createQuery(
                        "SELECT * FROM document_uploads WHERE candidate_id = ? AND connector_id = ? ORDER BY id")
                .bind(0, candidateId)
                .bind(1, connectorId)
                .map((rs, ctx) -> row(rs))
                .list());
    }

    private static Upload row(java.sql.ResultSet rs) throws java.sql.SQLException {
        return new Upload(
                rs.getLong("document_id"),
                rs.getString("employee_id"),
                rs.getString("sha256"),
                DocumentUploadState.valueOf(rs.getString("state")),
                rs.getString("remote_id"),
                rs.getString("error"),
                rs.getInt("attempts"),
                Instant.parse(rs.getString("updated_at")));
    }
}
