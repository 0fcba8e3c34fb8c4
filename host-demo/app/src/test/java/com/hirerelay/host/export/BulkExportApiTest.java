package com.hirerelay.host.export;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.hirerelay.host.testing.ApiClient;
import com.hirerelay.host.testing.RunningHost;
import com.hirerelay.sandbox.Fault;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BulkExportApiTest {

    @TempDir
    Path root;

    RunningHost running;
    ApiClient recruiter;
    List<Long> hired = new ArrayList<>();

    @BeforeEach
    void start() {
        running = RunningHost.start(root);
        recruiter = running.signIn("RECRUITER");
        recruiter
                .get("/api/candidates?status=HIRED&pageSize=6")
                .json()
                .get("items")
                .forEach(row -> hired.add(row.get("id").asLong()));
    }

    @AfterEach
    void stop() {
        running.close();
    }

    @Test
    void aBulkExportWithoutAConnectionIsRefusedAtOnce() {
        var answer = recruiter.post("/api/exports/bulk", Map.of("connectorId", "factorial", "candidateIds", hired));
        assertThat(answer.status()).as(answer.toString()).isEqualTo(409);
        assertThat(answer.json().get("code").asText()).isEqualTo("not_exportable");
    }

    @Test
    void oneRefusedCandidateDoesNotStopTheOthersAndItsReasonStandsAlone() throws InterruptedException {
        running.connectFactorial();
        running.sandbox()
                .inject(Fault.status(422, "{\"errors\":{\"errors\":[\"Email has already been taken\"]}}")
                        .on("POST", "employees/employees/create_with_contract"));
        var started = recruiter.post("/api/exports/bulk", Map.of("connectorId", "factorial", "candidateIds", hired));
        assertThat(started.status()).as(started.toString()).isEqualTo(202);
        String id = started.json().get("id").asText();
        JsonNode progress = started.json();
        for (int i = 0; i < 300 && !progress.get("finished").asBoolean(); i++) {
            Thread.sleep(50);
            progress = recruiter.get("/api/exports/bulk/" + id).json();
        }
        assertThat(progress.get("finished").asBoolean()).as(progress.toString()).isTrue();
        assertThat(progress.get("failed").asInt()).isEqualTo(1);
        assertThat(progress.get("succeeded").asInt()).isEqualTo(hired.size() - 1);
        String message = progress.findValues("message").stream()
                .filter(node -> !node.isNull())
                .findFirst()
                .orElseThrow()
                .asText();
        assertThat(message).contains("Email has already been taken").doesNotContain("marked below");
        assertThat(running.sandbox().employees()).hasSize(12 + hired.size() - 1);
    }
}
