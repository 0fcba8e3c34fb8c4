package com.hirerelay.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class EmployeeCreationTest extends SandboxTest {

    static final String CREATE = "employees/employees/create_with_contract";

    @BeforeEach
    void reset() {
        sandbox.reset();
    }

    @Test
    void createdEmployeeIsReturnedAtTopLevelAndStored() throws Exception {
        HttpResponse<String> response = client.post(CREATE, Hires.marta("marta@example.com"));

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        JsonNode e = SandboxClient.json(response);
        assertThat(e.has("data")).as("single records have no data wrapper").isFalse();
        assertThat(e.get("id").isNumber()).isTrue();
        assertThat(e.get("access_id").isNumber()).isTrue();
        assertThat(e.get("full_name").asText()).isEqualTo("Marta Garcia");
        assertThat(e.get("address_line_1").asText())
                .as("response spells address_line_1")
                .isEqualTo("Calle Mayor 1");
        assertThat(e.has("address_line1")).isFalse();
        assertThat(e.get("active").asBoolean()).isTrue();
        assertThat(e.get("company_id").asLong()).isEqualTo(55);
        assertThat(e.get("legal_entity_id").asLong()).isEqualTo(7);
        assertThat(e.get("manager_id").asLong()).isEqualTo(2);
        assertThat(e.get("company_identifier").asText()).isEqualTo("ats-4711");
        assertThat(e.get("created_at").asText()).matches("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}\\.\\d{3}Z");

        String id = e.get("id").asText();
        assertThat(sandbox.employeeByEmail("MARTA@example.com"))
                .hasValueSatisfying(
                        stored -> assertThat(String.valueOf(stored.get("id"))).isEqualTo(id));
        assertThat(SandboxClient.json(client.get("employees/employees/" + id))
                        .get("email")
                        .asText())
                .isEqualTo("marta@example.com");
        assertThat(SandboxClient.json(client.get("employees/employees?company_identifier=ats-4711"))
                        .get("data"))
                .hasSize(1);
        assertThat(sandbox.contractVersions(id)).singleElement().satisfies(c -> {
            assertThat(c.get("starts_on")).isEqualTo("2026-09-01");
            assertThat(c.get("effective_on")).isEqualTo("2026-09-01");
        });
        JsonNode engineering = SandboxClient.json(client.get("teams/teams/9"));
        assertThat(engineering.get("employee_ids").toString()).contains(id);
    }

    @Test
    void addressLineWithUnderscoreIsAcceptedToo() throws Exception {
        Map<String, Object> body = Hires.with(
                Hires.without(Hires.marta("a@example.com"), "address_line1"), "address_line_1", "Gran Via 2");
        JsonNode e = SandboxClient.json(client.post(CREATE, body));
        assertThat(e.get("address_line_1").asText()).isEqualTo("Gran Via 2");
    }

    @Test
    void idsMayBeSentAsStrings() throws Exception {
        Map<String, Object> body = Hires.with(
                Hires.with(Hires.marta("s@example.com"), "company_id", "55"), "legal_entity_id", "18446744073709551");
        HttpResponse<String> response = client.post(CREATE, body);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(SandboxClient.json(response).get("legal_entity_id").bigIntegerValue())
                .hasToString("18446744073709551");
    }

    @Test
    void duplicateEmailIsRejectedWithValidationShape() throws Exception {
        assertThat(client.post(CREATE, Hires.marta("dup@example.com")).statusCode())
                .isEqualTo(200);
        HttpResponse<String> second = client.post(CREATE, Hires.marta("DUP@example.com"));

        assertThat(second.statusCode()).isEqualTo(422);
        assertThat(second.body()).isEqualTo("{\"errors\":{\"errors\":[\"Email has already been taken\"]}}");
    }

    @Test
    void emailOfASeedEmployeeLoginIsTaken() throws Exception {
        Map<String, Object> seeded = sandbox.employees().stream()
                .filter(e ->
                        e.get("login_email") != null && !e.get("login_email").equals(e.get("email")))
                .findFirst()
                .orElseThrow();
        HttpResponse<String> response = client.post(CREATE, Hires.marta((String) seeded.get("login_email")));
        assertThat(response.statusCode()).isEqualTo(422);
    }

    @Test
    void unknownReferencesAreRejectedWithNotFoundShape() throws Exception {
        Map<String, String> cases = Map.of(
                "legal_entity_id", "Legal entity not found",
                "location_id", "Location not found",
                "team_id", "Team not found",
                "manager_id", "Manager not found");
        for (var c : cases.entrySet()) {
            HttpResponse<String> response =
                    client.post(CREATE, Hires.with(Hires.marta("ref@example.com"), c.getKey(), 424242));
            assertThat(response.statusCode()).as(c.getKey()).isEqualTo(422);
            assertThat(SandboxClient.json(response).get("errors").get(0).asText())
                    .isEqualTo(c.getValue());
        }
        assertThat(sandbox.employeeByEmail("ref@example.com")).isEmpty();
    }

    @Test
    void badDatesGenderMissingFieldsAndWrongCompanyAreValidationErrors() throws Exception {
        List<Map<String, Object>> bad = new ArrayList<>();
        bad.add(Hires.with(Hires.marta("v@example.com"), "birthday_on", "14/02/1995"));
        bad.add(Hires.with(Hires.marta("v@example.com"), "contract_starts_on", "2026-02-30"));
        bad.add(Hires.with(Hires.marta("v@example.com"), "gender", "other"));
        bad.add(Hires.without(Hires.marta("v@example.com"), "first_name"));
        bad.add(Hires.without(Hires.marta("v@example.com"), "email"));
        bad.add(Hires.without(Hires.marta("v@example.com"), "company_id"));
        bad.add(Hires.with(Hires.marta("v@example.com"), "company_id", 56));
        for (Map<String, Object> body : bad) {
            HttpResponse<String> response = client.post(CREATE, body);
            assertThat(response.statusCode()).as("status for %s", body).isEqualTo(422);
            assertThat(SandboxClient.json(response).get("errors").get("errors"))
                    .as(response.body())
                    .isNotEmpty();
        }
        assertThat(sandbox.employeeByEmail("v@example.com")).isEmpty();
    }

    @Test
    void unknownFieldsAndIdempotencyKeysAreIgnored() throws Exception {
        Map<String, Object> body = Hires.with(Hires.marta("u@example.com"), "favourite_colour", "green");
        assertThat(client.post(CREATE, body).statusCode()).isEqualTo(200);
    }

    @Test
    void concurrentCreatesWithTheSameEmailGiveExactlyOneEmployee() throws Exception {
        int clients = 12;
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        CountDownLatch go = new CountDownLatch(1);
        try {
            List<Future<Integer>> results = new ArrayList<>();
            for (int i = 0; i < clients; i++) {
                Callable<Integer> create = () -> {
                    go.await();
                    return client.post(CREATE, Hires.marta("race@example.com")).statusCode();
                };
                results.add(pool.submit(create));
            }
            go.countDown();
            List<Integer> statuses = new ArrayList<>();
            for (Future<Integer> f : results) {
                statuses.add(f.get());
            }
            assertThat(statuses)
                    .as("one 200, the rest 422")
                    .containsOnlyOnce(200)
                    .filteredOn(s -> s != 200)
                    .hasSize(clients - 1)
                    .containsOnly(422);
        } finally {
            pool.shutdownNow();
        }
        assertThat(sandbox.employees().stream().filter(e -> "race@example.com".equals(e.get("email"))))
                .hasSize(1);
    }
}
