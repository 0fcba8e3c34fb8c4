package com.hirerelay.host.integrations;

import static com.hirerelay.api.UserRole.ADMIN;
import static com.hirerelay.api.UserRole.RECRUITER;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.hirerelay.host.testing.ApiClient;
import com.hirerelay.host.testing.MovableClock;
import com.hirerelay.host.testing.RunningHostExtension;
import com.hirerelay.sandbox.RecordedRequest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The HR system's API version as a life cycle, through the host's API against the Factorial sandbox: each
 * connection shows its version and expected end, admins are warned from 60 days before it (the host's clock
 * moved to the dates that matter), "Upgrade" re-verifies before it switches, and a version the HR system no
 * longer serves stops exports until the connection is upgraded.
 */
class ApiVersionLifecycleTest {

    /** Factorial serves a version for about a year: 2026-04-01 is expected to end on 2027-04-01. */
    private static final String OLD_VERSION = "2026-04-01";

    private static final String EXPECTED_END = "2027-04-01";
    private static final String CURRENT_VERSION = "2026-10-01";

    final MovableClock clock = new MovableClock();

    @RegisterExtension
    final RunningHostExtension host = RunningHostExtension.perTest().hostOptions(options -> options.withClock(clock));

    ApiClient admin;
    ApiClient recruiter;
    List<Long> hired = new ArrayList<>();

    @BeforeEach
    void connectOnTheOldVersion() {
        admin = host.signIn(ADMIN);
        recruiter = host.signIn(RECRUITER);
        var connected = admin.post(
                "/api/integrations/factorial",
                Map.of("values", Map.of("api_key", host.sandbox().apiKey(), "api_version", OLD_VERSION)));
        assertThat(connected.status()).as(connected.toString()).isEqualTo(201);
        recruiter
                .get("/api/candidates?status=HIRED&pageSize=4")
                .json()
                .get("items")
                .forEach(row -> hired.add(row.get("id").asLong()));
    }

    @Test
    void theVersionAndItsExpectedEndShowAlwaysAndTheWarningOnlyFromSixtyDaysBefore() {
        moveClockTo(Instant.parse("2027-01-30T23:59:00Z"));
        JsonNode card = factorialCard();
        assertThat(card.get("apiVersion").get("version").asText()).isEqualTo(OLD_VERSION);
        assertThat(card.get("apiVersion").get("expectedEnd").asText()).isEqualTo(EXPECTED_END);
        assertThat(card.get("apiVersion").get("warning").isNull())
                .as("61 days before the end nobody is warned yet: %s", card)
                .isTrue();
        JsonNode details = details();
        assertThat(details.get("apiVersion").get("version").asText()).isEqualTo(OLD_VERSION);
        assertThat(details.get("apiVersion").get("expectedEnd").asText()).isEqualTo(EXPECTED_END);
        assertThat(details.get("apiVersion").get("warning").isNull()).isTrue();
        assertThat(details.get("apiVersion").get("upgradeTo").asText())
                .as("a newer stable version is offered even before the warning")
                .isEqualTo(CURRENT_VERSION);
        assertThat(draftWarning(admin)).isNull();

        moveClockTo(Instant.parse("2027-01-31T00:01:00Z"));
        String warning = factorialCard().get("apiVersion").get("warning").asText();
        assertThat(warning)
                .as("60 days before the end the card warns")
                .contains(OLD_VERSION)
                .contains(EXPECTED_END)
                .contains("Upgrade the connection to " + CURRENT_VERSION);
        assertThat(details().get("apiVersion").get("warning").asText())
                .as("Connection Details warns")
                .isEqualTo(warning);
        assertThat(draftWarning(admin)).as("the export dialog warns admins").isEqualTo(warning);
        assertThat(draftWarning(recruiter))
                .as("a recruiter cannot act on it, so their dialog does not warn")
                .isNull();

        moveClockTo(Instant.parse("2027-04-02T09:00:00Z"));
        assertThat(details().get("apiVersion").get("warning").asText())
                .as("past the end the warning says it was expected to stop")
                .contains("was expected to stop serving");
    }

    @Test
    void anUpgradeToAVersionTheHrSystemRefusesKeepsTheOldVersionAndSaysWhy() {
        host.sandbox().retireVersion(CURRENT_VERSION);
        host.sandbox().clearRequests();

        var refused = upgrade(CURRENT_VERSION);

        assertThat(refused.status()).as(refused.toString()).isEqualTo(409);
        assertThat(refused.json().get("code").asText()).isEqualTo("upgrade_failed");
        assertThat(refused.json().get("message").asText())
                .contains("did not accept API version " + CURRENT_VERSION)
                .contains("stays on " + OLD_VERSION);
        assertThat(versionsAsked())
                .as("the new version was tried with Factorial before anything was switched")
                .contains(CURRENT_VERSION);
        JsonNode details = details();
        assertThat(details.get("apiVersion").get("version").asText()).isEqualTo(OLD_VERSION);
        assertThat(details.get("status").asText()).isEqualTo("CONNECTED");

        host.sandbox().clearRequests();
        var export = export(hired.get(0));
        assertThat(export.status())
                .as("exports go on with the old version: " + export)
                .isEqualTo(200);
        assertThat(versionsAsked()).containsOnly(OLD_VERSION);
    }

    @Test
    void anUpgradeIsVerifiedWithTheNewVersionAndThenExportsUseIt() {
        var export = export(hired.get(0));
        assertThat(export.status()).as(export.toString()).isEqualTo(200);
        host.sandbox().clearRequests();

        var upgraded = upgrade(CURRENT_VERSION);

        assertThat(upgraded.status()).as(upgraded.toString()).isEqualTo(200);
        assertThat(upgraded.json().get("apiVersion").get("version").asText()).isEqualTo(CURRENT_VERSION);
        assertThat(upgraded.json().get("apiVersion").get("expectedEnd").asText())
                .isEqualTo("2027-10-01");
        assertThat(versionsAsked()).as("verified with the new version").containsOnly(CURRENT_VERSION);
        assertThat(upgrade(CURRENT_VERSION).json().get("code").asText())
                .as("2026-10-01 is the newest stable version: nothing more is offered")
                .isEqualTo("upgrade_failed");

        host.sandbox().clearRequests();
        var again = export(hired.get(0));
        assertThat(again.status()).as(again.toString()).isEqualTo(200);
        assertThat(again.json().get("outcome").asText())
                .as("the employee exported under the old version is found under the new one")
                .isEqualTo("ALREADY_EXISTS");
        assertThat(export(hired.get(1)).status()).isEqualTo(200);
        assertThat(versionsAsked()).containsOnly(CURRENT_VERSION);
    }

    @Test
    void anUpgradeOfferThatChangedMeanwhileIsNotApplied() {
        var stale = upgrade("2027-01-01");
        assertThat(stale.status()).as(stale.toString()).isEqualTo(409);
        assertThat(stale.json().get("message").asText()).contains("now to " + CURRENT_VERSION);
        assertThat(details().get("apiVersion").get("version").asText()).isEqualTo(OLD_VERSION);
        assertThat(recruiter
                        .post("/api/integrations/factorial/api-version", Map.of("version", CURRENT_VERSION))
                        .status())
                .as("only admins upgrade")
                .isEqualTo(403);
    }

    @Test
    void aVersionTheHrSystemNoLongerServesStopsExportsUntilTheConnectionIsUpgraded() {
        assertThat(export(hired.get(0)).status()).isEqualTo(200);
        int employees = host.sandbox().employees().size();
        host.sandbox().retireVersion(OLD_VERSION);

        var gone = export(hired.get(1));

        assertThat(gone.status()).as(gone.toString()).isEqualTo(409);
        assertThat(gone.json().get("code").asText()).isEqualTo("needs_attention");
        assertThat(gone.json().get("message").asText()).contains(OLD_VERSION);
        JsonNode details = details();
        assertThat(details.get("status").asText()).isEqualTo("NEEDS_ATTENTION");
        assertThat(details.get("problem").asText()).as("the reason is kept").contains(OLD_VERSION);
        assertThat(factorialCard().get("status").asText()).isEqualTo("NEEDS_ATTENTION");
        assertThat(host.sandbox().employees()).hasSize(employees);

        host.sandbox().clearRequests();
        var stopped = export(hired.get(2));
        assertThat(stopped.status()).as(stopped.toString()).isEqualTo(409);
        assertThat(stopped.json().get("code").asText()).isEqualTo("needs_attention");
        assertThat(stopped.json().get("message").asText())
                .contains("nothing was sent")
                .contains(OLD_VERSION);
        assertThat(host.sandbox().requests())
                .as("stopped in the host: Factorial is not asked again")
                .isEmpty();
        var history = admin.get("/api/exports?candidateId=" + hired.get(1)).json();
        assertThat(history.get("items").get(0).get("state").asText())
                .as("the refused attempt is in the history")
                .isEqualTo("FAILED");

        var upgraded = upgrade(CURRENT_VERSION);
        assertThat(upgraded.status()).as(upgraded.toString()).isEqualTo(200);
        assertThat(upgraded.json().get("status").asText()).isEqualTo("CONNECTED");
        assertThat(upgraded.json().get("problem").isNull()).isTrue();
        var exported = export(hired.get(2));
        assertThat(exported.status()).as(exported.toString()).isEqualTo(200);
        assertThat(host.sandbox().employees()).hasSize(employees + 1);
    }

    /** Moves the host's clock, and signs in again: a session does not outlive months of idleness. */
    private void moveClockTo(Instant when) {
        clock.moveTo(when);
        admin = host.signIn(ADMIN);
        recruiter = host.signIn(RECRUITER);
    }

    private JsonNode factorialCard() {
        for (JsonNode section : admin.get("/api/integrations").json().get("sections")) {
            for (JsonNode card : section.get("cards")) {
                if (card.get("connectorId").asText().equals("factorial")) {
                    return card;
                }
            }
        }
        throw new AssertionError("no Factorial card");
    }

    private JsonNode details() {
        var answer = admin.get("/api/integrations/factorial");
        assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
        return answer.json();
    }

    private String draftWarning(ApiClient client) {
        var draft = client.get("/api/candidates/" + hired.get(0) + "/exports/factorial/draft");
        assertThat(draft.status()).as(draft.toString()).isEqualTo(200);
        JsonNode warning = draft.json().get("apiVersionWarning");
        return warning == null || warning.isNull() ? null : warning.asText();
    }

    private ApiClient.Answer upgrade(String version) {
        return admin.post("/api/integrations/factorial/api-version", Map.of("version", version));
    }

    private ApiClient.Answer export(long candidateId) {
        return recruiter.post("/api/candidates/" + candidateId + "/exports/factorial", Map.of("values", Map.of()));
    }

    private List<String> versionsAsked() {
        return host.sandbox().requests().stream()
                .map(RecordedRequest::version)
                .distinct()
                .toList();
    }
}
