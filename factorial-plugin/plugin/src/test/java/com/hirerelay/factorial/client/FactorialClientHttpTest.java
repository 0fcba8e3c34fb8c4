package com.hirerelay.factorial.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.hirerelay.api.RemoteUnavailableException;
import com.hirerelay.api.hris.RateBudget;
import com.hirerelay.factorial.testing.SandboxHttpTest;
import com.hirerelay.sandbox.FactorialSandbox;
import com.hirerelay.sandbox.Fault;
import com.hirerelay.sandbox.RecordedRequest;
import com.hirerelay.sandbox.SandboxConfig;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The HTTP client against the sandbox: cursor pagination, headers, and the transport failures of a list. */
class FactorialClientHttpTest extends SandboxHttpTest {

    private static final FactorialQuery EVERYONE =
            FactorialQuery.none().and("only_active", false).and("only_managers", false);

    private FactorialClient client;

    @Override
    protected SandboxConfig sandboxConfig() {
        return SandboxConfig.defaults().withSeedEmployees(250);
    }

    @BeforeEach
    void start() {
        FactorialClientConfig config = FactorialClientConfig.defaults(
                        URI.create(sandbox.baseUrl()), FactorialSandbox.DEFAULT_VERSION)
                .withRetries(3, 1, Duration.ofMillis(10));
        client = new FactorialClient(config, ApiKey.of(sandbox.apiKey()), RateBudget.inProcess(), "client-test");
    }

    @AfterEach
    void stop() {
        client.close();
    }

    @Test
    void getAllFollowsTheCursorToTheLastPage() {
        List<JsonNode> all = client.getAll("employees/employees", EVERYONE);

        assertThat(all)
                .extracting(node -> node.get("id").asText())
                .as("every employee, in id order, once")
                .containsExactlyElementsOf(IntStream.rangeClosed(1, 250)
                        .mapToObj(Integer::toString)
                        .toList());
        List<RecordedRequest> pages = sandbox.requests();
        assertThat(pages).as("pages of 100").hasSize(3);
        assertThat(pages.get(0).query()).as("first page").contains("limit=100").doesNotContain("after_id");
        assertThat(pages.get(1).query())
                .as("second page asks after the first page's cursor")
                .contains("after_id=");
        assertThat(pages).allSatisfy(page -> {
            assertThat(page.header("x-api-key")).as("api key header").isEqualTo("[redacted]");
            assertThat(page.header("accept")).as("accept header").contains("application/json");
        });
    }

    @Test
    void aFailingSecondPageIsRetriedWithoutRestartingTheList() {
        // Faults fire in injection order: the harmless one takes the first page, the 502 the second.
        sandbox.inject(Fault.delay(Duration.ZERO).on("GET", "employees/employees"));
        sandbox.inject(Fault.status(502).on("GET", "employees/employees"));

        List<JsonNode> all = client.getAll("employees/employees", EVERYONE);

        assertThat(all).as("every employee once").hasSize(250);
        List<RecordedRequest> pages = sandbox.requests();
        assertThat(pages).extracting(RecordedRequest::status).as("statuses").containsExactly(200, 502, 200, 200);
        assertThat(pages.get(2).query())
                .as("the retry asks for the page that failed")
                .isEqualTo(pages.get(1).query());
    }

    @Test
    void anUnreadablePageFailsTheWholeListAsUnavailable() {
        sandbox.inject(Fault.truncatedBody().on("GET", "employees/employees").times(3));

        assertThatThrownBy(() -> client.getAll("employees/employees", EVERYONE))
                .as("a list whose page cannot be read after every attempt")
                .isInstanceOf(RemoteUnavailableException.class)
                .hasMessageContaining("not valid JSON");
    }

    @Test
    void aListFromAnUnreachableFactorialIsUnavailable() {
        String base = sandbox.baseUrl();
        sandbox.close();
        FactorialClientConfig config = FactorialClientConfig.defaults(
                        URI.create(base), FactorialSandbox.DEFAULT_VERSION)
                .withReadTimeout(Duration.ofMillis(500))
                .withRetries(2, 0, Duration.ofMillis(10));
        try (FactorialClient closedDoor =
                new FactorialClient(config, ApiKey.of("k-123456"), RateBudget.inProcess(), "client-test")) {
            assertThatThrownBy(() -> closedDoor.getAll("teams/teams", FactorialQuery.none()))
                    .isInstanceOf(RemoteUnavailableException.class)
                    .hasMessageContaining("could not be reached");
        }
    }

    @Test
    void aPostWhoseAnswerIsLostOnAKeptAliveConnectionIsSentOnceAndReportedAsAnUnknownOutcome() {
        // A GET first, so the POST goes out on a kept-alive connection: the case in which an HTTP stack that
        // retries by itself (HttpURLConnection, Apache's default strategy) would send the POST a second time.
        client.get("teams/teams", FactorialQuery.none());
        sandbox.inject(Fault.lostResponse().on("POST", "custom_fields/fields"));

        assertThatThrownBy(() -> client.post(
                        "custom_fields/fields",
                        client.mapper().createObjectNode().put("label", "ATS reference")))
                .as("an answer that never came")
                .isInstanceOfSatisfying(
                        PostOutcomeUnknownException.class,
                        unknown ->
                                assertThat(unknown.reason()).isEqualTo(PostOutcomeUnknownException.Reason.NO_ANSWER));

        assertThat(sandbox.requests())
                .filteredOn(request -> request.method().equals("POST"))
                .as("the POST reached Factorial once, and was never sent again")
                .hasSize(1);
        assertThat(client.get("teams/teams", FactorialQuery.none()))
                .as("the next request goes out on a fresh connection")
                .isNotNull();
    }

    @Test
    void aGetWhoseAnswerIsLostIsSentAgainByTheClientOnlyOnce() {
        client.get("teams/teams", FactorialQuery.none());
        sandbox.clearRequests();
        sandbox.inject(Fault.lostResponse().on("GET", "teams/teams"));

        client.get("teams/teams", FactorialQuery.none());

        assertThat(sandbox.requests())
                .extracting(RecordedRequest::status)
                .as("the lost attempt, then the client's own retry: the HTTP stack adds none of its own")
                .containsExactly(0, 200);
    }

    @Test
    void aPostBodyGoesWithItsLengthNotInChunks() {
        // The sandbox refuses this field (422); what is checked is how the body went over the wire.
        assertThatThrownBy(() -> client.post(
                        "custom_fields/fields",
                        client.mapper().createObjectNode().put("label", "ATS reference")))
                .isInstanceOf(UnprocessableEntityException.class);

        RecordedRequest post = sandbox.requests().stream()
                .filter(request -> request.method().equals("POST"))
                .findFirst()
                .orElseThrow();
        assertThat(post.header("content-length"))
                .as("a buffered body: its length in the headers, which leave with it in one write")
                .isEqualTo(String.valueOf(post.body().getBytes(java.nio.charset.StandardCharsets.UTF_8).length));
        assertThat(post.header("transfer-encoding")).as("no chunked encoding").isNull();
        assertThat(post.header("expect")).as("no 100-continue round").isNull();
    }

    @Test
    void aPutSpendsNothingOfThePostBudget() {
        java.util.concurrent.atomic.AtomicInteger waits = new java.util.concurrent.atomic.AtomicInteger();
        FactorialClientConfig config = FactorialClientConfig.defaults(
                        URI.create(sandbox.baseUrl()), FactorialSandbox.DEFAULT_VERSION)
                .withPostLimit(1, Duration.ofMinutes(1));
        try (FactorialClient onePostAMinute = new FactorialClient(
                config,
                ApiKey.of(sandbox.apiKey()),
                com.hirerelay.api.hris.RateBudget.inProcess(),
                "client-test",
                new RequestReports(new com.hirerelay.api.hris.HrisRequestListener() {
                    @Override
                    public void rateBudgetWaited(long startNanos, long endNanos) {
                        waits.incrementAndGet();
                    }
                }))) {
            String field = onePostAMinute
                    .post(
                            "custom_fields/fields",
                            json("{\"label\":\"Budget test\",\"field_type\":\"text\",\"company_id\":\""
                                    + sandbox.companyId() + "\"}"))
                    .get("id")
                    .asText();

            onePostAMinute.put("employees/employees/1", json("{\"id\":1,\"personal_email\":\"budget@example.com\"}"));

            assertThat(waits.get())
                    .as("the PUT after the minute's only POST was not held back (field %s)", field)
                    .isZero();
            assertThat(sandbox.requests())
                    .as("both sent")
                    .extracting(RecordedRequest::method)
                    .containsExactly("POST", "PUT");
        }
    }

    private static JsonNode json(String text) {
        try {
            return new com.fasterxml.jackson.databind.ObjectMapper().readTree(text);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
    }
}
