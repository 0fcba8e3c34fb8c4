package com.hirerelay.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ReferenceContractTest extends SandboxTest {

    String employeeId;

    @BeforeEach
    void hire() throws Exception {
        sandbox.reset();
        employeeId = SandboxClient.json(
                        client.post("employees/employees/create_with_contract", Hires.marta("ref@example.com")))
                .get("id")
                .asText();
    }

    @Test
    void theReferenceContractOfANewHireIsTheVersionTheCreateMade() throws Exception {
        JsonNode data = SandboxClient.json(client.get("contracts/reference_contracts?employee_ids[]=" + employeeId))
                .get("data");

        assertThat(data).hasSize(1);
        assertThat(data.get(0).get("employee_id").asText()).isEqualTo(employeeId);
        assertThat(data.get(0).get("effective_on").asText()).isEqualTo("2026-09-01");
        assertThat(data.get(0).get("job_title").isNull()).isTrue();
    }

    @Test
    void puttingJobTitleAndSalaryFixesThatVersionInPlace() throws Exception {
        String versionId = SandboxClient.json(client.get("contracts/reference_contracts?employee_ids[]=" + employeeId))
                .get("data")
                .get(0)
                .get("id")
                .asText();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("id", Long.parseLong(versionId));
        body.put("job_title", "Backend Engineer");
        body.put("salary_amount", 4500000);
        body.put("salary_frequency", "yearly");

        HttpResponse<String> put = client.put("contracts/contract_versions/" + versionId, body);

        assertThat(put.statusCode()).as(put.body()).isEqualTo(200);
        assertThat(sandbox.contractVersions(employeeId))
                .as("still exactly one version, now with title and salary")
                .singleElement()
                .satisfies(version -> {
                    assertThat(version.get("job_title")).isEqualTo("Backend Engineer");
                    assertThat(version.get("salary_amount")).isEqualTo(4500000);
                });
    }

    @Test
    void aPutMustRepeatTheIdAndUseAKnownSalaryPeriod() throws Exception {
        String versionId = sandbox.contractVersions(employeeId).get(0).get("id").toString();
        Map<String, Object> withoutId = Map.of("job_title", "X");
        assertThat(client.put("contracts/contract_versions/" + versionId, withoutId)
                        .statusCode())
                .isEqualTo(422);

        Map<String, Object> daily =
                Map.of("id", Long.parseLong(versionId), "salary_amount", 20000, "salary_frequency", "daily");
        HttpResponse<String> refused = client.put("contracts/contract_versions/" + versionId, daily);
        assertThat(refused.statusCode()).isEqualTo(422);
        assertThat(refused.body()).contains("Salary frequency is not included in the list");
    }

    @Test
    void personalEmailIsSetWithAPutOnTheEmployee() throws Exception {
        HttpResponse<String> put = client.put(
                "employees/employees/" + employeeId,
                Map.of("id", Long.parseLong(employeeId), "personal_email", "marta.home@example.com"));

        assertThat(put.statusCode()).as(put.body()).isEqualTo(200);
        assertThat(sandbox.employeeByEmail("marta.home@example.com"))
                .as("found by the personal e-mail")
                .hasValueSatisfying(e -> assertThat(e.get("email")).isEqualTo("ref@example.com"));
    }
}
