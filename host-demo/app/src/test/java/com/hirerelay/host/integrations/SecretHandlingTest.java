package com.hirerelay.host.integrations;

import static com.hirerelay.api.UserRole.ADMIN;
import static org.assertj.core.api.Assertions.assertThat;

import com.hirerelay.host.testing.ApiClient;
import com.hirerelay.host.testing.LogCapture;
import com.hirerelay.host.testing.RunningHostExtension;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The API key is encrypted at rest, masked in every answer, absent from every log line, and deleted
 * with the integration.
 */
class SecretHandlingTest {

    @RegisterExtension
    final RunningHostExtension host = RunningHostExtension.perTest();

    @Test
    void theKeyNeverAppearsInTheDatabaseFilesAnswersOrLogsOfAFullConnectAndExportRun() throws IOException {
        String key = host.sandbox().apiKey();
        String wrongKey = "wrong-" + key.substring(0, key.length() / 2) + "-zz91";
        StringBuilder answers = new StringBuilder();
        String logs;
        try (LogCapture capture = LogCapture.start()) {
            ApiClient admin = host.signIn(ADMIN);
            var refused = admin.post("/api/integrations/factorial", Map.of("values", Map.of("api_key", wrongKey)));
            assertThat(refused.status()).as(refused.toString()).isEqualTo(422);
            answers.append(refused.body());
            // The connect form reads the account's lists with the typed key before anything is stored
            var wrongChoices =
                    admin.post("/api/integrations/factorial/choices", Map.of("values", Map.of("api_key", wrongKey)));
            assertThat(wrongChoices.status()).as(wrongChoices.toString()).isEqualTo(422);
            var choices = admin.post("/api/integrations/factorial/choices", Map.of("values", Map.of("api_key", key)));
            assertThat(choices.status()).as(choices.toString()).isEqualTo(200);
            answers.append(wrongChoices.body()).append(choices.body());
            var connected = admin.post("/api/integrations/factorial", Map.of("values", Map.of("api_key", key)));
            assertThat(connected.status()).as(connected.toString()).isEqualTo(201);
            answers.append(connected.body());
            answers.append(admin.get("/api/integrations").body());
            answers.append(admin.get("/api/integrations/factorial").body());
            answers.append(admin.get("/api/integrations/factorial/form").body());
            long id = admin.get("/api/candidates?status=HIRED&pageSize=1")
                    .json()
                    .get("items")
                    .get(0)
                    .get("id")
                    .asLong();
            answers.append(admin.get("/api/candidates/" + id + "/exports/factorial/draft")
                    .body());
            var exported = admin.post("/api/candidates/" + id + "/exports/factorial", Map.of("values", Map.of()));
            assertThat(exported.status()).as(exported.toString()).isEqualTo(200);
            answers.append(exported.body()).append(admin.get("/api/exports").body());
            logs = capture.text();
        }
        var details = host.signIn(ADMIN).get("/api/integrations/factorial").json();
        assertThat(details.get("maskedSecrets").get("api_key").asText())
                .as("masked key")
                .endsWith(key.substring(key.length() - 4))
                .doesNotContain(key);
        assertThat(answers.toString()).as("API answers").doesNotContain(key).doesNotContain(wrongKey);
        assertThat(logs).as("captured logs").isNotEmpty().doesNotContain(key).doesNotContain(wrongKey);
        assertThat(dataFolderText().contains(key))
                .as("the key in the raw bytes of the data folder (database, WAL, key file)")
                .isFalse();
        assertThat(host.sandbox().requests())
                .as("the sandbox saw the key, so it was really used")
                .isNotEmpty();
    }

    @Test
    void removingTheIntegrationDeletesTheStoredSecret() throws IOException {
        host.connectFactorial();
        ApiClient admin = host.signIn(ADMIN);
        String ciphertext = host.jdbi()
                .withHandle(handle -> handle.createQuery("SELECT secrets_ciphertext FROM integrations")
                        .mapTo(String.class)
                        .one());
        assertThat(admin.delete("/api/integrations/factorial").status()).isEqualTo(204);
        int rows = host.jdbi()
                .withHandle(handle -> handle.createQuery("SELECT COUNT(*) FROM integrations")
                        .mapTo(Integer.class)
                        .one());
        assertThat(rows).as("integration rows").isZero();
        assertThat(dataFolderText().contains(ciphertext))
                .as("a trace of the ciphertext in the data folder after removal")
                .isFalse();
        assertThat(admin.get("/api/integrations/factorial").status()).isEqualTo(404);
        var card = admin.get("/api/integrations")
                .json()
                .get("sections")
                .get(0)
                .get("cards")
                .get(0);
        assertThat(card.get("status").asText()).isEqualTo("NOT_CONNECTED");
    }

    @Test
    void aWrongKeyIsRefusedBesideTheKeyFieldAndNothingIsStored() {
        ApiClient admin = host.signIn(ADMIN);
        var refused = admin.post("/api/integrations/factorial", Map.of("values", Map.of("api_key", "not-the-key")));
        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.json().get("fieldErrors").get(0).get("field").asText())
                .isEqualTo("api_key");
        assertThat(refused.json().get("fieldErrors").get(0).get("message").asText())
                .isNotBlank();
        assertThat(admin.get("/api/integrations/factorial").status()).isEqualTo(404);
    }

    private String dataFolderText() throws IOException {
        StringBuilder text = new StringBuilder();
        try (Stream<Path> files = Files.walk(host.dataDir())) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                text.append(new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1));
            }
        }
        return text.toString();
    }
}
