package com.hirerelay.host.instances;

import static com.hirerelay.api.UserRole.ADMIN;
import static com.hirerelay.api.UserRole.RECRUITER;
import static com.hirerelay.host.testing.ExportRecords.createsSent;
import static com.hirerelay.host.testing.ExportRecords.exportStates;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.hirerelay.host.demo.DemoSeed;
import com.hirerelay.host.testing.ApiClient;
import com.hirerelay.host.testing.HostProcess;
import com.hirerelay.host.testing.RunningHostExtension;
import com.hirerelay.host.testing.TestPostgres;
import com.hirerelay.sandbox.SandboxConfig;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Two host processes on one PostgreSQL database: the one running a bulk export is killed (SIGKILL) in the middle
 * of it, and the other, which keeps running, takes the rest over once the killed one's lease has expired (not at a
 * restart: nothing restarts). Every candidate ends up exported once, and the progress is followed on the survivor
 * throughout. The instances run with a lease of a few seconds ({@code --instance-lease}) so that the test need
 * not wait the default two minutes. Runs in the build's PostgreSQL test run ({@link TestPostgres#selected()}).
 */
class BulkTakeOverTest {

    private static final int HIRES = 30;
    private static final Duration LEASE = Duration.ofSeconds(6);

    // Latency keeps the bulk export running when its instance is killed.
    @RegisterExtension
    static final RunningHostExtension host = RunningHostExtension.perClass()
            .sandbox(SandboxConfig.defaults().withLatency(Duration.ofMillis(300)))
            .connected();

    @Test
    void aBulkExportOfAKilledInstanceIsFinishedByARunningOneAtTheLeaseExpiryWithoutCreatingAnyoneTwice()
            throws InterruptedException {
        assumeTrue(TestPostgres.selected(), "a take-over needs several instances, which need the PostgreSQL store");
        Map<Long, String> emails = generatedHires();
        List<Long> hires = List.copyOf(emails.keySet());
        host.stopHost();
        HostProcess running = host.launchProcess("--instance-lease", String.valueOf(LEASE.toSeconds()));
        HostProcess survivor = host.launchProcess("--instance-lease", String.valueOf(LEASE.toSeconds()));

        ApiClient onRunning = running.signIn(RECRUITER);
        ApiClient onSurvivor = onRunning.sameSessionAt(survivor.baseUri());
        ApiClient.Answer started =
                onRunning.post("/api/exports/bulk", Map.of("connectorId", "factorial", "candidateIds", hires));
        assertThat(started.status()).as(started.toString()).isEqualTo(202);
        String bulkId = started.json().get("id").asText();
        JsonNode progress = started.json();
        long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
        while (progress.get("done").asInt() < 2 && System.nanoTime() < deadline) {
            Thread.sleep(50);
            progress = onSurvivor.get("/api/exports/bulk/" + bulkId).json();
        }
        running.kill();
        // What the survivor showed at the kill: the other instance's progress, read from the database.
        JsonNode atKill = onSurvivor.get("/api/exports/bulk/" + bulkId).json();
        assertThat(atKill.get("done").asInt())
                .as("the survivor shows the killed instance's progress, part of the bulk done: %.300s", atKill)
                .isBetween(2, HIRES - 1);
        assertThat(atKill.get("finished").asBoolean()).isFalse();

        // Polled, not slept: the survivor takes over on its first heartbeat after the lease expired. The bound is
        // under the default lease (two minutes): a take-over that ignored the short lease would miss it.
        List<Integer> seen = new ArrayList<>();
        deadline = System.nanoTime() + LEASE.plus(Duration.ofSeconds(90)).toNanos();
        JsonNode finished = atKill;
        while (!finished.get("finished").asBoolean() && System.nanoTime() < deadline) {
            Thread.sleep(250);
            finished = onSurvivor.get("/api/exports/bulk/" + bulkId).json();
            seen.add(finished.get("done").asInt());
        }
        assertThat(finished.get("finished").asBoolean())
                .as("the running instance finished the killed one's bulk export: %.500s", finished)
                .isTrue();
        assertThat(seen)
                .as("the progress, followed on the survivor while it carried on")
                .isSorted()
                .contains(HIRES);
        assertThat(finished.get("succeeded").asInt())
                .as("every candidate exported, the rest by the survivor: %.800s", finished)
                .isEqualTo(HIRES);

        Map<String, Long> employeesByEmail = host.sandbox().employees().stream()
                .collect(Collectors.groupingBy(
                        employee -> String.valueOf(employee.get("email")).toLowerCase(Locale.ROOT),
                        Collectors.counting()));
        assertThat(emails.values())
                .as("each hire is one employee in Factorial")
                .allSatisfy(email ->
                        assertThat(employeesByEmail.get(email)).as(email).isEqualTo(1L));
        long creates = createsSent(host.sandbox());
        assertThat(creates)
                .as("create requests sent to Factorial by both instances")
                .isEqualTo(HIRES);
        ApiClient admin = survivor.signIn(ADMIN);
        for (long candidateId : hires) {
            List<String> states = exportStates(admin, candidateId);
            assertThat(states)
                    .as("export history of candidate %d", candidateId)
                    .doesNotContain("IN_PROGRESS")
                    .containsAnyOf("CREATED", "ALREADY_EXISTS")
                    .filteredOn("CREATED"::equals)
                    .hasSizeLessThanOrEqualTo(1);
        }
    }

    /** Hires that no seeded export touched, by id, with their e-mail in lower case. */
    private static Map<Long, String> generatedHires() {
        // About one generated candidate in five is hired.
        DemoSeed.addGeneratedCandidates(host.jdbi(), 400, 43);
        Map<Long, String> emails = new HashMap<>();
        host.jdbi()
                .useHandle(handle -> handle.createQuery("SELECT id, email FROM candidates WHERE status = 'HIRED'"
                                + " AND email LIKE '%.%.%@example.com' ORDER BY id LIMIT " + HIRES)
                        .map((rs, ctx) -> Map.entry(rs.getLong("id"), rs.getString("email")))
                        .forEach(hire ->
                                emails.put(hire.getKey(), hire.getValue().toLowerCase(Locale.ROOT))));
        assertThat(emails).as("generated hires").hasSize(HIRES);
        return emails;
    }
}
