package com.hirerelay.host.export;

import static com.hirerelay.api.UserRole.INTERVIEWER;
import static com.hirerelay.api.UserRole.RECRUITER;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.hirerelay.host.testing.ApiClient;
import com.hirerelay.host.testing.RunningHostExtension;
import com.hirerelay.sandbox.RecordedRequest;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Re-export means update, through the JSON API against the Factorial sandbox over real HTTP and real SQLite: the
 * diff per field, "Changed since export", and updates that send exactly the chosen fields by their routes.
 */
class EmployeeUpdateApiTest {

    @RegisterExtension
    static final RunningHostExtension host = RunningHostExtension.perClass().connected();

    private static JsonNode candidate(int index) {
        return host.hiredCandidates(index + 1).get(index);
    }

    private static String export(ApiClient client, long id) {
        ApiClient.Answer answer =
                client.post("/api/candidates/" + id + "/exports/factorial", Map.of("values", Map.of()));
        assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
        return answer.json().get("employeeId").asText();
    }

    private static Map<String, JsonNode> lines(JsonNode view) {
        Map<String, JsonNode> lines = new HashMap<>();
        view.get("fields")
                .forEach(line -> lines.put(line.get("field").get("key").asText(), line));
        return lines;
    }

    private static List<String> writesSince(int mark) {
        List<RecordedRequest> requests = host.sandbox().requests();
        return requests.subList(mark, requests.size()).stream()
                .filter(request -> !request.method().equals("GET"))
                .map(request -> request.method() + " " + request.resource())
                .toList();
    }

    @Test
    void aChangedStartDateAndSalaryShowAsChangedSinceExportAndTheUpdateCorrectsTheContract() {
        ApiClient recruiter = host.signIn(RECRUITER);
        long id = candidate(0).get("id").asLong();
        String employeeId = export(recruiter, id);
        JsonNode before = recruiter.get("/api/candidates/" + id).json();
        assertThat(before.get("changedSinceExport")).as("nothing changed yet").isEmpty();
        String oldStart = before.get("offer").get("startDate").asText();
        String newStart = LocalDate.parse(oldStart).plusDays(14).toString();
        String newSalary = new BigDecimal(
                        before.get("offer").get("salaryAmount").asText())
                .add(new BigDecimal("2500"))
                .toPlainString();

        ApiClient.Answer edited =
                recruiter.put("/api/candidates/" + id, Map.of("offerStartDate", newStart, "salaryAmount", newSalary));

        assertThat(edited.status()).as(edited.toString()).isEqualTo(200);
        JsonNode changed = edited.json().get("changedSinceExport");
        assertThat(changed).hasSize(1);
        assertThat(changed.get(0).get("connectorId").asText()).isEqualTo("factorial");
        assertThat(changed.get(0).get("fields").toString())
                .contains("Start date", "Salary")
                .doesNotContain("Job title");
        JsonNode row = recruiter
                .get("/api/candidates?status=HIRED&page=1&pageSize=50")
                .json()
                .get("items");
        JsonNode listed = null;
        for (JsonNode item : row) {
            if (item.get("id").asLong() == id) {
                listed = item;
            }
        }
        assertThat(listed).isNotNull();
        assertThat(listed.get("changedSinceExport").toString()).contains("Start date", "Salary");

        JsonNode view = recruiter
                .get("/api/candidates/" + id + "/exports/factorial/update")
                .json();
        Map<String, JsonNode> lines = lines(view);
        assertThat(view.get("employeeId").asText()).isEqualTo(employeeId);
        JsonNode start = lines.get("contract_starts_on");
        assertThat(start.get("inHrNow").asText()).as("read live from Factorial").isEqualTo(oldStart);
        assertThat(start.get("sentLastTime").asText()).isEqualTo(oldStart);
        assertThat(start.get("field").get("value").asText()).as("the ATS now").isEqualTo(newStart);
        assertThat(start.get("route").asText()).isEqualTo("CONTRACT_FIELD");
        assertThat(start.get("preselected").asBoolean()).isTrue();
        assertThat(lines.get("salary_amount").get("preselected").asBoolean()).isTrue();
        assertThat(lines.values().stream()
                        .filter(line -> line.get("preselected").asBoolean()))
                .as("only the two changed fields are preselected")
                .hasSize(2);
        assertThat(lines.get("email").get("route").asText()).isEqualTo("READ_ONLY");

        int mark = host.sandbox().requests().size();
        JsonNode outcome = recruiter
                .post(
                        "/api/candidates/" + id + "/exports/factorial/update",
                        Map.of(
                                "values", Map.of(),
                                "fields", List.of("contract_starts_on", "salary_amount"),
                                "contractChange", "CORRECT_CURRENT"))
                .json();

        assertThat(outcome.get("state").asText()).as(outcome.toString()).isEqualTo("UPDATED");
        List<Map<String, Object>> versions = host.sandbox().contractVersions(employeeId);
        assertThat(versions).as("a correction keeps one contract version").hasSize(1);
        assertThat(versions.get(0)).containsEntry("starts_on", newStart);
        assertThat(((Number) versions.get(0).get("salary_amount")).longValue())
                .isEqualTo(new BigDecimal(newSalary).movePointRight(2).longValueExact());
        assertThat(writesSince(mark))
                .containsExactly(
                        "PUT contracts/contract_versions/" + versions.get(0).get("id"));
        assertThat(recruiter.get("/api/candidates/" + id).json().get("changedSinceExport"))
                .as("sent: no longer changed since export")
                .isEmpty();
        JsonNode history =
                recruiter.get("/api/candidates/" + id + "/exports/updates").json();
        assertThat(history).hasSize(1);
        assertThat(history.get(0).get("user").asText()).isNotBlank();
        assertThat(history.get(0).get("fields").toString())
                .contains("\"before\":\"" + oldStart + "\"", "\"value\":\"" + newStart + "\"", "UPDATED");
        JsonNode again = lines(recruiter
                        .get("/api/candidates/" + id + "/exports/factorial/update")
                        .json())
                .get("contract_starts_on");
        assertThat(again.get("sentLastTime").asText())
                .as("sent last time follows the update")
                .isEqualTo(newStart);
        assertThat(again.get("preselected").asBoolean()).isFalse();
    }

    @Test
    void anUpdateWithAnEditSendsExactlyTheEditedField() {
        ApiClient recruiter = host.signIn(RECRUITER);
        long id = candidate(1).get("id").asLong();
        String employeeId = export(recruiter, id);
        List<Map<String, Object>> versionsBefore = host.sandbox().contractVersions(employeeId);
        int mark = host.sandbox().requests().size();

        JsonNode outcome = recruiter
                .post(
                        "/api/candidates/" + id + "/exports/factorial/update",
                        Map.of("values", Map.of("city", "Girona"), "fields", List.of("city")))
                .json();

        assertThat(outcome.get("state").asText()).as(outcome.toString()).isEqualTo("UPDATED");
        assertThat(writesSince(mark)).containsExactly("PUT employees/employees/" + employeeId);
        assertThat(host.sandbox().requests().stream()
                        .skip(mark)
                        .filter(request -> request.method().equals("PUT"))
                        .findFirst()
                        .orElseThrow()
                        .body())
                .as("only the edited field goes, with the id the body must repeat")
                .contains("\"city\":\"Girona\"")
                .doesNotContain("first_name");
        assertThat(host.sandbox().contractVersions(employeeId)).isEqualTo(versionsBefore);
    }

    @Test
    void aNewContractVersionFromADateKeepsTheOldOne() {
        ApiClient recruiter = host.signIn(RECRUITER);
        long id = candidate(2).get("id").asLong();
        String employeeId = export(recruiter, id);

        JsonNode outcome = recruiter
                .post(
                        "/api/candidates/" + id + "/exports/factorial/update",
                        Map.of(
                                "values",
                                Map.of("job_title", "Team Lead"),
                                "fields",
                                List.of("job_title"),
                                "contractChange",
                                "NEW_VERSION",
                                "effectiveOn",
                                "2027-06-01"))
                .json();

        assertThat(outcome.get("state").asText()).as(outcome.toString()).isEqualTo("UPDATED");
        List<Map<String, Object>> versions = host.sandbox().contractVersions(employeeId);
        assertThat(versions).hasSize(2);
        assertThat(versions.get(1)).containsEntry("effective_on", "2027-06-01").containsEntry("job_title", "Team Lead");
        assertThat(versions.get(0).get("job_title")).isNotEqualTo("Team Lead");
    }

    @Test
    void theLoginEmailIsRefusedWithItsReasonAndNothingIsSent() {
        ApiClient recruiter = host.signIn(RECRUITER);
        long id = candidate(3).get("id").asLong();
        export(recruiter, id);
        int mark = host.sandbox().requests().size();

        ApiClient.Answer refused = recruiter.post(
                "/api/candidates/" + id + "/exports/factorial/update",
                Map.of("values", Map.of("email", "new.login@example.com"), "fields", List.of("email")));

        assertThat(refused.status()).as(refused.toString()).isEqualTo(422);
        assertThat(refused.json().get("fieldErrors").get(0).get("field").asText())
                .isEqualTo("email");
        assertThat(refused.json().get("fieldErrors").get(0).get("message").asText())
                .contains("login e-mail");
        assertThat(writesSince(mark)).isEmpty();
        assertThat(recruiter.get("/api/candidates/" + id + "/exports/updates").json())
                .as("a refused request records no update")
                .isEmpty();
    }

    @Test
    void aNewVersionWithoutItsDateIsRefusedNamingTheField() {
        ApiClient recruiter = host.signIn(RECRUITER);
        long id = candidate(5).get("id").asLong();
        export(recruiter, id);

        ApiClient.Answer refused = recruiter.post(
                "/api/candidates/" + id + "/exports/factorial/update",
                Map.of("values", Map.of(), "fields", List.of("job_title"), "contractChange", "NEW_VERSION"));

        assertThat(refused.status()).as(refused.toString()).isEqualTo(422);
        assertThat(refused.json().get("fieldErrors").toString()).contains("effectiveOn");
    }

    @Test
    void aCandidateNeverExportedCannotBeUpdated() {
        ApiClient recruiter = host.signIn(RECRUITER);
        long id = candidate(4).get("id").asLong();

        ApiClient.Answer refused = recruiter.get("/api/candidates/" + id + "/exports/factorial/update");

        assertThat(refused.status()).as(refused.toString()).isEqualTo(409);
        assertThat(refused.json().get("code").asText()).isEqualTo("not_exportable");
        assertThat(refused.json().get("message").asText()).contains("export first");
    }

    @Test
    void anInterviewerMayNotSendUpdates() {
        long id = candidate(0).get("id").asLong();

        ApiClient.Answer refused = host.signIn(INTERVIEWER)
                .post(
                        "/api/candidates/" + id + "/exports/factorial/update",
                        Map.of("values", Map.of(), "fields", List.of("city")));

        assertThat(refused.status()).isEqualTo(403);
    }
}
