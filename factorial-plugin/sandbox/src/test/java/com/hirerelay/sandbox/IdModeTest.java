package com.hirerelay.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

class IdModeTest extends SandboxTest {

    @Test
    void versionFromJuly2026ServesEveryIdAsString() throws Exception {
        SandboxClient v = client.withVersion(SandboxClient.V_STRING);

        JsonNode legalEntities =
                SandboxClient.json(v.get("companies/legal_entities")).get("data");
        assertThat(legalEntities).allSatisfy(le -> {
            assertThat(le.get("id").isTextual())
                    .as("legal entity id %s", le.get("id"))
                    .isTrue();
            assertThat(le.get("company_id").isTextual()).isTrue();
        });
        assertThat(legalEntities.findValuesAsText("id"))
                .as("an id above 2^53, exact")
                .contains("18446744073709551");

        JsonNode employee = SandboxClient.json(v.get("employees/employees/4"));
        assertThat(employee.get("id").isTextual()).isTrue();
        assertThat(employee.get("manager_id").isTextual()).isTrue();
        assertThat(employee.get("access_id").isTextual()).isTrue();

        JsonNode team = SandboxClient.json(v.get("teams/teams")).get("data").get(0);
        assertThat(team.get("employee_ids").get(0).isTextual()).isTrue();
        assertThat(team.get("lead_ids").get(0).isTextual()).isTrue();
        assertThat(SandboxClient.json(v.get("api_public/credentials"))
                        .get("data")
                        .get(0)
                        .get("company_id")
                        .asText())
                .isEqualTo("55");
    }

    @Test
    void olderVersionServesIdsAsNumbers() throws Exception {
        JsonNode legalEntities =
                SandboxClient.json(client.get("companies/legal_entities")).get("data");
        assertThat(legalEntities)
                .allSatisfy(le -> assertThat(le.get("id").isIntegralNumber()).isTrue());
        HttpResponse<String> raw = client.get("companies/legal_entities");
        assertThat(raw.body()).as("big id written as an exact JSON number").contains("\"id\":18446744073709551,");

        JsonNode employee = SandboxClient.json(client.get("employees/employees/4"));
        assertThat(employee.get("id").isIntegralNumber()).isTrue();
        assertThat(employee.get("manager_id").isIntegralNumber()).isTrue();
        assertThat(SandboxClient.json(client.get("teams/teams"))
                        .get("data")
                        .get(0)
                        .get("employee_ids")
                        .get(0)
                        .isIntegralNumber())
                .isTrue();
    }

    @Test
    void stringModeAcceptsStringIdsInRequestsAndFilters() throws Exception {
        SandboxClient v = client.withVersion(SandboxClient.V_STRING);
        JsonNode found = SandboxClient.json(v.get("employees/employees?ids[]=3"));
        assertThat(found.get("data").get(0).get("id").asText()).isEqualTo("3");

        JsonNode created = SandboxClient.json(v.post(
                "employees/employees/create_with_contract",
                Hires.with(
                        Hires.with(Hires.marta("string@example.com"), "company_id", "55"),
                        "legal_entity_id",
                        "18446744073709551")));
        assertThat(created.get("legal_entity_id").asText()).isEqualTo("18446744073709551");
        assertThat(created.get("id").isTextual()).isTrue();
    }

    @Test
    void inspectionSnapshotsUseNumbersOfTheDefaultVersion() {
        assertThat(sandbox.employees().get(0).get("id")).isInstanceOf(Number.class);
    }
}
