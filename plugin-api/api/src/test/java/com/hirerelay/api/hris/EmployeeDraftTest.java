package com.hirerelay.api.hris;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class EmployeeDraftTest {

    private final EmployeeDraft draft = new EmployeeDraft(
            "42",
            List.of(
                    DraftField.of("first_name", "First name", DraftFieldType.TEXT)
                            .asRequired()
                            .withValue("Marta"),
                    DraftField.of("email", "Email", DraftFieldType.EMAIL)
                            .asRequired()
                            .withValue("marta@example.com"),
                    DraftField.of("phone_number", "Phone", DraftFieldType.PHONE)));

    @Test
    void appliesEditsAndLeavesOtherFieldsAlone() {
        EmployeeDraft edited = draft.withValues(Map.of("phone_number", " +34 600 000 000 "));
        assertThat(edited.value("phone_number")).contains("+34 600 000 000");
        assertThat(edited.value("first_name")).contains("Marta");
        assertThat(draft.value("phone_number"))
                .as("the original draft is immutable")
                .isEmpty();
    }

    @Test
    void blankEditEmptiesTheField() {
        Map<String, String> edits = new HashMap<>();
        edits.put("email", "   ");
        assertThat(draft.withValues(edits).value("email")).isEmpty();
        assertThat(draft.withValues(edits).values()).doesNotContainKey("email");
    }

    @Test
    void refusesAnEditOfAFieldTheDraftDoesNotHave() {
        assertThatThrownBy(() -> draft.withValues(Map.of("salary", "1")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("the draft has no field 'salary'");
    }

    @Test
    void refusesDuplicateKeys() {
        assertThatThrownBy(() -> new EmployeeDraft(
                        "42",
                        List.of(
                                DraftField.of("email", "Email", DraftFieldType.EMAIL),
                                DraftField.of("email", "Work email", DraftFieldType.EMAIL))))
                .hasMessage("duplicate draft field key 'email'");
    }

    @Test
    void connectionSettingsNeverPrintSecrets() {
        ConnectionSettings settings = new ConnectionSettings(
                "1", Map.of("api_key", "sk-live-abcdef123456", "environment", "demo"), Set.of("api_key"), Map.of());
        assertThat(settings.toString())
                .doesNotContain("sk-live-abcdef123456")
                .contains("api_key=***", "environment=demo");
    }

    @Test
    void connectorIdsAreValidated() {
        assertThatThrownBy(() -> new ConnectorInfo("Factorial HR", "FactorialHr", "Exports hires", null, null))
                .hasMessageContaining("must be 2 to 40 lower-case letters");
    }

    @Test
    void exportResultKnowsWhenFollowUpStepsFailed() {
        ExportResult partial = new ExportResult(
                ExportOutcome.CREATED,
                "4711",
                null,
                List.of(new ExportWarning("Set job title and salary", "Factorial answered 422")));
        assertThat(partial.isPartial()).isTrue();
        assertThat(ExportResult.alreadyExists(new ExistingEmployee("9", "Marta García", null, null))
                        .outcome())
                .isEqualTo(ExportOutcome.ALREADY_EXISTS);
    }

    @Test
    void fieldsWithoutASectionAreShownUnderPersonAndEditsKeepTheSections() {
        EmployeeDraft sectioned =
                new EmployeeDraft("42", draft.fields(), Map.of("phone_number", DraftSection.JOB_AND_CONTRACT));
        assertThat(sectioned.sectionOf("phone_number")).isEqualTo(DraftSection.JOB_AND_CONTRACT);
        assertThat(sectioned.sectionOf("email")).as("not assigned").isEqualTo(DraftSection.PERSON);
        assertThat(draft.sectionOf("phone_number")).as("a 1.0 draft").isEqualTo(DraftSection.PERSON);
        assertThat(sectioned.withValues(Map.of("email", "m@example.com")).sectionOf("phone_number"))
                .isEqualTo(DraftSection.JOB_AND_CONTRACT);
    }

    @Test
    void refusesASectionForAKeyThatIsNotAField() {
        assertThatThrownBy(() -> new EmployeeDraft("42", draft.fields(), Map.of("salary", DraftSection.PLACEMENT)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("section given for 'salary', which is not a field");
    }
}
