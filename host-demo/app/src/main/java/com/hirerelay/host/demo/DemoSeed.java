package com.hirerelay.host.demo;

import com.hirerelay.api.UserRole;
import com.hirerelay.host.auth.Passwords;
import com.hirerelay.host.candidates.CandidateRepository;
import com.hirerelay.host.storage.JsonText;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.PreparedBatch;

/**
 * The demo's first-start data: users of every role, jobs with pipelines ending in Hired, and candidates
 * across stages and statuses (hired ones with offers). Deterministic, so demos and tests see the same.
 */
public final class DemoSeed {

    /** A seeded user and the password it was given. */
    public record SeededUser(String email, String name, UserRole role, String password) {}

    private static final String[][] USERS = {
        {"admin@hirerelay.example", "Alice Admin", "ADMIN"},
        {"hiring.manager@hirerelay.example", "Hugo Hiring-Manager", "HIRING_MANAGER"},
        {"recruiter@hirerelay.example", "Rita Recruiter", "RECRUITER"},
        {"interviewer@hirerelay.example", "Ivan Interviewer", "INTERVIEWER"},
    };
    private static final String[][] JOBS = {
        {"Backend Engineer", "Engineering", "Barcelona"},
        {"Product Designer", "Design", "Remote (EU)"},
        {"Account Executive", "Sales", "Madrid"},
        {"People Partner", "People", "Barcelona"},
    };
    private static final String[] STAGES = {"Applied", "Screening", "Interview", "Offer", "Hired"};
    private static final String[][] NAMES = {
        {"Marta", "García"}, {"Jordi", "Puig"}, {"Aoife", "O'Brien"}, {"Léa", "Dubois"}, {"Søren", "Kierkegaard"},
        {"Yuki", "Tanaka"}, {"李", "娜"}, {"Fatima", "Al-Sayed"}, {"José", "Martínez"}, {"Chloé", "Lefèvre"},
        {"Nikolai", "Ivanov"}, {"Amara", "Okafor"}, {"Priya", "Raman"}, {"Lukas", "Müller"}, {"Sofía", "Núñez"},
        {"Ahmed", "Hassan"}, {"Emma", "Johansson"}, {"Mateo", "Rossi"}, {"Zoë", "van der Berg"}, {"Olivia", "Smith"},
        {"Noah", "Williams"}, {"Inés", "Ferreira"}, {"Tomás", "Hernández"}, {"Hana", "Kim"}, {"Kai", "Nakamura"},
        {"Elif", "Yılmaz"}, {"Pablo", "Sanz"}, {"Nora", "Lindqvist"}, {"Omar", "Benali"}, {"Clara", "Vidal"},
        {"דנה", "כהן"}, {"Ana-María", "de la Fuente"}, {"Liam", "Murphy"}, {"Mia", "Schneider"}, {"Hugo", "Blanc"},
        {"Carmen", "Ortega"},
    };

    /** The PostgreSQL advisory lock taken while seeding: any number unique to it. */
    private static final long SEED_LOCK = 0x4869_7265_5365_6564L;

    private DemoSeed() {}

    /**
     * Seeds an empty database; does nothing when users exist.
     *
     * @param passwords fixed passwords by role name; roles not named get a random password
     * @return the seeded users with their passwords, empty when the database was seeded before
     */
    public static List<SeededUser> seedIfEmpty(Jdbi jdbi, Map<String, String> passwords) {
        return jdbi.inTransaction(handle -> {
            if (onPostgresql(handle)) {
                // Several instances may start on a new database at once: one seeds, the others then find users.
                handle.execute("SELECT pg_advisory_xact_lock(" + SEED_LOCK + ")");
            }
            if (handle.createQuery("SELECT COUNT(*) FROM users")
                            .mapTo(Integer.class)
                            .one()
                    > 0) {
                return List.<SeededUser>of();
            }
            List<SeededUser> users = new ArrayList<>();
            for (String[] user : USERS) {
                users.add(new SeededUser(
                        user[0],
                        user[1],
                        UserRole.valueOf(user[2]),
                        passwords.getOrDefault(user[2], Passwords.randomPassword())));
            }
            // Hashing is slow on purpose (PBKDF2); hash the four at once on the available cores.
            List<String> hashes = users.parallelStream()
                    .map(user -> Passwords.hash(user.password()))
                    .toList();
            for (int i = 0; i < users.size(); i++) {
                SeededUser user = users.get(i);
                handle.createUpdate("INSERT INTO users (email, name, role, password_hash) VALUES (?, ?, ?, ?)")
                        .bind(0, user.email())
                        .bind(1, user.name())
                        .bind(2, user.role().name())
                        .bind(3, hashes.get(i))
                        .execute();
            }
            List<JobStages> stagesByJob = createJobs(handle);
            insertCandidates(handle, stagesByJob, NAMES.length, new Random(42), true);
            return users;
        });
    }

    /**
     * Adds generated candidates spread over the jobs and stages, for scale tests and benchmarks.
     *
     * @param count how many
     */
    public static void addGeneratedCandidates(Jdbi jdbi, int count, long seed) {
        jdbi.useTransaction(handle -> {
            List<JobStages> stagesByJob = new ArrayList<>();
            for (Long jobId : handle.createQuery("SELECT id FROM jobs ORDER BY id")
                    .mapTo(Long.class)
                    .list()) {
                stagesByJob.add(new JobStages(
                        jobId,
                        handle
                                .createQuery("SELECT id FROM stages WHERE job_id = ? ORDER BY position")
                                .bind(0, jobId)
                                .mapTo(Long.class)
                                .list()
                                .stream()
                                .mapToLong(Long::longValue)
                                .toArray()));
            }
            insertCandidates(handle, stagesByJob, count, new Random(seed), false);
        });
    }

    private static boolean onPostgresql(Handle handle) {
        try {
            return "PostgreSQL".equals(handle.getConnection().getMetaData().getDatabaseProductName());
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException("Cannot tell which database holds the demo data", e);
        }
    }

    private record JobStages(long jobId, long[] stages) {}

    private static List<JobStages> createJobs(Handle handle) {
        List<JobStages> stagesByJob = new ArrayList<>();
        for (String[] job : JOBS) {
            long jobId = handle.createUpdate("INSERT INTO jobs (name, department, location) VALUES (?, ?, ?)")
                    .bind(0, job[0])
                    .bind(1, job[1])
                    .bind(2, job[2])
                    .executeAndReturnGeneratedKeys("id")
                    .mapTo(Long.class)
                    .one();
            long[] stageIds = new long[STAGES.length];
            for (int i = 0; i < STAGES.length; i++) {
                stageIds[i] = handle.createUpdate(
                                "INSERT INTO stages (job_id, name, position, hired) VALUES (?, ?, ?, ?)")
                        .bind(0, jobId)
                        .bind(1, STAGES[i])
                        .bind(2, i + 1)
                        .bind(3, i == STAGES.length - 1 ? 1 : 0) // an INTEGER column in every dialect
                        .executeAndReturnGeneratedKeys("id")
                        .mapTo(Long.class)
                        .one();
            }
            stagesByJob.add(new JobStages(jobId, stageIds));
        }
        return stagesByJob;
    }

    private static void insertCandidates(
            Handle handle, List<JobStages> stagesByJob, int count, Random random, boolean demo) {
        PreparedBatch batch = handle.prepareBatch(
                "INSERT INTO candidates (first_name, last_name, email, phone, status, job_id,"
                        + " stage_id, hired_on, offer_job_title, offer_start_date, salary_amount, salary_currency, salary_period,"
                        + " birthday, nationality, address_line1, address_line2, postal_code, city, state, country, custom_fields,"
                        + " search_text, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
        LocalDate today = LocalDate.of(2026, 11, 2);
        for (int i = 0; i < count; i++) {
            String[] name = NAMES[i % NAMES.length];
            String first = name[0];
            String last = demo ? name[1] : name[1] + " " + (i + 1);
            String email = demo
                    ? ascii(first) + "." + ascii(name[1]) + "@example.com"
                    : ascii(first) + "." + ascii(name[1]) + "." + (i + 1) + "@example.com";
            int jobIndex = i % stagesByJob.size();
            long[] stages = stagesByJob.get(jobIndex).stages();
            // Every third demo candidate is hired, so each job's Hired column has people in it; the others
            // spread over the earlier stages of their job.
            int stageIndex = demo
                    ? (i % 3 == 0 ? stages.length - 1 : (i / stagesByJob.size()) % (stages.length - 1))
                    : random.nextInt(stages.length);
            boolean hired = stageIndex == stages.length - 1;
            String status = hired
                    ? "HIRED"
                    : (random.nextInt(10) == 0 ? "REJECTED" : random.nextInt(15) == 0 ? "WITHDRAWN" : "ACTIVE");
            String jobTitle = hired ? JOBS[jobIndex % JOBS.length][0] : null;
            Map<String, String> custom = new LinkedHashMap<>();
            custom.put(
                    "Source",
                    List.of("LinkedIn", "Referral", "Careers page", "Agency").get(i % 4));
            if (i % 5 == 0) {
                custom.put("T-shirt size", List.of("S", "M", "L").get(i % 3));
            }
            batch.add(
                    first,
                    last,
                    email,
                    "+34 6" + String.format("%08d", 10_000_000 + i * 7919 % 89_999_999),
                    status,
                    stagesByJob.get(jobIndex).jobId(),
                    stages[stageIndex],
                    hired ? today.minusDays(i % 20).toString() : null,
                    jobTitle,
                    hired
                            ? today.plusDays(14 + i % 30)
                                    .withDayOfMonth(1)
                                    .plusMonths(1)
                                    .toString()
                            : null,
                    hired ? Integer.toString(38_000 + (i * 1_000) % 40_000) : null,
                    hired ? "EUR" : null,
                    hired ? "YEARLY" : null,
                    LocalDate.of(1980 + i % 20, 1 + i % 12, 1 + i % 28).toString(),
                    List.of("ES", "FR", "IE", "DE", "JP", "PT").get(i % 6),
                    "Carrer de Mallorca " + (i + 1),
                    i % 4 == 0 ? "3º 2ª" : null,
                    String.format("080%02d", i % 40),
                    "Barcelona",
                    "Catalonia",
                    "ES",
                    JsonText.write(custom),
                    CandidateRepository.searchText(first, last, email),
                    Instant.parse("2026-10-01T09:00:00Z").plusSeconds(i * 3600L).toString());
            if (batch.size() >= 1_000) {
                batch.execute();
            }
        }
        if (batch.size() > 0) {
            batch.execute();
        }
    }

    /** @return a lower-case ASCII form of a name for e-mail local parts, or "candidate" for non-Latin names */
    static String ascii(String name) {
        String plain = java.text.Normalizer.normalize(name, java.text.Normalizer.Form.NFD)
                .replaceAll("\\p{M}", "")
                .toLowerCase(java.util.Locale.ROOT)
                .replaceAll("[^a-z0-9]+", "");
        return plain.isEmpty() ? "candidate" + Math.abs(name.hashCode() % 1000) : plain;
    }
}
