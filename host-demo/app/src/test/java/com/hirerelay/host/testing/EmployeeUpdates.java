package com.hirerelay.host.testing;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.hirerelay.sandbox.FactorialSandbox;
import com.hirerelay.sandbox.RecordedRequest;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Shared steps of the tests of updates after an export: edits on Factorial's side and reading the answers. */
public final class EmployeeUpdates {

    private EmployeeUpdates() {}

    /** An edit someone makes in Factorial itself, through its API. */
    public static void editInFactorial(FactorialSandbox sandbox, String resource, Map<String, Object> body)
            throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(
                        URI.create(sandbox.baseUrl() + "/api/2026-04-01/resources/" + resource))
                .header("x-api-key", sandbox.apiKey())
                .header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(new ObjectMapper().writeValueAsString(body)))
                .build();
        HttpResponse<String> answer = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
    }

    /** @return the requests that changed something in the sandbox since {@code mark} requests had been made */
    public static List<RecordedRequest> writesSince(FactorialSandbox sandbox, int mark) {
        List<RecordedRequest> requests = sandbox.requests();
        return requests.subList(mark, requests.size()).stream()
                .filter(request -> !request.method().equals("GET"))
                .toList();
    }

    /** @return a bulk answer's results by candidate id */
    public static Map<Long, JsonNode> byCandidate(JsonNode answer) {
        Map<Long, JsonNode> results = new HashMap<>();
        answer.get("results")
                .forEach(result -> results.put(result.get("candidateId").asLong(), result));
        return results;
    }

    /** @return the candidate page's "Changed since export" list */
    public static JsonNode changedSinceExport(ApiClient client, long id) {
        return client.get("/api/candidates/" + id).json().get("changedSinceExport");
    }

    /**
     * Exports the candidate to Factorial with the draft as the ATS has it, and expects it to succeed.
     *
     * @return the employee's id in Factorial
     */
    public static String exported(ApiClient client, long id) {
        ApiClient.Answer answer =
                client.post("/api/candidates/" + id + "/exports/factorial", Map.of("values", Map.of()));
        assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
        return answer.json().get("employeeId").asText();
    }

    /**
     * An edit of the candidate in the ATS, expected to be taken.
     *
     * @return the candidate as the ATS answered after the edit
     */
    public static JsonNode editedInAts(ApiClient client, long id, Map<String, String> edit) {
        ApiClient.Answer edited = client.put("/api/candidates/" + id, edit);
        assertThat(edited.status()).as(edited.toString()).isEqualTo(200);
        return edited.json();
    }
}
