package com.hirerelay.host.export;

import com.hirerelay.api.HrisException;
import com.hirerelay.api.candidate.Candidate;
import com.hirerelay.host.auth.User;
import com.hirerelay.host.candidates.CandidateLookup;
import com.hirerelay.host.errors.ApiError;
import com.hirerelay.host.errors.HostException;
import com.hirerelay.host.errors.RequestRefusedException;
import com.hirerelay.host.errors.RequestRefusedException.Reason;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Exports many hired candidates with their default drafts, a few at a time, and reports progress. Each
 * candidate goes through {@link ExportService#export}, so bulk and single exports of the same candidate
 * never both create an employee. The connector paces itself to the HR system's rate limit.
 */
public final class BulkExportService implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(BulkExportService.class);
    /** The most candidates a bulk export may name. */
    public static final int MAX_CANDIDATES = 5_000;

    private final ExportService exports;
    private final CandidateLookup candidates;
    private final ExecutorService workers;
    private final Semaphore concurrency;
    private final Map<String, Bulk> bulks = new ConcurrentHashMap<>();

    public BulkExportService(ExportService exports, CandidateLookup candidates, int concurrency) {
        this.exports = exports;
        this.candidates = candidates;
        this.concurrency = new Semaphore(concurrency);
        this.workers = Executors.newCachedThreadPool(task -> {
            Thread thread = new Thread(task, "bulk-export");
            thread.setDaemon(true);
            return thread;
        });
    }

    /** One candidate's line in a bulk export. */
    public record Result(
            long candidateId, String candidateName, String state, String message, String employeeId, String link) {}

    /** A bulk export's progress. */
    public record BulkExport(
            String id,
            String connectorId,
            int total,
            int done,
            int succeeded,
            int failed,
            boolean finished,
            List<Result> results) {}

    /**
     * Starts a bulk export and returns at once.
     *
     * @throws RequestRefusedException when the list is empty or too long
     */
    public BulkExport start(String connectorId, List<Long> candidateIds, User user) {
        if (candidateIds == null || candidateIds.isEmpty()) {
            throw new RequestRefusedException(Reason.BAD_REQUEST, "Select at least one candidate.");
        }
        List<Long> distinct = candidateIds.stream().distinct().toList();
        if (distinct.size() > MAX_CANDIDATES) {
            throw new RequestRefusedException(
                    Reason.BAD_REQUEST, "A bulk export takes at most " + MAX_CANDIDATES + " candidates.");
        }
        if (!user.role().mayExport()) {
            throw new com.hirerelay.host.auth.AccessDeniedException(
                    "Only admins, hiring managers and recruiters can export candidates.");
        }
        exports.requireUsable(connectorId);
        Bulk bulk = new Bulk(UUID.randomUUID().toString(), connectorId, user.id());
        for (Long id : distinct) {
            String name = candidates.findForExport(id).map(Candidate::fullName).orElse("Candidate " + id);
            bulk.results.put(id, new Result(id, name, "PENDING", null, null, null));
        }
        bulks.put(bulk.id, bulk);
        LOG.info(
                "Bulk export {} of {} candidates with {} started by user {}",
                bulk.id,
                distinct.size(),
                connectorId,
                user.id());
        for (Long id : distinct) {
            workers.submit(() -> exportOne(bulk, id, user));
        }
        return bulk.view();
    }

    /** @return the bulk export's progress, for the user who started it (or an admin) */
    public BulkExport progress(String bulkId, User user) {
        Bulk bulk = bulks.get(bulkId);
        if (bulk == null || (bulk.userId != user.id() && !user.role().mayManageIntegrations())) {
            throw new RequestRefusedException(Reason.NOT_FOUND, "There is no such bulk export.");
        }
        return bulk.view();
    }

    private void exportOne(Bulk bulk, long candidateId, User user) {
        try {
            concurrency.acquire();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
        }
        try {
            bulk.update(candidateId, "RUNNING", null, null, null);
            ExportViews.Outcome outcome = exports.export(candidateId, bulk.connectorId, Map.of(), user);
            bulk.update(
                    candidateId,
                    outcome.outcome(),
                    outcome.warnings().isEmpty()
                            ? null
                            : outcome.warnings().get(0).get("message"),
                    outcome.employeeId(),
                    outcome.link());
        } catch (HrisException failure) {
            var error = ApiError.of(failure);
            String fields = error.fieldErrors().isEmpty()
                    ? ""
                    : " ("
                            + String.join(
                                    "; ",
                                    error.fieldErrors().stream()
                                            .map(field -> field.field() + ": " + field.message())
                                            .toList())
                            + ")";
            bulk.update(candidateId, "FAILED", error.message() + fields, null, null);
        } catch (HostException failure) {
            String fields = failure instanceof RequestRefusedException refused
                            && !refused.fieldErrors().isEmpty()
                    ? " ("
                            + String.join(
                                    "; ",
                                    refused.fieldErrors().stream()
                                            .map(f -> f.field() + ": " + f.message())
                                            .toList())
                            + ")"
                    : "";
            bulk.update(candidateId, "FAILED", failure.getMessage() + fields, null, null);
        } catch (RuntimeException failure) {
            LOG.error("Bulk export {} failed for candidate {}", bulk.id, candidateId, failure);
            bulk.update(candidateId, "FAILED", "Unexpected failure; it has been logged.", null, null);
        } finally {
            concurrency.release();
        }
    }

    @Override
    public void close() {
        workers.shutdownNow();
    }

    private static final class Bulk {
        private final String id;
        private final String connectorId;
        private final long userId;
        private final Map<Long, Result> results = new LinkedHashMap<>();

        Bulk(String id, String connectorId, long userId) {
            this.id = id;
            this.connectorId = connectorId;
            this.userId = userId;
        }

        synchronized void update(long candidateId, String state, String message, String employeeId, String link) {
            Result old = results.get(candidateId);
            results.put(candidateId, new Result(candidateId, old.candidateName(), state, message, employeeId, link));
        }

        synchronized BulkExport view() {
            List<Result> list = new ArrayList<>(results.values());
            int succeeded = (int) list.stream()
                    .filter(r -> r.state().equals("CREATED") || r.state().equals("ALREADY_EXISTS"))
                    .count();
            int failed =
                    (int) list.stream().filter(r -> r.state().equals("FAILED")).count();
            return new BulkExport(
                    id,
                    connectorId,
                    list.size(),
                    succeeded + failed,
                    succeeded,
                    failed,
                    succeeded + failed == list.size(),
                    list);
        }
    }
}
