package com.hirerelay.host.documents;

import com.hirerelay.api.hris.DocumentKind;
import com.hirerelay.host.storage.UniqueViolations;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.UnableToExecuteStatementException;

/** The candidates' documents, bytes included, in the host's database. */
public final class DocumentRepository {

    private static final String COLUMNS =
            "id, candidate_id, file_name, media_type, kind, size_bytes, sha256, uploaded_by_name, uploaded_at";

    private final Jdbi jdbi;

    public DocumentRepository(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    /**
     * @return the new document, or empty when the candidate already has a document with these bytes
     */
    Optional<StoredDocument> insert(
            long candidateId,
            String fileName,
            DocumentType type,
            DocumentKind kind,
            byte[] content,
            String sha256,
            long userId,
            String userName,
            Instant now) {
        try {
            long id = jdbi.withHandle(handle -> handle.createUpdate("INSERT INTO candidate_documents (candidate_id,"
                            + " file_name, media_type, kind, size_bytes, sha256, content, uploaded_by_id,"
                            + " uploaded_by_name, uploaded_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                    .bind(0, candidateId)
                    .bind(1, fileName)
                    .bind(2, type.mediaType())
                    .bind(3, kind.name())
                    .bind(4, (long) content.length)
                    .bind(5, sha256)
                    .bind(6, content)
                    .bind(7, userId)
                    .bind(8, userName)
                    .bind(9, now.toString())
                    .executeAndReturnGeneratedKeys("id")
                    .mapTo(Long.class)
                    .one());
            return find(candidateId, id);
        } catch (UnableToExecuteStatementException e) {
            if (UniqueViolations.isCause(e)) {
                return Optional.empty();
            }
            throw e;
        }
    }

    /** @return the candidate's document with these bytes */
    Optional<StoredDocument> withChecksum(long candidateId, String sha256) {
        return jdbi.withHandle(handle -> handle.createQuery(
                        "SELECT " + COLUMNS + " FROM candidate_documents WHERE candidate_id = ? AND sha256 = ?")
                .bind(0, candidateId)
                .bind(1, sha256)
                .map((rs, ctx) -> row(rs))
                .findOne());
    }

    /** @return the candidate's documents, oldest first */
    public List<StoredDocument> list(long candidateId) {
        return jdbi.withHandle(handle -> handle.createQuery(
                        "SELECT " + COLUMNS + " FROM candidate_documents WHERE candidate_id = ? ORDER BY id")
                .bind(0, candidateId)
                .map((rs, ctx) -> row(rs))
                .list());
    }

    /** @return the document, when it belongs to this candidate */
    public Optional<StoredDocument> find(long candidateId, long documentId) {
        return jdbi.withHandle(handle -> handle.createQuery(
                        "SELECT " + COLUMNS + " FROM candidate_documents WHERE candidate_id = ? AND id = ?")
                .bind(0, candidateId)
                .bind(1, documentId)
                .map((rs, ctx) -> row(rs))
                .findOne());
    }

    /** @return the document's bytes, read when asked: an export reads each document as it sends it */
    public Optional<byte[]> content(long documentId) {
        return jdbi.withHandle(handle -> handle.createQuery("SELECT content FROM candidate_documents WHERE id = ?")
                .bind(0, documentId)
                .mapTo(byte[].class)
                .findOne());
    }

    private static StoredDocument row(ResultSet rs) throws SQLException {
        return new StoredDocument(
                rs.getLong("id"),
                rs.getLong("candidate_id"),
                rs.getString("file_name"),
                rs.getString("media_type"),
                DocumentKind.valueOf(rs.getString("kind")),
                rs.getLong("size_bytes"),
                rs.getString("sha256"),
                rs.getString("uploaded_by_name"),
                Instant.parse(rs.getString("uploaded_at")));
    }
}
