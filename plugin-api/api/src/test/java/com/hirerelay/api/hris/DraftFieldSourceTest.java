package com.hirerelay.api.hris;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DraftFieldSourceTest {

    private static final ValueSource DEFAULT = ValueSource.adminDefault("Admin default (connect form)");

    @Test
    void aValueKeepsItsSourceUntilTheUserChangesIt() {
        DraftField team =
                DraftField.of("team_id", "Team", DraftFieldType.SELECT).withValue("9", DEFAULT);
        EmployeeDraft draft = new EmployeeDraft("1", List.of(team));

        assertThat(draft.withValues(Map.of("team_id", "9"))
                        .field("team_id")
                        .orElseThrow()
                        .source())
                .as("the same value, restored or resent, keeps its source")
                .isEqualTo(DEFAULT);
        assertThat(draft.withValues(Map.of("team_id", "10"))
                        .field("team_id")
                        .orElseThrow()
                        .source())
                .as("a value the user picked no longer claims to be the admin's default")
                .isNull();
    }

    @Test
    void anEmptyFieldHasNoSource() {
        assertThat(DraftField.of("team_id", "Team", DraftFieldType.SELECT)
                        .withValue(" ", DEFAULT)
                        .source())
                .isNull();
    }

    @Test
    void theOldConstructorStillBuildsAFieldWithoutSource() {
        DraftField field = new DraftField("k", "K", DraftFieldType.TEXT, false, "v", List.of(), null, null, 0);
        assertThat(field.source()).isNull();
        assertThat(field.asRequired().withHelpText("h").value()).isEqualTo("v");
    }
}
