package com.hirerelay.host.jobs;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;

/**
 * Jobs and their pipeline stages.
 */
public final class JobRepository {

    private final Jdbi jdbi;

    public JobRepository(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    /**
     * A job in the jobs list, with its counts.
     */
    public record JobSummary(
            long id, String name, String department, String location, long candidateCount, long hiredCount) {}

    /** @return every job with candidate and hire counts, by name */
    public List<JobSummary> list() {
        return jdbi.withHandle(handle -> handle.createQuery("SELECT j.id, j.name, j.department, j.location,"
                        + " (SELECT COUNT(*) FROM candidates c WHERE c.job_id = j.id) AS candidate_count,"
                        + " (SELECT COUNT(*) FROM candidates c WHERE c.job_id = j.id AND c.status = 'HIRED') AS hired_count"
                        + " FROM jobs j ORDER BY j.name, j.id")
                .map((rs, ctx) -> new JobSummary(
                        rs.getLong("id"),
                        rs.getString("name"),
                        rs.getString("department"),
                        rs.getString("location"),
                        rs.getLong("candidate_count"),
                        rs.getLong("hired_count")))
                .list());
    }

    /** @return the job with its stages, or empty */
    public Optional<Job> find(long id) {
        return jdbi.withHandle(handle -> {
            Map<String, Object> row = handle.createQuery("SELECT id, name, department, location FROM jobs WHERE id = ?")
                    .bind(0, id)
                    .mapToMap()
                    .findOne()
                    .orElse(null);
            if (row == null) {
                return Optional.empty();
            }
            List<Job.Stage> stages = handle.createQuery(
                            "SELECT id, name, position, hired FROM stages WHERE job_id = ?" + " ORDER BY position")
                    .bind(0, id)
                    .map((rs, ctx) -> new Job.Stage(
                            rs.getLong("id"), rs.getString("name"), rs.getInt("position"), rs.getInt("hired") != 0))
                    .list();
            return Optional.of(new Job(
                    id,
                    (String) row.get("name"),
                    (String) row.get("department"),
                    (String) row.get("location"),
                    stages));
        });
    }

    /** @return stage id to stage, for every job (small: a few per job) */
    public Map<Long, Job.Stage> allStages() {
        Map<Long, Job.Stage> stages = new LinkedHashMap<>();
        jdbi.useHandle(handle -> handle.createQuery(
                        "SELECT id, name, position, hired FROM stages ORDER BY job_id, position")
                .map((rs, ctx) -> new Job.Stage(
                        rs.getLong("id"), rs.getString("name"), rs.getInt("position"), rs.getInt("hired") != 0))
                .forEach(stage -> stages.put(stage.id(), stage)));
        return stages;
    }
}
