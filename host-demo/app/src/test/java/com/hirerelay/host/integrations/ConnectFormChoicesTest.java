package com.hirerelay.host.integrations;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.hirerelay.host.testing.RunningHost;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The connect form offers the account's own legal entities, locations and teams, read with the typed key. */
class ConnectFormChoicesTest {

    @TempDir
    static Path root;

    static RunningHost running;

    @BeforeAll
    static void start() {
        running = RunningHost.start(root);
    }

    @AfterAll
    static void stop() {
        running.close();
    }

    @Test
    void theFormNamesTheListsItsDefaultsComeFromAndNoIdIsAskedFor() {
        JsonNode fields = running.signIn("ADMIN")
                .get("/api/integrations/factorial/form")
                .json()
                .get("fields");
        Map<String, String> lists = new java.util.HashMap<>();
        fields.forEach(field -> {
            if (field.hasNonNull("referenceList")) {
                lists.put(field.get("key").asText(), field.get("referenceList").asText());
            }
            assertThat(field.get("label").asText())
                    .as("a label asking for an id")
                    .doesNotEndWith(" id");
        });
        assertThat(lists)
                .containsEntry("default_legal_entity_id", "legal_entities")
                .containsEntry("default_location_id", "locations")
                .containsEntry("default_team_id", "teams");
    }

    @Test
    void theListsAreReadWithTheTypedKeyAndNothingIsStored() {
        var admin = running.signIn("ADMIN");
        var answer = admin.post(
                "/api/integrations/factorial/choices",
                Map.of("values", Map.of("api_key", running.sandbox().apiKey())));
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
        var answer = running.signIn("ADMIN").post("/api/integrations/factorial/choices", Map.of("values", Map.of()));
        assertThat(answer.status()).as(answer.toString()).isEqualTo(422);
        assertThat(answer.json().get("message").asText()).startsWith("Fill in API key first");
        assertThat(answer.json().get("fieldErrors").get(0).get("field").asText())
                .isEqualTo("api_key");
    }

    @Test
    void onlyAdminsMayReadThem() {
        var answer = running.signIn("RECRUITER")
                .post(
                        "/api/integrations/factorial/choices",
                        Map.of("values", Map.of("api_key", running.sandbox().apiKey())));
        assertThat(answer.status()).isEqualTo(403);
    }
}
