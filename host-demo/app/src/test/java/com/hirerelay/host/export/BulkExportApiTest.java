package com.hirerelay.host.export;

import static com.hirerelay.api.UserRole.RECRUITER;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.hirerelay.host.testing.ApiClient;
import com.hirerelay.host.testing.RunningHostExtension;
import com.hirerelay.sandbox.Fault;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class BulkExportApiTest {

    @RegisterExtension
    final RunningHostExtension host = RunningHostExtension.perTest();

    ApiClient recruiter;
    List<Long> hired = new ArrayList<>();

    @BeforeEach
    void findHiredCandidates() {
        recruiter = host.signIn(RECRUITER);
        recruiter
                .get("/api/candidates?status=HIRED&pageSize=6")
                .json()
                .get("items")
                .forEach(row -> hired.add(row.get("id").asLong()));
    }

    @Test
    void aBulkExportWithoutAConnectionIsRefusedAtOnce() {
        var answer = recruiter.post("/api/exports/bulk", Map.of("connectorId", "factorial", "candidateIds", hired));
        assertThat(answer.status()).as(answer.toString()).isEqualTo(409);
        assertThat(answer.json().get("code").asText()).isEqualTo("not_exportable");
    }

    @Test
    void oneRefusedCandidateDoesNotStopTheOthersAndItsReasonStandsAlone() throws InterruptedException {
        host.connectFactorial();
        host.sandbox()
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
        assertThat(host.sandbox().employees()).hasSize(12 + hired.size() - 1);
    }
}
