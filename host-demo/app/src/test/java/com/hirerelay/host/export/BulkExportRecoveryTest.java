package com.hirerelay.host.export;

import static com.hirerelay.api.UserRole.ADMIN;
import static com.hirerelay.api.UserRole.RECRUITER;
import static com.hirerelay.host.testing.ExportRecords.createsSent;
import static com.hirerelay.host.testing.ExportRecords.exportStates;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.hirerelay.host.testing.ApiClient;
import com.hirerelay.host.testing.RunningHostExtension;
import com.hirerelay.sandbox.SandboxConfig;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A bulk export lives in the database, not in the memory of the host that started it: a host that stops in the
 * middle of one leaves the rest to its next start (or, on PostgreSQL, to another instance), and no candidate is
 * exported twice.
 */
class BulkExportRecoveryTest {

    private static final int HIRES = 10;

    // Latency keeps the bulk export running when the host stops.
    @RegisterExtension
    final RunningHostExtension host = RunningHostExtension.perTest()
            .sandbox(SandboxConfig.defaults().withLatency(Duration.ofMillis(300)))
            .connected();

    @Test
    void aBulkExportCutOffByAStopIsFinishedByTheNextStartWithoutCreatingAnyoneTwice() throws InterruptedException {
        ApiClient recruiter = host.signIn(RECRUITER);
        List<Long> hired = BulkExportBoundsTest.hiredIds(recruiter, HIRES);
        var started = recruiter.post("/api/exports/bulk", Map.of("connectorId", "factorial", "candidateIds", hired));
        assertThat(started.status()).as(started.toString()).isEqualTo(202);
        String bulkId = started.json().get("id").asText();
        JsonNode progress = started.json();
        for (int i = 0; i < 600 && progress.get("done").asInt() < 2; i++) {
            Thread.sleep(50);
            progress = recruiter.get("/api/exports/bulk/" + bulkId).json();
        }
        assertThat(progress.get("done").asInt())
                .as("some candidates done before the stop: %.300s", progress)
                .isBetween(2, HIRES - 1);

        host.restart();

        ApiClient afterRestart = host.signIn(RECRUITER);
        JsonNode finished = BulkExportBoundsTest.awaitFinished(afterRestart, bulkId);
        assertThat(finished.get("succeeded").asInt())
                .as("every candidate exported, the rest by the next start: %.500s", finished)
                .isEqualTo(HIRES);
        assertThat(host.sandbox().employees())
                .as("the 12 seeded employees and each hire once")
                .hasSize(12 + HIRES);
        long creates = createsSent(host.sandbox());
        assertThat(creates).as("create requests sent to Factorial").isEqualTo(HIRES);
        ApiClient admin = host.signIn(ADMIN);
        for (long candidateId : hired) {
            List<String> states = exportStates(admin, candidateId);
            assertThat(states)
                    .as("export history of candidate %d", candidateId)
                    .doesNotContain("IN_PROGRESS")
                    .containsAnyOf("CREATED", "ALREADY_EXISTS");
        }
    }
}
