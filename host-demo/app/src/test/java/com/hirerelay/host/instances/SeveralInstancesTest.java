package com.hirerelay.host.instances;

import static com.hirerelay.api.UserRole.ADMIN;
import static com.hirerelay.api.UserRole.HIRING_MANAGER;
import static com.hirerelay.api.UserRole.RECRUITER;
import static com.hirerelay.host.testing.ExportRecords.createsSent;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.hirerelay.host.auth.SessionStore;
import com.hirerelay.host.demo.DemoSeed;
import com.hirerelay.host.testing.ApiClient;
import com.hirerelay.host.testing.HostProcess;
import com.hirerelay.host.testing.RunningHostExtension;
import com.hirerelay.host.testing.TestPostgres;
import com.hirerelay.sandbox.Fault;
import com.hirerelay.sandbox.SandboxConfig;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Three host processes on one PostgreSQL database and one Factorial sandbox that enforces Factorial's 200 POSTs a
 * minute per key, as behind a load balancer: a session opened on one is valid on all, and one signed out on one
 * is refused on the others within {@link SessionStore#REVALIDATE_AFTER}; concurrent exports of the
 * same candidates sent to all three create each employee once, with exactly one CREATED attempt per candidate (the
 * instance that did not export answers with the one that did); a bulk export's progress is the same on every
 * instance, and one user's bulk exports are counted over all of them; and a bulk of several hundred hires split
 * over the three stays within the shared budget without a 429 reaching anyone. Runs in the build's PostgreSQL test
 * run ({@link TestPostgres#selected()}); the bulk at the limit, last, takes about four minutes.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SeveralInstancesTest {

    private static final int POSTS_PER_MINUTE = 200;
    private static final int BULK_HIRES = 300;

    // Latency widens the window in which the exports overlap.
    @RegisterExtension
    static final RunningHostExtension host = RunningHostExtension.perClass()
            .sandbox(SandboxConfig.defaults()
                    .withLatency(Duration.ofMillis(150))
                    .withPostLimitPerMinute(POSTS_PER_MINUTE))
            .connected();

    private final List<HostProcess> instances = new ArrayList<>();
    // Generated hires no other test exports, for the bulk exports.
    private final List<Long> freshHires = new ArrayList<>();
    private final Map<Long, String> emails = new HashMap<>();

    @BeforeAll
    void startThreeInstances() {
        assumeTrue(TestPostgres.selected(), "several instances need the PostgreSQL store");
        // About one generated candidate in five is hired.
        DemoSeed.addGeneratedCandidates(host.jdbi(), 2_000, 17);
        host.jdbi()
                .useHandle(handle -> handle.createQuery("SELECT id, email FROM candidates WHERE status = 'HIRED'"
                                + " AND email LIKE '%.%.%@example.com' ORDER BY id")
                        .map((rs, ctx) -> Map.entry(rs.getLong("id"), rs.getString("email")))
                        .forEach(hire -> {
                            freshHires.add(hire.getKey());
                            emails.put(hire.getKey(), hire.getValue().toLowerCase(Locale.ROOT));
                        }));
        // Taken from the lowest ids; the candidate list (newest first) gives the concurrent exports the highest.
        assertThat(freshHires).as("generated hires").hasSizeGreaterThan(BULK_HIRES + 5 + 6);
        host.stopHost();
        for (int i = 0; i < 3; i++) {
            // One data folder (its master key) and one plugins folder for all: what the README asks of each instance.
            instances.add(host.launchProcess());
        }
    }

    @AfterAll
    void stopInstances() {
        instances.forEach(HostProcess::close);
    }

    @Test
    @Order(1)
    void aUserSignedInOnOneInstanceIsSignedInOnAll() {
        ApiClient recruiter = instances.get(0).signIn(RECRUITER);
        for (HostProcess other : instances.subList(1, 3)) {
            ApiClient elsewhere = recruiter.sameSessionAt(other.baseUri());
            assertThat(elsewhere.get("/api/candidates?page=1&pageSize=1").status())
                    .as("the session cookie of instance 1 at " + other.baseUri())
                    .isEqualTo(200);
        }
    }

    @Test
    @Order(1)
    void aSessionEndedOnOneInstanceIsRefusedOnTheOthersWithinTheRevalidationBound() throws InterruptedException {
        ApiClient recruiter = instances.get(0).signIn(RECRUITER);
        List<ApiClient> elsewhere = new ArrayList<>();
        for (HostProcess other : instances.subList(1, 3)) {
            ApiClient there = recruiter.sameSessionAt(other.baseUri());
            assertThat(there.get("/api/session").status())
                    .as("the session in use at " + other.baseUri())
                    .isEqualTo(200);
            elsewhere.add(there);
        }
        assertThat(recruiter.delete("/api/session").status())
                .as("signing out on instance 1")
                .isEqualTo(204);
        assertThat(recruiter.get("/api/session").status())
                .as("the next request on the instance that signed out")
                .isEqualTo(401);
        // Each instance read the session before the sign-out: past the bound it must read it again.
        Thread.sleep(SessionStore.REVALIDATE_AFTER.toMillis() + 100);
        for (ApiClient there : elsewhere) {
            assertThat(there.get("/api/session").status())
                    .as("the signed-out session on another instance, " + SessionStore.REVALIDATE_AFTER + " later")
                    .isEqualTo(401);
        }
    }

    @Test
    @Order(2)
    void concurrentOverlappingExportsOnThreeInstancesCreateEachEmployeeOnce() throws Exception {
        ApiClient admin = instances.get(0).signIn(ADMIN);
        JsonNode page =
                admin.get("/api/candidates?status=HIRED&page=1&pageSize=6").json();
        List<JsonNode> hired = new ArrayList<>();
        page.get("items").forEach(hired::add);
        assertThat(hired).hasSize(6);
        List<ApiClient> clients = new ArrayList<>();
        for (HostProcess instance : instances) {
            clients.add(instance.signIn(RECRUITER));
        }
        ExecutorService pool = Executors.newFixedThreadPool(hired.size() * clients.size());
        CountDownLatch go = new CountDownLatch(1);
        Map<Long, List<Future<ApiClient.Answer>>> answers = new HashMap<>();
        try {
            for (JsonNode candidate : hired) {
                long id = candidate.get("id").asLong();
                for (ApiClient client : clients) {
                    answers.computeIfAbsent(id, k -> new ArrayList<>()).add(pool.submit(() -> {
                        go.await();
                        return client.post("/api/candidates/" + id + "/exports/factorial", Map.of("values", Map.of()));
                    }));
                }
            }
            go.countDown();
            for (JsonNode candidate : hired) {
                long id = candidate.get("id").asLong();
                Set<String> employeeIds = new HashSet<>();
                for (Future<ApiClient.Answer> answer : answers.get(id)) {
                    ApiClient.Answer result = answer.get();
                    assertThat(result.status())
                            .as("each instance answers with the export, its own or the one another instance made: "
                                    + result)
                            .isEqualTo(200);
                    employeeIds.add(result.json().get("employeeId").asText());
                }
                assertThat(employeeIds)
                        .as("the three answers for candidate " + id + " name one employee")
                        .hasSize(1);
                String email = candidate.get("email").asText();
                assertThat(host.sandbox().employees().stream()
                                .filter(employee -> email.equalsIgnoreCase(String.valueOf(employee.get("email"))))
                                .count())
                        .as("employees in Factorial with " + email)
                        .isEqualTo(1);
                JsonNode history = admin.get("/api/exports?candidateId=" + id).json();
                List<String> states = new ArrayList<>();
                history.get("items")
                        .forEach(item -> states.add(item.get("state").asText()));
                assertThat(states)
                        .as("export history of candidate " + id)
                        .containsOnlyOnce("CREATED")
                        .doesNotContain("IN_PROGRESS", "UNFINISHED");
            }
        } finally {
            pool.shutdownNow();
        }
        long creates = createsSent(host.sandbox());
        assertThat(creates)
                .as("create requests sent to Factorial by the three instances")
                .isEqualTo(hired.size());
    }

    @Test
    @Order(3)
    void aBulkExportsProgressIsTheSameOnEveryInstanceAndAUsersLimitCountsThemAll() throws Exception {
        List<ApiClient> recruiter = new ArrayList<>();
        recruiter.add(instances.get(0).signIn(RECRUITER));
        recruiter.add(recruiter.get(0).sameSessionAt(instances.get(1).baseUri()));
        recruiter.add(recruiter.get(0).sameSessionAt(instances.get(2).baseUri()));
        List<Long> hires = takeFreshHires(5);
        // The four creates of the first two bulk exports answer late, so both still run when the third is asked for.
        host.sandbox()
                .inject(Fault.delay(Duration.ofSeconds(4))
                        .on("POST", "employees/employees/create_with_contract")
                        .times(4));

        ApiClient.Answer first = startBulk(recruiter.get(0), hires.subList(0, 2));
        ApiClient.Answer second = startBulk(recruiter.get(1), hires.subList(2, 4));
        assertThat(first.status()).as(first.toString()).isEqualTo(202);
        assertThat(second.status()).as(second.toString()).isEqualTo(202);
        ApiClient.Answer third = startBulk(recruiter.get(2), hires.subList(4, 5));
        assertThat(third.status())
                .as("a third bulk export of the same user on a third instance, two running on the others: " + third)
                .isEqualTo(429);
        assertThat(third.json().get("code").asText()).isEqualTo("limit_reached");

        String firstId = first.json().get("id").asText();
        JsonNode finished = awaitFinished(recruiter.get(2), firstId);
        for (ApiClient client : recruiter) {
            assertThat(client.get("/api/exports/bulk/" + firstId).json())
                    .as("the finished bulk export started on instance 1, read at " + client)
                    .isEqualTo(finished);
        }
        assertThat(finished.get("succeeded").asInt()).isEqualTo(2);
        awaitFinished(recruiter.get(0), second.json().get("id").asText());
        ApiClient.Answer again = startBulk(recruiter.get(2), hires.subList(4, 5));
        assertThat(again.status()).as("room again once they finished: " + again).isEqualTo(202);
        assertThat(awaitFinished(recruiter.get(1), again.json().get("id").asText())
                        .get("succeeded")
                        .asInt())
                .isEqualTo(1);
    }

    @Test
    @Order(4)
    void aBulkOfSeveralHundredHiresSplitOverThreeInstancesStaysWithinFactorialsLimitAndCreatesEachOnce()
            throws Exception {
        List<Long> hires = takeFreshHires(BULK_HIRES);
        // Three users (a user runs two bulk exports at most), each on an instance of their own.
        List<ApiClient> starters = List.of(
                instances.get(0).signIn(ADMIN),
                instances.get(1).signIn(RECRUITER),
                instances.get(2).signIn(HIRING_MANAGER));
        int share = hires.size() / starters.size();
        host.sandbox().clearRequests();
        long rateLimitedBefore = host.sandbox().rateLimitedResponses();
        long started = System.nanoTime();
        List<String> bulkIds = new ArrayList<>();
        for (int i = 0; i < starters.size(); i++) {
            ApiClient.Answer answer = startBulk(starters.get(i), hires.subList(i * share, (i + 1) * share));
            assertThat(answer.status()).as(answer.toString()).isEqualTo(202);
            bulkIds.add(answer.json().get("id").asText());
        }
        List<JsonNode> results = new ArrayList<>();
        for (int i = 0; i < bulkIds.size(); i++) {
            // Followed on the next instance, not the one running it.
            ApiClient elsewhere =
                    starters.get(i).sameSessionAt(instances.get((i + 1) % 3).baseUri());
            results.add(awaitFinished(elsewhere, bulkIds.get(i)));
        }
        double seconds = (System.nanoTime() - started) / 1e9;

        long posts = host.sandbox().requests().stream()
                .filter(request -> request.method().equals("POST") && request.status() != 429)
                .count();
        // As BENCHMARKS.md's figure 3a: against POSTs/rate, and the sliding window's floor (the first `rate` POSTs
        // may go at once, so the last one can start floor((P - 1) / rate) windows after the first).
        double floor = posts * 60.0 / POSTS_PER_MINUTE;
        double slidingFloor = Math.floor((posts - 1) / (double) POSTS_PER_MINUTE) * 60.0;
        System.out.printf(
                "Bulk of %d hires over 3 instances at %d POSTs/min: %d POSTs in %.1f s; floor (POSTs/rate) %.0f s,"
                        + " total/floor %.3f; sliding-window floor %.0f s; the sandbox answered 429 %d times%n",
                hires.size(),
                POSTS_PER_MINUTE,
                posts,
                seconds,
                floor,
                seconds / floor,
                slidingFloor,
                host.sandbox().rateLimitedResponses() - rateLimitedBefore);

        Map<String, Integer> states = new HashMap<>();
        for (JsonNode progress : results) {
            progress.get("results").forEach(line -> {
                states.merge(line.get("state").asText(), 1, Integer::sum);
                assertThat(line.path("message").asText())
                        .as("no answer of 429 reaches a user: " + line)
                        .doesNotContain("429")
                        .doesNotContainIgnoringCase("too many");
            });
        }
        assertThat(states).as("every line of the three bulk exports").isEqualTo(Map.of("CREATED", hires.size()));
        Set<String> hiredEmails = new HashSet<>();
        ApiClient admin = instances.get(0).signIn(ADMIN);
        for (long id : hires) {
            JsonNode history = admin.get("/api/exports?candidateId=" + id).json();
            List<String> attemptStates = new ArrayList<>();
            history.get("items")
                    .forEach(item -> attemptStates.add(item.get("state").asText()));
            assertThat(attemptStates).as("export history of candidate " + id).containsExactly("CREATED");
            hiredEmails.add(emails.get(id));
        }
        Map<String, Long> employeesByEmail = new HashMap<>();
        host.sandbox()
                .employees()
                .forEach(employee -> employeesByEmail.merge(
                        String.valueOf(employee.get("email")).toLowerCase(Locale.ROOT), 1L, Long::sum));
        assertThat(hiredEmails)
                .as("each hire is one employee in Factorial")
                .allSatisfy(email ->
                        assertThat(employeesByEmail.get(email)).as(email).isEqualTo(1L));
        long creates = host.sandbox().requests().stream()
                .filter(request -> request.method().equals("POST")
                        && request.resource().endsWith("create_with_contract")
                        && request.status() != 429)
                .count();
        assertThat(creates).as("employees created by the three instances").isEqualTo(hires.size());
    }

    private List<Long> takeFreshHires(int count) {
        List<Long> taken = List.copyOf(freshHires.subList(0, count));
        freshHires.subList(0, count).clear();
        return taken;
    }

    private static ApiClient.Answer startBulk(ApiClient client, List<Long> candidateIds) {
        return client.post("/api/exports/bulk", Map.of("connectorId", "factorial", "candidateIds", candidateIds));
    }

    private static JsonNode awaitFinished(ApiClient client, String bulkId) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofMinutes(10).toNanos();
        JsonNode progress = client.get("/api/exports/bulk/" + bulkId).json();
        while (!progress.path("finished").asBoolean() && System.nanoTime() < deadline) {
            Thread.sleep(500);
            progress = client.get("/api/exports/bulk/" + bulkId).json();
        }
        assertThat(progress.path("finished").asBoolean())
                .as("bulk export %s finished within 10 minutes: %.300s", bulkId, progress)
                .isTrue();
        return progress;
    }
}
