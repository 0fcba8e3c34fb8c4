package com.hirerelay.host.candidates;

import com.hirerelay.api.candidate.Candidate;
import com.hirerelay.api.candidate.CandidateStatus;
import com.hirerelay.host.storage.InList;
import com.hirerelay.host.storage.JsonText;
import com.hirerelay.host.storage.SqlDialect;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.LongSupplier;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.Query;

/**
 * Candidates in the database: the filtered, paginated list (every filter a bound parameter), one candidate,
 * and the pipeline columns of a job. The same SQL on every dialect but for the substring search, which uses
 * SQLite's FTS5 trigram table or, on PostgreSQL, a LIKE that the pg_trgm index serves.
 */
public final class CandidateRepository implements CandidateLookup {

    static final String SELECT = "SELECT c.*, j.name AS job_name, s.name AS stage_name FROM candidates c"
            + " LEFT JOIN jobs j ON j.id = c.job_id LEFT JOIN stages s ON s.id = c.stage_id";

    private final Jdbi jdbi;
    private final SqlDialect dialect;

    public CandidateRepository(Jdbi jdbi, SqlDialect dialect) {
        this.jdbi = jdbi;
        this.dialect = dialect;
    }

    /** @return the page of candidates matching the filter, newest id first */
    public CandidatePage list(CandidateFilter filter) {
        List<String> where = new ArrayList<>();
        List<Object> args = new ArrayList<>();
        if (filter.status() != null) {
            where.add("c.status = ?");
            args.add(filter.status().name());
        }
        if (filter.jobId() != null) {
            where.add("c.job_id = ?");
            args.add(filter.jobId());
        }
        if (filter.stageId() != null) {
            where.add("c.stage_id = ?");
            args.add(filter.stageId());
        }
        String ftsPhrase = null;
        if (filter.query() != null) {
            String query = filter.query().toLowerCase(Locale.ROOT);
            if (dialect == SqlDialect.SQLITE && query.codePointCount(0, query.length()) >= 3) {
                // The trigram index finds the rows containing the text as a phrase: a substring match,
                // like the LIKE below, without reading every candidate.
                ftsPhrase = '"' + query.replace("\"", "\"\"") + '"';
                where.add("c.id IN (SELECT rowid FROM candidate_search WHERE candidate_search MATCH ?)");
                args.add(ftsPhrase);
            } else {
                // On PostgreSQL the trigram GIN index serves this LIKE for three characters or more.
                where.add("c.search_text LIKE ? ESCAPE '\\'");
                args.add("%" + likeEscaped(query) + "%");
            }
        }
        if (ftsPhrase != null && where.size() == 1) {
            return searchOnly(ftsPhrase, filter);
        }
        String condition = where.isEmpty() ? "" : " WHERE " + String.join(" AND ", where);
        return jdbi.withHandle(handle -> {
            // The page's ids first, from the filter's index alone, then only those rows with their job and stage:
            // joining before OFFSET read every skipped row (500,000 candidates: a deep page read 50,000 rows).
            Query page = handle.createQuery(SELECT + " WHERE c.id IN (SELECT c.id FROM candidates c" + condition
                    + " ORDER BY c.id DESC LIMIT ? OFFSET ?) ORDER BY c.id DESC");
            InList.bind(page, 0, args);
            page.bind(args.size(), filter.pageSize())
                    .bind(args.size() + 1, (long) (filter.page() - 1) * filter.pageSize());
            return withTotal(
                    filter,
                    page.map((rs, ctx) -> read(rs)).list(),
                    () -> filter.query() == null && isIdOrAbsent(filter.jobId()) && isIdOrAbsent(filter.stageId())
                            ? countedTotal(handle, filter)
                            : countedRows(handle, condition, args));
        });
    }

    /**
     * The page with how many match in all. A page that is not full ends the list, so its offset plus its rows is
     * the total and nothing is counted: a search for one e-mail address reads the index once instead of twice.
     */
    private static CandidatePage withTotal(CandidateFilter filter, List<StoredCandidate> items, LongSupplier count) {
        long offset = (long) (filter.page() - 1) * filter.pageSize();
        boolean endsHere = items.size() < filter.pageSize() && (!items.isEmpty() || offset == 0);
        long total = endsHere ? offset + items.size() : count.getAsLong();
        return new CandidatePage(items, filter.page(), filter.pageSize(), total);
    }

    private static long countedRows(Handle handle, String condition, List<Object> args) {
        Query count = handle.createQuery("SELECT COUNT(*) FROM candidates c" + condition);
        InList.bind(count, 0, args);
        return count.mapTo(Long.class).one();
    }

    /**
     * The total of a list without a search, summed from {@code candidate_counts} (V46: a row per job, stage and
     * status, kept exact by triggers): a few rows instead of every match (500,000 candidates, status HIRED:
     * 99,828 index entries).
     */
    private static long countedTotal(Handle handle, CandidateFilter filter) {
        List<String> where = new ArrayList<>();
        List<Object> args = new ArrayList<>();
        if (filter.status() != null) {
            where.add("status = ?");
            args.add(filter.status().name());
        }
        if (filter.jobId() != null) {
            where.add("job_key = ?");
            args.add(filter.jobId());
        }
        if (filter.stageId() != null) {
            where.add("stage_key = ?");
            args.add(filter.stageId());
        }
        Query count = handle.createQuery("SELECT CAST(COALESCE(SUM(n), 0) AS BIGINT) FROM candidate_counts"
                + (where.isEmpty() ? "" : " WHERE " + String.join(" AND ", where)));
        InList.bind(count, 0, args);
        return count.mapTo(Long.class).one();
    }

    /** Ids start at 1; key 0 in {@code candidate_counts} stands for "none", which a filter never asks for. */
    private static boolean isIdOrAbsent(Long id) {
        return id == null || id > 0;
    }

    /**
     * A search with no other filter, answered from the trigram index alone: its rowids are the candidates' ids
     * (its triggers keep it in step), so the count and the page's ids need no candidate row. Going through
     * {@code candidates} looked up every match by id for the count and again to order the page: with 500,000
     * candidates {@code q=müller} (13,889 matches) took 72 + 19 ms in SQLite's shell, against 1 + 1 ms here.
     */
    private CandidatePage searchOnly(String ftsPhrase, CandidateFilter filter) {
        return jdbi.withHandle(handle -> {
            // FTS5 walks its matches in descending rowid order itself, so LIMIT stops it after the page.
            Query page = handle.createQuery(
                            SELECT + " WHERE c.id IN (SELECT rowid FROM candidate_search"
                                    + " WHERE candidate_search MATCH ? ORDER BY rowid DESC LIMIT ? OFFSET ?) ORDER BY c.id DESC")
                    .bind(0, ftsPhrase)
                    .bind(1, filter.pageSize())
                    .bind(2, (long) (filter.page() - 1) * filter.pageSize());
            return withTotal(
                    filter,
                    page.map((rs, ctx) -> read(rs)).list(),
                    () -> handle.createQuery("SELECT COUNT(*) FROM candidate_search WHERE candidate_search MATCH ?")
                            .bind(0, ftsPhrase)
                            .mapTo(Long.class)
                            .one());
        });
    }

    /** @return the candidate, or empty */
    public Optional<StoredCandidate> find(long id) {
        return jdbi.withHandle(handle -> handle.createQuery(SELECT + " WHERE c.id = ?")
                .bind(0, id)
                .map((rs, ctx) -> read(rs))
                .findOne());
    }

    /**
     * The cards of several pipeline columns in one statement: per stage, its newest {@code limit} ids (each a
     * seek on {@code candidates_by_stage}), then only those rows with their job and stage.
     *
     * @return stage id to up to {@code limit} of its candidates, newest first; stages with none are absent
     */
    public Map<Long, List<StoredCandidate>> inStages(List<Long> stageIds, int limit) {
        Map<Long, List<StoredCandidate>> byStage = new LinkedHashMap<>();
        if (stageIds.isEmpty()) {
            return byStage;
        }
        List<String> newest = new ArrayList<>();
        for (int i = 0; i < stageIds.size(); i++) {
            // SQLite and PostgreSQL take ORDER BY and LIMIT in a UNION's part only inside a subquery
            newest.add(
                    "SELECT id FROM (SELECT id FROM candidates WHERE stage_id = ? ORDER BY id DESC LIMIT ?) AS p" + i);
        }
        jdbi.useHandle(handle -> {
            Query query = handle.createQuery(
                    SELECT + " WHERE c.id IN (" + String.join(" UNION ALL ", newest) + ") ORDER BY c.id DESC");
            int i = 0;
            for (Long stageId : stageIds) {
                query.bind(i++, stageId).bind(i++, limit);
            }
            query.map((rs, ctx) -> read(rs))
                    .forEach(candidate -> byStage.computeIfAbsent(candidate.stageId(), id -> new ArrayList<>())
                            .add(candidate));
        });
        return byStage;
    }

    /**
     * @return stage id to how many candidates are in it, from {@code candidate_counts} (see {@link #list});
     *     stages with none are absent
     */
    public Map<Long, Long> countsInStages(List<Long> stageIds) {
        Map<Long, Long> counts = new LinkedHashMap<>();
        if (stageIds.isEmpty()) {
            return counts;
        }
        jdbi.useHandle(handle -> {
            Query query = handle.createQuery("SELECT stage_key, CAST(SUM(n) AS BIGINT) AS n FROM candidate_counts"
                    + " WHERE stage_key IN (" + InList.marks(stageIds.size()) + ") GROUP BY stage_key");
            InList.bind(query, 0, stageIds);
            query.map((rs, ctx) -> Map.entry(rs.getLong("stage_key"), rs.getLong("n")))
                    .forEach(entry -> counts.put(entry.getKey(), entry.getValue()));
        });
        return counts;
    }

    /**
     * A stage a candidate may move to. Jobs own their stages ({@code jobs.Job.Stage}); this is the part a
     * move needs, so that candidates do not depend on jobs (the pipeline, in jobs, shows candidates).
     *
     * @param id the stage's id
     * @param hired whether reaching it means the candidate is hired
     */
    public record TargetStage(long id, boolean hired) {}

    /** @return the stage if it belongs to the job */
    public Optional<TargetStage> stageOfJob(long jobId, long stageId) {
        return jdbi.withHandle(handle -> handle.createQuery("SELECT id, hired FROM stages WHERE id = ? AND job_id = ?")
                .bind(0, stageId)
                .bind(1, jobId)
                .map((rs, ctx) -> new TargetStage(rs.getLong("id"), rs.getInt("hired") != 0))
                .findOne());
    }

    @Override
    public Optional<Candidate> findForExport(long candidateId) {
        return find(candidateId).map(StoredCandidate::toApiCandidate);
    }

    /**
     * Moves a candidate to a stage of its job; the Hired stage makes the candidate {@code HIRED} and
     * records the day.
     */
    public void moveToStage(long candidateId, long stageId, boolean hiredStage, String today) {
        jdbi.useHandle(handle -> handle.createUpdate("UPDATE candidates SET stage_id = ?,"
                        + " status = CASE WHEN ? THEN 'HIRED' ELSE (CASE WHEN status = 'HIRED' THEN 'ACTIVE' ELSE status END) END,"
                        + " hired_on = CASE WHEN ? THEN COALESCE(hired_on, ?) ELSE hired_on END WHERE id = ?")
                .bind(0, stageId)
                .bind(1, hiredStage)
                .bind(2, hiredStage)
                .bind(3, today)
                .bind(4, candidateId)
                .execute());
    }

    /** Updates the contact fields a recruiter may correct before exporting. */
    public void updateContact(long candidateId, String firstName, String lastName, String email, String phone) {
        jdbi.useHandle(handle -> handle.createUpdate("UPDATE candidates SET first_name = ?, last_name = ?, email = ?,"
                        + " phone = ?, search_text = ? WHERE id = ?")
                .bind(0, firstName)
                .bind(1, lastName)
                .bind(2, email)
                .bind(3, phone)
                .bind(4, searchText(firstName, lastName, email))
                .bind(5, candidateId)
                .execute());
    }

    /** Updates the offer's title, start date, salary amount, currency and pay period. */
    public void updateOffer(
            long candidateId,
            String jobTitle,
            String startDate,
            String salaryAmount,
            String salaryCurrency,
            String salaryPeriod) {
        jdbi.useHandle(handle -> handle.createUpdate("UPDATE candidates SET offer_job_title = ?, offer_start_date = ?,"
                        + " salary_amount = ?, salary_currency = ?, salary_period = ? WHERE id = ?")
                .bind(0, jobTitle)
                .bind(1, startDate)
                .bind(2, salaryAmount)
                .bind(3, salaryCurrency)
                .bind(4, salaryPeriod)
                .bind(5, candidateId)
                .execute());
    }

    /** @return the lower-cased text that search matches */
    public static String searchText(String firstName, String lastName, String email) {
        return (firstName + " " + lastName + " " + (email == null ? "" : email)).toLowerCase(Locale.ROOT);
    }

    static String likeEscaped(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }

    static StoredCandidate read(ResultSet rs) throws SQLException {
        return new StoredCandidate(
                rs.getLong("id"),
                rs.getString("first_name"),
                rs.getString("last_name"),
                rs.getString("email"),
                rs.getString("phone"),
                CandidateStatus.valueOf(rs.getString("status")),
                nullableLong(rs, "job_id"),
                rs.getString("job_name"),
                nullableLong(rs, "stage_id"),
                rs.getString("stage_name"),
                rs.getString("hired_on"),
                rs.getString("offer_job_title"),
                rs.getString("offer_start_date"),
                rs.getString("salary_amount"),
                rs.getString("salary_currency"),
                rs.getString("salary_period"),
                rs.getString("birthday"),
                rs.getString("nationality"),
                rs.getString("address_line1"),
                rs.getString("address_line2"),
                rs.getString("postal_code"),
                rs.getString("city"),
                rs.getString("state"),
                rs.getString("country"),
                JsonText.readMap(rs.getString("custom_fields")));
    }

    private static Long nullableLong(ResultSet rs, String column) throws SQLException {
        long value = rs.getLong(column);
        return rs.wasNull() ? null : value;
    }
}
