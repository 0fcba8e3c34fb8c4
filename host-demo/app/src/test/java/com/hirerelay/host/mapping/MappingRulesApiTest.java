package com.hirerelay.host.mapping;

import static com.hirerelay.api.UserRole.ADMIN;
import static com.hirerelay.api.UserRole.RECRUITER;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.hirerelay.host.testing.ApiClient;
import com.hirerelay.host.testing.RunningHostExtension;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Issue 16, points 1 and 2, over the API with the Factorial plugin against the sandbox. */
class MappingRulesApiTest {

    @RegisterExtension
    static final RunningHostExtension host = RunningHostExtension.perClass().connected();

    ApiClient admin;
    JsonNode editor;

    @BeforeEach
    void openTheEditor() {
        admin = host.signIn(ADMIN);
        var answer = admin.get("/api/integrations/factorial/mapping");
        assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
        editor = answer.json();
    }

    @Test
    void theEditorOffersTheConnectorsSelectFieldsWithTheirLiveChoicesByName() {
        JsonNode team = field("team_id");
        assertThat(team.get("mappable").asBoolean()).isTrue();
        assertThat(labels(team)).as("Factorial's teams, by name").contains("Sales", "Engineering");
        assertThat(labels(field("location_id"))).contains("Madrid Office", "Barcelona HQ");
        assertThat(field("first_name").get("mappable").asBoolean())
                .as("a text field cannot be mapped")
                .isFalse();
        assertThat(editor.get("departments").toString()).contains("Sales", "Engineering");
        assertThat(editor.get("locations").toString()).contains("Madrid", "Barcelona");
    }

    @Test
    void onlyAdminsMayReadOrChangeTheRules() {
        ApiClient recruiter = host.signIn(RECRUITER);
        assertThat(recruiter.get("/api/integrations/factorial/mapping").status())
                .isEqualTo(403);
        assertThat(recruiter
                        .put("/api/integrations/factorial/mapping", Map.of("rules", List.of()))
                        .status())
                .isEqualTo(403);
    }

    @Test
    void aValueTheHrSystemDoesNotOfferIsRefusedAndNothingIsSaved() {
        save(List.of(rule("team_id", "DEPARTMENT", "Sales", option("team_id", "Sales"))));
        var refused = admin.put(
                "/api/integrations/factorial/mapping",
                Map.of(
                        "rules",
                        List.of(
                                rule("team_id", "DEPARTMENT", "People", "999999"),
                                rule("first_name", "DEFAULT", "", "x"),
                                rule("location_id", "JOB", "not-a-job", option("location_id", "Madrid Office")))));
        assertThat(refused.status()).as(refused.toString()).isEqualTo(422);
        assertThat(refused.json().get("code").asText()).isEqualTo("validation_failed");
        assertThat(refused.json().get("fieldErrors").toString())
                .contains("rules[0].value", "rules[1].field", "rules[2].matchValue");
        JsonNode kept = admin.get("/api/integrations/factorial/mapping").json().get("rules");
        assertThat(kept).as("the earlier rules stay").hasSize(1);
        assertThat(kept.get(0).get("valueLabel").asText()).isEqualTo("Sales");
    }

    @Test
    void theDraftIsPrefilledFromTheRulesWithTheirSourceAndTheEmployeeGetsTeamLocationAndLegalEntity() {
        String gmbh = aLegalEntityTheConnectorWouldNotPick();
        save(List.of(
                rule("team_id", "DEPARTMENT", "sales", option("team_id", "Sales")),
                rule("location_id", "LOCATION", "Madrid", option("location_id", "Madrid Office")),
                rule("legal_entity_id", "DEPARTMENT", "Sales", gmbh)));
        JsonNode candidate = hiredOf("Account Executive").get(0);
        long id = candidate.get("id").asLong();

        JsonNode draft = host.signIn(RECRUITER)
                .get("/api/candidates/" + id + "/exports/factorial/draft")
                .json();
        JsonNode team = draftField(draft, "team_id");
        assertThat(team.get("value").asText()).isEqualTo(option("team_id", "Sales"));
        assertThat(team.get("source").get("origin").asText()).isEqualTo("MAPPING_RULE");
        assertThat(team.get("source").get("label").asText()).isEqualTo("Mapping rule: department is Sales");
        assertThat(draftField(draft, "location_id").get("source").get("label").asText())
                .isEqualTo("Mapping rule: location is Madrid");
        assertThat(draftField(draft, "legal_entity_id").get("value").asText())
                .as("set by the department rule; the connector drafts no legal entity by itself")
                .isEqualTo(gmbh);

        var exported =
                host.signIn(RECRUITER).post("/api/candidates/" + id + "/exports/factorial", Map.of("values", Map.of()));
        assertThat(exported.status()).as(exported.toString()).isEqualTo(200);
        Map<String, Object> employee =
                host.sandbox().employeeByEmail(candidate.get("email").asText()).orElseThrow();
        assertThat(String.valueOf(employee.get("location_id"))).isEqualTo(option("location_id", "Madrid Office"));
        assertThat(String.valueOf(employee.get("legal_entity_id"))).isEqualTo(gmbh);
        assertThat(host.sandbox().teamIdsOf(String.valueOf(employee.get("id"))))
                .containsExactly(option("team_id", "Sales"));
    }

    @Test
    void thePreviewSaysWhatTheHiredCandidatesOfEachJobWouldGetBeforeSaving() {
        save(List.of());
        var preview = admin.post(
                "/api/integrations/factorial/mapping/preview",
                Map.of(
                        "rules", List.of(rule("team_id", "DEPARTMENT", "Sales", option("team_id", "Sales"))),
                        "requiredFields", List.of("team_id")));
        assertThat(preview.status()).as(preview.toString()).isEqualTo(200);
        JsonNode body = preview.json();
        long hiredSales = hiredOf("Account Executive").size();
        JsonNode sales = StreamSupport.stream(body.get("groups").spliterator(), false)
                .filter(group -> group.get("job").get("name").asText().equals("Account Executive"))
                .findFirst()
                .orElseThrow();
        assertThat(sales.get("sentence").asText())
                .isEqualTo(hiredSales + " hired candidates of Account Executive would get: Team Sales");
        assertThat(body.get("needReview").asLong())
                .as("every other job's hires lack the required team")
                .isEqualTo(body.get("hiredCandidates").asLong() - hiredSales);
        assertThat(admin.get("/api/integrations/factorial/mapping").json().get("rules"))
                .as("a preview saves nothing")
                .isEmpty();
    }

    @Test
    void aBulkExportSendsNobodyHalfFilledAndListsTheMissingFieldsAsNeedsReview() throws InterruptedException {
        save(
                List.of(rule("team_id", "DEPARTMENT", "Sales", option("team_id", "Sales"))),
                List.of("team_id", "manager_id"));
        JsonNode candidate = hiredOf("Backend Engineer").get(0);
        int before = host.sandbox().employees().size();
        ApiClient recruiter = host.signIn(RECRUITER);
        var started = recruiter.post(
                "/api/exports/bulk",
                Map.of(
                        "connectorId",
                        "factorial",
                        "candidateIds",
                        List.of(candidate.get("id").asLong())));
        assertThat(started.status()).as(started.toString()).isEqualTo(202);
        JsonNode progress = started.json();
        for (int i = 0; i < 300 && !progress.get("finished").asBoolean(); i++) {
            Thread.sleep(50);
            progress = recruiter
                    .get("/api/exports/bulk/" + started.json().get("id").asText())
                    .json();
        }
        assertThat(progress.get("needsReview").asInt()).as(progress.toString()).isEqualTo(1);
        JsonNode result = progress.get("results").get(0);
        assertThat(result.get("state").asText()).isEqualTo("NEEDS_REVIEW");
        assertThat(result.get("message").asText()).contains("Empty: Team, Manager.");
        assertThat(host.sandbox().employees()).as("nothing created").hasSize(before);

        JsonNode draft = recruiter
                .get("/api/candidates/" + candidate.get("id").asLong() + "/exports/factorial/draft")
                .json();
        assertThat(draftField(draft, "team_id").get("required").asBoolean())
                .as("the dialog marks the admin's required field")
                .isTrue();
        assertThat(draftField(draft, "first_name").get("value").asText())
                .as("everything else stays filled")
                .isEqualTo(candidate.get("firstName").asText());
    }

    private void save(List<Map<String, String>> rules) {
        save(rules, List.of());
    }

    private void save(List<Map<String, String>> rules, List<String> required) {
        var saved =
                admin.put("/api/integrations/factorial/mapping", Map.of("rules", rules, "requiredFields", required));
        assertThat(saved.status()).as(saved.toString()).isEqualTo(200);
    }

    private static Map<String, String> rule(String field, String matchOn, String matchValue, String value) {
        return Map.of("field", field, "matchOn", matchOn, "matchValue", matchValue, "value", value);
    }

    private JsonNode field(String key) {
        return StreamSupport.stream(editor.get("fields").spliterator(), false)
                .filter(field -> field.get("key").asText().equals(key))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no field " + key + " in " + editor));
    }

    private String option(String fieldKey, String label) {
        return StreamSupport.stream(field(fieldKey).get("options").spliterator(), false)
                .filter(option -> option.get("label").asText().equals(label))
                .map(option -> option.get("value").asText())
                .findFirst()
                .orElseThrow(() -> new AssertionError("no option " + label + " of " + fieldKey));
    }

    /** A legal entity the connector would not draft by itself, so the employee's proves the rule. */
    private String aLegalEntityTheConnectorWouldNotPick() {
        List<String> values = new ArrayList<>();
        field("legal_entity_id")
                .get("options")
                .forEach(option -> values.add(option.get("value").asText()));
        assertThat(values).as("the sandbox has two legal entities").hasSizeGreaterThanOrEqualTo(2);
        return values.get(values.size() - 1);
    }

    private static List<String> labels(JsonNode field) {
        List<String> labels = new ArrayList<>();
        field.get("options").forEach(option -> labels.add(option.get("label").asText()));
        return labels;
    }

    private static JsonNode draftField(JsonNode draft, String key) {
        return StreamSupport.stream(draft.get("fields").spliterator(), false)
                .filter(field -> field.get("key").asText().equals(key))
                .findFirst()
                .orElseThrow();
    }

    private List<JsonNode> hiredOf(String jobName) {
        long jobId = StreamSupport.stream(admin.get("/api/jobs").json().spliterator(), false)
                .filter(job -> job.get("name").asText().equals(jobName))
                .findFirst()
                .orElseThrow()
                .get("id")
                .asLong();
        List<JsonNode> hired = new ArrayList<>();
        admin.get("/api/candidates?status=HIRED&pageSize=100&jobId=" + jobId)
                .json()
                .get("items")
                .forEach(hired::add);
        assertThat(hired).as("seeded hires of " + jobName).isNotEmpty();
        return hired;
    }
}
