package com.hirerelay.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ContractVersionAndInviteTest extends SandboxTest {

    String employeeId;

    @BeforeEach
    void hire() throws Exception {
        sandbox.reset();
        employeeId = SandboxClient.json(
                        client.post("employees/employees/create_with_contract", Hires.marta("cv@example.com")))
                .get("id")
                .asText();
    }

    private Map<String, Object> contract() {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("employee_id", Long.parseLong(employeeId));
        body.put("effective_on", "2026-09-01");
        body.put("starts_on", "2026-09-01");
        body.put("job_title", "Backend Engineer");
        body.put("salary_amount", 4500000);
        body.put("salary_frequency", "yearly");
        return body;
    }

    @Test
    void contractVersionIsCreatedAndListedForTheEmployee() throws Exception {
        HttpResponse<String> response = client.post("contracts/contract_versions", contract());

        assertThat(response.statusCode())
                .as("POST contract_versions answers 201, as Factorial's spec says: %s", response.body())
                .isEqualTo(201);
        JsonNode c = SandboxClient.json(response);
        assertThat(c.get("employee_id").asText()).isEqualTo(employeeId);
        assertThat(c.get("job_title").asText()).isEqualTo("Backend Engineer");
        assertThat(c.get("salary_amount").asLong()).isEqualTo(4500000);

        JsonNode listed = SandboxClient.json(client.get("contracts/contract_versions?employee_ids[]=" + employeeId));
        assertThat(listed.get("data")).as("initial version + the new one").hasSize(2);
        assertThat(sandbox.contractVersions(employeeId)).hasSize(2);
    }

    @Test
    void salaryAmountAndFrequencyMustComeTogether() throws Exception {
        assertThat(client.post("contracts/contract_versions", Hires.without(contract(), "salary_frequency"))
                        .statusCode())
                .isEqualTo(422);
        assertThat(client.post("contracts/contract_versions", Hires.without(contract(), "salary_amount"))
                        .statusCode())
                .isEqualTo(422);
        Map<String, Object> noSalary = Hires.without(Hires.without(contract(), "salary_amount"), "salary_frequency");
        assertThat(client.post("contracts/contract_versions", noSalary).statusCode())
                .isEqualTo(201);
    }

    @Test
    void requiredFieldsAndKnownEmployeeAreChecked() throws Exception {
        for (String field : new String[] {"employee_id", "effective_on", "starts_on"}) {
            HttpResponse<String> response =
                    client.post("contracts/contract_versions", Hires.without(contract(), field));
            assertThat(response.statusCode()).as("without %s", field).isEqualTo(422);
        }
        HttpResponse<String> unknown =
                client.post("contracts/contract_versions", Hires.with(contract(), "employee_id", 987654));
        assertThat(unknown.statusCode()).isEqualTo(422);
        assertThat(SandboxClient.json(unknown).get("errors").get(0).asText()).isEqualTo("Employee not found");
    }

    @Test
    void invitingTwiceIsRejected() throws Exception {
        Map<String, Object> body = Map.of("id", employeeId, "company_id", 55);

        HttpResponse<String> first = client.post("employees/employees/invite", body);
        assertThat(first.statusCode()).as(first.body()).isEqualTo(200);
        assertThat(SandboxClient.json(first).get("id").asText()).isEqualTo(employeeId);
        assertThat(sandbox.invitedEmployeeIds()).containsExactly(employeeId);

        HttpResponse<String> second = client.post("employees/employees/invite", body);
        assertThat(second.statusCode()).isEqualTo(422);
        assertThat(SandboxClient.json(second).get("errors").get("errors").get(0).asText())
                .contains("already");
        assertThat(sandbox.invitedEmployeeIds()).containsExactly(employeeId);
    }

    @Test
    void invitingAnUnknownEmployeeIsNotFound() throws Exception {
        assertThat(client.post("employees/employees/invite", Map.of("id", 987654, "company_id", 55))
                        .statusCode())
                .isEqualTo(404);
    }
}
