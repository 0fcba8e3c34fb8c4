package com.hirerelay.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EmployeeListingTest extends SandboxTest {

    @Override
    SandboxConfig sandboxConfig() {
        return SandboxConfig.defaults().withSeedEmployees(25);
    }

    private static List<String> ids(JsonNode data) {
        List<String> ids = new ArrayList<>();
        data.forEach(e -> ids.add(e.get("id").asText()));
        return ids;
    }

    @Test
    void afterIdCursorWalksEveryEmployeeExactlyOnceInIdOrder() throws Exception {
        List<String> seen = new ArrayList<>();
        String cursor = null;
        int pages = 0;
        do {
            HttpResponse<String> response = client.get("employees/employees?limit=10"
                    + (cursor == null ? "" : "&after_id=" + URLEncoder.encode(cursor, StandardCharsets.UTF_8)));
            assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
            JsonNode body = SandboxClient.json(response);
            JsonNode meta = body.get("meta");
            assertThat(meta.get("total").asInt()).isEqualTo(25);
            assertThat(meta.get("limit").asInt()).isEqualTo(10);
            assertThat(meta.get("has_previous_page").asBoolean()).isEqualTo(pages > 0);
            seen.addAll(ids(body.get("data")));
            cursor = meta.get("has_next_page").asBoolean()
                    ? meta.get("end_cursor").asText()
                    : null;
            pages++;
        } while (cursor != null);

        assertThat(pages).isEqualTo(3);
        assertThat(seen)
                .as("ids across all pages")
                .doesNotHaveDuplicates()
                .hasSize(25)
                .isSortedAccordingTo((a, b) -> Long.compare(Long.parseLong(a), Long.parseLong(b)));
        assertThat(seen)
                .containsExactlyElementsOf(sandbox.employees().stream()
                        .map(e -> String.valueOf(e.get("id")))
                        .toList());
    }

    @Test
    void endCursorIsBase64OfTheLastIdAndPageParameterAlsoWorks() throws Exception {
        JsonNode first = SandboxClient.json(client.get("employees/employees?limit=5"));
        String lastId = first.get("data").get(4).get("id").asText();
        assertThat(new String(
                        java.util.Base64.getDecoder()
                                .decode(first.get("meta").get("end_cursor").asText()),
                        StandardCharsets.UTF_8))
                .isEqualTo(lastId);

        JsonNode page2 = SandboxClient.json(client.get("employees/employees?limit=5&page=2"));
        JsonNode after = SandboxClient.json(client.get("employees/employees?limit=5&after_id="
                + first.get("meta").get("end_cursor").asText()));
        assertThat(ids(page2.get("data"))).isEqualTo(ids(after.get("data"))).hasSize(5);
    }

    @Test
    void aLimitedPageSizeOverridesTheClientsLimitUntilReset() throws Exception {
        sandbox.limitPageSize(2);

        JsonNode limited = SandboxClient.json(client.get("employees/employees?limit=50"));
        assertThat(limited.get("data")).as("one page while limited").hasSize(2);
        assertThat(limited.get("meta").get("has_next_page").asBoolean()).isTrue();
        sandbox.reset();
        JsonNode whole = SandboxClient.json(client.get("employees/employees?limit=50"));
        assertThat(whole.get("data").size()).as("after reset").isGreaterThan(2);
    }

    @Test
    void limitIsCappedAtOneHundred() throws Exception {
        JsonNode body = SandboxClient.json(client.get("employees/employees?limit=500"));
        assertThat(body.get("meta").get("limit").asInt()).isEqualTo(100);
        assertThat(body.get("data")).hasSize(25);
    }

    @Test
    void emailsFilterIgnoresCaseAndMatchesLoginEmail() throws Exception {
        Map<String, Object> withLogin = sandbox.employees().stream()
                .filter(e ->
                        e.get("login_email") != null && !e.get("login_email").equals(e.get("email")))
                .findFirst()
                .orElseThrow();
        Map<String, Object> other = sandbox.employees().get(0);

        String query = "employees/employees?only_active=false&only_managers=false"
                + "&emails[]="
                + URLEncoder.encode(((String) withLogin.get("login_email")).toUpperCase(), StandardCharsets.UTF_8)
                + "&emails%5B%5D="
                + URLEncoder.encode(((String) other.get("email")).toUpperCase(), StandardCharsets.UTF_8);
        JsonNode body = SandboxClient.json(client.get(query));

        assertThat(ids(body.get("data")))
                .as("employees found by upper-cased email and login_email")
                .containsExactlyInAnyOrder(String.valueOf(withLogin.get("id")), String.valueOf(other.get("id")));
        assertThat(sandbox.employeeByEmail(((String) withLogin.get("login_email")).toUpperCase()))
                .isPresent();
    }

    @Test
    void unknownEmailGivesEmptyData() throws Exception {
        JsonNode body = SandboxClient.json(client.get("employees/employees?emails[]=nobody%40nowhere.example"));
        assertThat(body.get("data")).isEmpty();
        assertThat(body.get("meta").get("total").asInt()).isZero();
    }

    @Test
    void onlyManagersKeepsEmployeesWhoManageSomeone() throws Exception {
        JsonNode body = SandboxClient.json(client.get("employees/employees?only_managers=true&only_active=false"));
        List<String> managerIds = sandbox.employees().stream()
                .map(e -> e.get("manager_id"))
                .filter(java.util.Objects::nonNull)
                .map(String::valueOf)
                .distinct()
                .toList();

        assertThat(managerIds).isNotEmpty();
        assertThat(ids(body.get("data"))).containsExactlyInAnyOrderElementsOf(managerIds);
    }

    @Test
    void onlyActiveDropsTheTerminatedEmployee() throws Exception {
        JsonNode all = SandboxClient.json(client.get("employees/employees?only_active=false"));
        JsonNode active = SandboxClient.json(client.get("employees/employees?only_active=true"));
        assertThat(active.get("meta").get("total").asInt())
                .isEqualTo(all.get("meta").get("total").asInt() - 1);
        active.get("data").forEach(e -> assertThat(e.get("active").asBoolean()).isTrue());
    }

    @Test
    void idsAndNameFiltersNarrowTheList() throws Exception {
        JsonNode byIds = SandboxClient.json(client.get("employees/employees?ids[]=2&ids[]=4"));
        assertThat(ids(byIds.get("data"))).containsExactly("2", "4");

        String fullName = (String) sandbox.employees().get(2).get("full_name");
        JsonNode byName = SandboxClient.json(client.get("employees/employees?full_text_name="
                + URLEncoder.encode(fullName.toLowerCase(), StandardCharsets.UTF_8)));
        assertThat(ids(byName.get("data"))).contains("3");
    }

    @Test
    void singleEmployeeIsReturnedAtTopLevel() throws Exception {
        HttpResponse<String> response = client.get("employees/employees/3");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(SandboxClient.json(response).get("id").asLong()).isEqualTo(3);
        assertThat(SandboxClient.json(response).has("data")).isFalse();
    }

    @Test
    void relatedResourcesAreListed() throws Exception {
        assertThat(SandboxClient.json(client.get("companies/legal_entities")).get("data"))
                .hasSize(2);
        assertThat(SandboxClient.json(client.get("locations/locations")).get("data"))
                .hasSize(3);
        JsonNode teams = SandboxClient.json(client.get("teams/teams")).get("data");
        assertThat(teams).hasSize(4);
        assertThat(teams.get(0).get("employee_ids")).isNotEmpty();
        assertThat(teams.get(0).get("lead_ids")).isNotEmpty();
    }
}
