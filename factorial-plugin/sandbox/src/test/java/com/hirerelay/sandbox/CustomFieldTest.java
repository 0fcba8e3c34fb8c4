package com.hirerelay.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class CustomFieldTest extends SandboxTest {

    @BeforeEach
    void fresh() {
        sandbox.reset();
    }

    @Test
    void theReferenceFieldIsFoundByItsLabel() throws Exception {
        JsonNode data = SandboxClient.json(client.get("custom_fields/fields?label="
                        + URLEncoder.encode(FactorialSandbox.REFERENCE_FIELD_LABEL, StandardCharsets.UTF_8)))
                .get("data");

        assertThat(data).hasSize(1);
        assertThat(data.get(0).get("field_type").asText()).isEqualTo("text");
    }

    @Test
    void aFieldCanBeCreatedOnceAndItsLabelIsThenTaken() throws Exception {
        sandbox.removeCustomField(FactorialSandbox.REFERENCE_FIELD_LABEL);
        Map<String, Object> body =
                Map.of("company_id", 55, "field_type", "text", "label", FactorialSandbox.REFERENCE_FIELD_LABEL);

        HttpResponse<String> created = client.post("custom_fields/fields", body);
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        assertThat(client.post("custom_fields/fields", body).statusCode()).isEqualTo(422);
    }

    @Test
    void anEmployeeIsFoundByTheValueOfAField() throws Exception {
        String employeeId = sandbox.addEmployee("Ana", "Ruiz", "ana.ruiz@example.com", null);
        Map<String, Object> value = Map.of(
                "field_id", 31, "valuable_type", "Employee", "valuable_id", Long.parseLong(employeeId), "value", "x:1");

        assertThat(client.post("custom_fields/values", value).statusCode()).isEqualTo(201);
        assertThat(client.post("custom_fields/values", value).statusCode())
                .as("one value per field and employee")
                .isEqualTo(422);
        JsonNode found = SandboxClient.json(client.get("custom_fields/values?field_id=31&value=x%3A1"))
                .get("data");
        assertThat(found).hasSize(1);
        assertThat(found.get(0).get("valuable_id").asText()).isEqualTo(employeeId);
        assertThat(SandboxClient.json(client.get("custom_fields/values?field_id=31&value=x%3A2"))
                        .get("data"))
                .isEmpty();
    }

    @Test
    void aValueForAnUnknownEmployeeIsRefused() throws Exception {
        HttpResponse<String> refused = client.post(
                "custom_fields/values",
                Map.of("field_id", 31, "valuable_type", "Employee", "valuable_id", 987654, "value", "x"));
        assertThat(refused.statusCode()).isEqualTo(422);
        assertThat(refused.body()).contains("Employee not found");
    }
}
