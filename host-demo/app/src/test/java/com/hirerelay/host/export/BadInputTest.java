package com.hirerelay.host.export;

import static com.hirerelay.api.UserRole.ADMIN;
import static com.hirerelay.api.UserRole.RECRUITER;
import static org.assertj.core.api.Assertions.assertThat;

import com.hirerelay.host.testing.ApiClient;
import com.hirerelay.host.testing.RunningHostExtension;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Unicode, apostrophes, very long and empty values, malformed e-mails, impossible dates, unknown
 * reference ids, SQL metacharacters: a field-level error before anything is sent, or a correct export;
 * never a crash or a 500.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BadInputTest {

    @RegisterExtension
    static final RunningHostExtension host = RunningHostExtension.perClass().connected();

    ApiClient recruiter;
    List<Long> hired = new ArrayList<>();

    @BeforeAll
    void findHiredCandidates() {
        recruiter = host.signIn(RECRUITER);
        recruiter
                .get("/api/candidates?status=HIRED&pageSize=100")
                .json()
                .get("items")
                .forEach(row -> hired.add(row.get("id").asLong()));
    }

    private ApiClient.Answer export(long id, Map<String, String> values) {
        return recruiter.post("/api/candidates/" + id + "/exports/factorial", Map.of("values", values));
    }

    @Test
    void namesInEveryScriptExportExactlyAsTyped() {
        List<String[]> names = List.of(
                new String[] {"José-María", "Ñúñez O'Connor"},
                new String[] {"美咲", "山田"},
                new String[] {"دانة", "الحسيني"},
                new String[] {"Zoë 🚀", "D'Artagnan"});
        for (int i = 0; i < names.size(); i++) {
            long id = hired.get(i);
            String email = "unicode." + i + "@example.com";
            var answer =
                    export(id, Map.of("first_name", names.get(i)[0], "last_name", names.get(i)[1], "email", email));
            assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
            Map<String, Object> employee = host.sandbox().employeeByEmail(email).orElseThrow();
            assertThat(employee.get("first_name")).isEqualTo(names.get(i)[0]);
            assertThat(employee.get("last_name")).isEqualTo(names.get(i)[1]);
        }
    }

    @Test
    void badValuesAreFieldErrorsAndNothingIsSent() {
        long id = hired.get(10);
        host.sandbox().clearRequests();
        List<Map<String, String>> bad = List.of(
                Map.of("first_name", ""),
                Map.of("first_name", "   "),
                Map.of("last_name", "x".repeat(10_000)),
                Map.of("email", "ana@"),
                Map.of("email", "ana@@example.com"),
                Map.of("email", "<script>@x.com"),
                Map.of("contract_starts_on", "2026-02-30"),
                Map.of("contract_starts_on", "31/12/2026"),
                Map.of("birthday_on", "1800-01-01"),
                Map.of("birthday_on", "2999-01-01"),
                Map.of("legal_entity_id", "999999"),
                Map.of("team_id", "not-a-team"),
                Map.of("salary_amount", "-5"),
                Map.of("salary_amount", "lots"),
                Map.of("nationality", "Spain!"));
        List<String> wrong = new ArrayList<>();
        for (Map<String, String> values : bad) {
            var answer = export(id, values);
            String field = values.keySet().iterator().next();
            if (answer.status() != 422
                    || !answer.json()
                            .get("fieldErrors")
                            .findValuesAsText("field")
                            .contains(field)) {
                wrong.add(values.toString()
                                .substring(0, Math.min(80, values.toString().length())) + " -> " + answer);
            }
        }
        assertThat(wrong)
                .as("bad values that were not refused beside their field")
                .isEmpty();
        assertThat(host.sandbox().requests().stream()
                        .filter(request -> request.method().equals("POST")))
                .as("POSTs to Factorial")
                .isEmpty();
    }

    @Test
    void searchAndFiltersWithSqlMetacharactersAreHarmless() {
        ApiClient admin = host.signIn(ADMIN);
        long total = admin.get("/api/candidates").json().get("total").asLong();
        for (String query : List.of(
                "'",
                "\"",
                "%",
                "_",
                "\\",
                "' OR '1'='1",
                "'; DROP TABLE candidates; --",
                "%' UNION SELECT password_hash FROM users --",
                "O'Brien")) {
            var answer = admin.get(
                    "/api/candidates?q=" + java.net.URLEncoder.encode(query, java.nio.charset.StandardCharsets.UTF_8));
            assertThat(answer.status()).as(query + " -> " + answer).isEqualTo(200);
            assertThat(answer.body()).as("no password hash leaks").doesNotContain("pbkdf2");
        }
        assertThat(admin.get("/api/candidates?q=%25").json().get("total").asLong())
                .as("'%' is a literal, not a wildcard")
                .isZero();
        assertThat(admin.get("/api/candidates?q=O'Brien").json().get("total").asLong())
                .as("apostrophes match")
                .isEqualTo(1);
        for (String filter :
                List.of("status=HIRED'--", "jobId=1%20OR%201=1", "stageId=abc", "page=-4", "pageSize=100000")) {
            var answer = admin.get("/api/candidates?" + filter);
            assertThat(answer.status()).as(filter + " -> " + answer).isIn(200, 400);
        }
        assertThat(admin.get("/api/candidates").json().get("total").asLong())
                .as("candidates still all there")
                .isEqualTo(total);
    }

    @Test
    void markupInCandidateFieldsIsStoredAndReturnedAsPlainText() {
        long id = hired.get(hired.size() - 1);
        String markup = "<img src=x onerror=alert(1)>";
        var edited =
                recruiter.put("/api/candidates/" + id, Map.of("firstName", markup, "lastName", "</script><b>x</b>"));
        assertThat(edited.status()).as(edited.toString()).isEqualTo(200);
        assertThat(edited.json().get("firstName").asText()).isEqualTo(markup);
        assertThat(edited.headers().get("content-type").get(0)).startsWith("application/json");
        var badEdit = recruiter.put("/api/candidates/" + id, Map.of("email", "nope", "firstName", " "));
        assertThat(badEdit.status()).isEqualTo(422);
        assertThat(badEdit.json().get("fieldErrors").findValuesAsText("field")).contains("email", "firstName");
    }

    @Test
    void malformedRequestsGetA4xxNeverA500() {
        for (String path : List.of(
                "/api/candidates/abc",
                "/api/candidates/99999999",
                "/api/jobs/xyz/pipeline",
                "/api/candidates/99999999/exports/factorial/draft",
                "/api/candidates/1/exports/no-such/draft")) {
            var answer = recruiter.get(path);
            assertThat(answer.status()).as(path + " -> " + answer).isBetween(400, 499);
        }
        var notJson =
                recruiter.send("POST", "/api/candidates/" + hired.get(0) + "/exports/factorial", "not json", true);
        assertThat(notJson.status()).as(notJson.toString()).isBetween(400, 499);
    }
}
