package com.hirerelay.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

class AuthenticationTest extends SandboxTest {

    @Test
    void validKeyReadsCredentialsWithCompanyId() throws Exception {
        HttpResponse<String> response = client.get("api_public/credentials");

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(response.headers().firstValue("content-type"))
                .hasValueSatisfying(ct -> assertThat(ct).startsWith("application/json"));
        JsonNode data = SandboxClient.json(response).get("data");
        assertThat(data).hasSize(1);
        assertThat(data.get(0).get("company_id").asText()).isEqualTo(sandbox.companyId());
        assertThat(data.get(0).get("name").asText()).isEqualTo("Acme Robotics");
    }

    @Test
    void missingOrWrongKeyIsUnauthorized() throws Exception {
        for (SandboxClient bad : new SandboxClient[] {client.withKey(null), client.withKey("not-the-key")}) {
            HttpResponse<String> response = bad.get("employees/employees");
            assertThat(response.statusCode()).as("status without a valid key").isEqualTo(401);
            assertThat(SandboxClient.json(response).get("message").asText()).isEqualTo("Unauthorized");
        }
    }

    @Test
    void otherEnvironmentKeySeesEmptyCredentialsAndNothingElse() throws Exception {
        SandboxClient other = client.withKey(sandbox.otherEnvironmentKey());

        HttpResponse<String> credentials = other.get("api_public/credentials");
        assertThat(credentials.statusCode()).isEqualTo(200);
        JsonNode body = SandboxClient.json(credentials);
        assertThat(body.get("data"))
                .as("credentials of a key from the other environment")
                .isEmpty();
        assertThat(body.get("meta").get("total").asInt()).isZero();

        assertThat(other.get("employees/employees").statusCode()).isEqualTo(401);
        assertThat(other.post("employees/employees/create_with_contract", Hires.marta("x@y.example"))
                        .statusCode())
                .isEqualTo(401);
    }

    @Test
    void malformedVersionOrUnknownPathIsNotFound() throws Exception {
        HttpResponse<String> badVersion = client.withVersion("v1").get("employees/employees");
        assertThat(badVersion.statusCode()).isEqualTo(404);
        assertThat(SandboxClient.json(badVersion).get("errors").get(0).asText()).isEqualTo("Not found");

        assertThat(client.get("nothing/here").statusCode()).isEqualTo(404);
        assertThat(client.get("employees/employees/999999").statusCode()).isEqualTo(404);
    }

    @Test
    void bearerAuthorizationIsAcceptedLikeAnApiKey() throws Exception {
        var http = java.net.http.HttpClient.newHttpClient();
        var request = java.net.http.HttpRequest.newBuilder(java.net.URI.create(client.url("teams/teams")))
                .header("Authorization", "Bearer " + sandbox.apiKey())
                .GET()
                .build();

        assertThat(http.send(request, HttpResponse.BodyHandlers.ofString()).statusCode())
                .isEqualTo(200);
    }
}
