package com.hirerelay.host.export;

import static com.hirerelay.api.UserRole.ADMIN;
import static com.hirerelay.api.UserRole.RECRUITER;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.hirerelay.host.testing.ApiClient;
import com.hirerelay.host.testing.RunningHostExtension;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class ExportFlowTest {

    @RegisterExtension
    final RunningHostExtension host = RunningHostExtension.perTest().connected();

    private JsonNode firstHired(ApiClient client) {
        JsonNode page = client.get("/api/candidates?status=HIRED&pageSize=5").json();
        assertThat(page.get("total").asLong()).as("seeded hired candidates").isPositive();
        return page.get("items").get(0);
    }

    @Test
    void recruiterExportsAHiredCandidateAndTheSecondExportLinksTheSameEmployee() {
        ApiClient recruiter = host.signIn(RECRUITER);
        JsonNode row = firstHired(recruiter);
        assertThat(row.get("menu").toString()).as("list row menu").contains("Export to FactorialHr");
        long id = row.get("id").asLong();

        var draft = recruiter.get("/api/candidates/" + id + "/exports/factorial/draft");
        assertThat(draft.status()).as(draft.toString()).isEqualTo(200);
        assertThat(draft.json().get("fields").size()).isPositive();

        var first = recruiter.post("/api/candidates/" + id + "/exports/factorial", Map.of("values", Map.of()));
        assertThat(first.status()).as(first.toString()).isEqualTo(200);
        assertThat(first.json().get("outcome").asText()).isEqualTo("CREATED");
        String email = row.get("email").asText();
        assertThat(host.sandbox().employeeByEmail(email))
                .as("employee in Factorial")
                .isPresent();

        var second = recruiter.post("/api/candidates/" + id + "/exports/factorial", Map.of("values", Map.of()));
        assertThat(second.status()).as(second.toString()).isEqualTo(200);
        assertThat(second.json().get("outcome").asText()).isEqualTo("ALREADY_EXISTS");
        assertThat(second.json().get("employeeId").asText())
                .isEqualTo(first.json().get("employeeId").asText());
        assertThat(host.sandbox().employees().stream()
                        .filter(e -> email.equalsIgnoreCase(String.valueOf(e.get("email")))))
                .as("exactly one employee with the candidate's e-mail")
                .hasSize(1);

        var history = host.signIn(ADMIN).get("/api/exports?candidateId=" + id).json();
        assertThat(history.get("total").asInt()).isEqualTo(2);
        assertThat(history.get("items").get(0).get("state").asText()).isEqualTo("ALREADY_EXISTS");
        assertThat(history.get("items").get(1).get("state").asText()).isEqualTo("CREATED");
    }
}
