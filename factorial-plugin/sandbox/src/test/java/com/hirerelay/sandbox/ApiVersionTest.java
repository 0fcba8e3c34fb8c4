package com.hirerelay.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ApiVersionTest extends SandboxTest {

    @BeforeEach
    void fresh() {
        sandbox.reset();
    }

    @Test
    void everySpokenVersionAnswersAndOthersAreNotFound() throws Exception {
        for (String version : SandboxVersions.SPOKEN) {
            assertThat(client.withVersion(version).get("api_public/credentials").statusCode())
                    .as("version %s is spoken", version)
                    .isEqualTo(200);
        }
        HttpResponse<String> unknown = client.withVersion("2024-04-01").get("employees/employees");
        assertThat(unknown.statusCode())
                .as("a version the sandbox does not speak is a path that does not exist")
                .isEqualTo(404);
    }

    @Test
    void aRetiredVersionIsGoneUntilReset() throws Exception {
        sandbox.retireVersion("2026-04-01");

        HttpResponse<String> gone = client.withVersion("2026-04-01").get("employees/employees");
        assertThat(gone.statusCode()).isEqualTo(410);
        assertThat(gone.body()).contains("2026-04-01");
        assertThat(client.withVersion("2026-10-01").get("employees/employees").statusCode())
                .as("other versions still answer")
                .isEqualTo(200);

        sandbox.reset();
        assertThat(client.withVersion("2026-04-01").get("employees/employees").statusCode())
                .isEqualTo(200);
    }

    @Test
    void version2027AnswersErrorsAsTheTypedListNamingTheField() throws Exception {
        SandboxClient v2027 = client.withVersion("2027-01-01");
        HttpResponse<String> refused = v2027.post(
                "employees/employees/create_with_contract",
                Hires.with(Hires.marta("typed@example.com"), "gender", "other"));

        assertThat(refused.statusCode()).isEqualTo(422);
        JsonNode error = SandboxClient.json(refused).get("errors").get(0);
        assertThat(error.get("code").asText()).isEqualTo("validation_failed");
        assertThat(error.get("field").asText())
                .as("the typed error names the field")
                .isEqualTo("gender");
        assertThat(error.get("message").asText()).isEqualTo("Gender is not included in the list");

        JsonNode missing = SandboxClient.json(v2027.get("employees/employees/999999"));
        assertThat(missing.get("errors").get(0).get("code").asText()).isEqualTo("missing_resource");
        assertThat(missing.get("errors").get(0).get("field").isNull()).isTrue();
    }

    @Test
    void versionsBefore2027KeepTheOlderErrorShapes() throws Exception {
        HttpResponse<String> refused = client.withVersion("2026-10-01")
                .post(
                        "employees/employees/create_with_contract",
                        Hires.with(Hires.marta("old@example.com"), "gender", "other"));

        assertThat(SandboxClient.json(refused)
                        .get("errors")
                        .get("errors")
                        .get(0)
                        .asText())
                .isEqualTo("Gender is not included in the list");
    }

    @Test
    void createsAnswerAsTheSpecSays() throws Exception {
        for (String version : SandboxVersions.SPOKEN) {
            sandbox.reset();
            SandboxClient v = client.withVersion(version);
            HttpResponse<String> created =
                    v.post("employees/employees/create_with_contract", Hires.marta("codes@example.com"));
            assertThat(created.statusCode())
                    .as("create_with_contract in %s", version)
                    .isEqualTo(200);
            String id = SandboxClient.json(created).get("id").asText();
            Object employeeId = version.compareTo("2026-07-01") >= 0 ? id : Long.parseLong(id);
            HttpResponse<String> value = v.post(
                    "custom_fields/values",
                    java.util.Map.of(
                            "field_id",
                            version.compareTo("2026-07-01") >= 0 ? "31" : 31,
                            "valuable_type",
                            "Employee",
                            "valuable_id",
                            employeeId,
                            "value",
                            "hirerelay:test:1"));
            assertThat(value.statusCode())
                    .as("custom_fields/values in %s", version)
                    .isEqualTo(201);
            assertThat(SandboxClient.json(value).get("valuable_id").isTextual())
                    .as("ids are strings from 2026-07-01 (%s)", version)
                    .isEqualTo(version.compareTo("2026-07-01") >= 0);
        }
    }
}
