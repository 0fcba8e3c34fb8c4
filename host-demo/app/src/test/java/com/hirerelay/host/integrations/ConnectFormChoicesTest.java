package com.hirerelay.host.integrations;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.hirerelay.api.UserRole;
import com.hirerelay.host.testing.RunningHostExtension;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The connect form offers the account's own legal entities, locations and teams, read with the typed key. */
class ConnectFormChoicesTest {

    @RegisterExtension
    static final RunningHostExtension host = RunningHostExtension.perClass();

    @Test
    void theFormNamesTheListsItsDefaultsComeFromAndNoIdIsAskedFor() {
        JsonNode fields = host.signIn(UserRole.ADMIN)
                .get("/api/integrations/factorial/form")
                .json()
                .get("fields");
        Map<String, String> lists = new java.util.HashMap<>();
        fields.forEach(field -> {
            if (field.hasNonNull("referenceList")) {
                lists.put(field.get("key").asText(), field.get("referenceList").asText());
            }
            // The defaults are chosen by name; an advanced field that really holds an id (a custom field's) may say so.
            if (field.get("key").asText().startsWith("default_")) {
                assertThat(field.get("label").asText())
                        .as("a default's label asking for an id")
                        .doesNotEndWith(" id");
            }
        });
        assertThat(lists)
                .containsEntry("default_legal_entity_id", "legal_entities")
                .containsEntry("default_location_id", "locations")
                .containsEntry("default_team_id", "teams");
    }

    @Test
    void theListsAreReadWithTheTypedKeyAndNothingIsStored() {
        var admin = host.signIn(UserRole.ADMIN);
        var answer = admin.post(
                "/api/integrations/factorial/choices",
                Map.of("values", Map.of("api_key", host.sandbox().apiKey())));
        assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
        JsonNode teams = answer.json().get("teams");
        assertThat(teams).as("the sandbox's teams").isNotEmpty();
        teams.forEach(team -> assertThat(team.get("label").asText())
                .isNotBlank()
                .isNotEqualTo(team.get("value").asText()));
        assertThat(answer.json().get("legal_entities")).isNotEmpty();
        assertThat(answer.json().get("locations")).isNotEmpty();
        assertThat(admin.get("/api/integrations/factorial").status())
                .as("reading choices connects nothing")
                .isEqualTo(404);
    }

    @Test
    void withoutTheKeyTheAnswerSaysWhatToFillInFirst() {
        var answer =
                host.signIn(UserRole.ADMIN).post("/api/integrations/factorial/choices", Map.of("values", Map.of()));
        assertThat(answer.status()).as(answer.toString()).isEqualTo(422);
        assertThat(answer.json().get("message").asText()).startsWith("Fill in API key first");
        assertThat(answer.json().get("fieldErrors").get(0).get("field").asText())
                .isEqualTo("api_key");
    }

    @Test
    void onlyAdminsMayReadThem() {
        var answer = host.signIn(UserRole.RECRUITER)
                .post(
                        "/api/integrations/factorial/choices",
                        Map.of("values", Map.of("api_key", host.sandbox().apiKey())));
        assertThat(answer.status()).isEqualTo(403);
    }
}
