package com.hirerelay.host.export;

import static com.hirerelay.api.UserRole.ADMIN;
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

    @Test
    void aPossibleMatchStopsThatCandidateWithItsReasonAndLinksNothing() throws InterruptedException {
        host.connectFactorial();
        JsonNode namesakeOf = recruiter.get("/api/candidates/" + hired.get(1)).json();
        String namesake = host.sandbox()
                .addEmployee(
                        namesakeOf.get("firstName").asText(),
                        namesakeOf.get("lastName").asText(),
                        "another.person@acme-robotics.example",
                        null);
        // An employee number that happens to equal a candidate id is no match at all (the plugin's reference is
        // namespaced), so that candidate is created.
        String numbered = host.sandbox()
                .addEmployee("Unrelated", "Employee", "unrelated@acme-robotics.example", Long.toString(hired.get(2)));
        int before = host.sandbox().employees().size();

        JsonNode progress = runBulk();

        assertThat(progress.get("failed").asInt()).as(progress.toString()).isEqualTo(1);
        assertThat(progress.get("succeeded").asInt()).isEqualTo(hired.size() - 1);
        JsonNode stopped = result(progress, hired.get(1));
        assertThat(stopped.get("state").asText()).isEqualTo("FAILED");
        assertThat(stopped.get("message").asText())
                .as("the reason says what was found and what to do")
                .contains("may already have this person")
                .contains(namesake)
                .contains("Same name")
                .contains("export the candidate on their own");
        assertThat(result(progress, hired.get(2)).get("state").asText()).isEqualTo("CREATED");
        assertThat(result(progress, hired.get(2)).get("employeeId").asText()).isNotEqualTo(numbered);
        assertThat(host.sandbox().employees())
                .as("every candidate but the stopped one was created")
                .hasSize(before + hired.size() - 1);
        assertThat(host.sandbox().employeeByEmail(namesakeOf.get("email").asText()))
                .as("nothing created for the stopped candidate")
                .isEmpty();
        assertThat(host.sandbox().customFieldValues(namesake))
                .as("the namesake got no reference: nothing was linked")
                .isEmpty();
        JsonNode history = host.signIn(ADMIN)
                .get("/api/exports?candidateId=" + hired.get(1))
                .json();
        assertThat(history.get("items").get(0).get("state").asText())
                .as("the stop is in the export history")
                .isEqualTo("FAILED");
    }

    private JsonNode runBulk() throws InterruptedException {
        var started = recruiter.post("/api/exports/bulk", Map.of("connectorId", "factorial", "candidateIds", hired));
        assertThat(started.status()).as(started.toString()).isEqualTo(202);
        String id = started.json().get("id").asText();
        JsonNode progress = started.json();
        for (int i = 0; i < 600 && !progress.get("finished").asBoolean(); i++) {
            Thread.sleep(50);
            progress = recruiter.get("/api/exports/bulk/" + id).json();
        }
        assertThat(progress.get("finished").asBoolean()).as(progress.toString()).isTrue();
        return progress;
    }

    private static JsonNode result(JsonNode progress, long candidateId) {
        for (JsonNode result : progress.get("results")) {
            if (result.get("candidateId").asLong() == candidateId) {
                return result;
            }
        }
        throw new AssertionError("no result for candidate " + candidateId + " in " + progress);
    }
}
