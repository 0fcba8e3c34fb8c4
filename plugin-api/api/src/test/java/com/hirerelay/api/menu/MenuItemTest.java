package com.hirerelay.api.menu;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.hirerelay.api.UserRole;
import com.hirerelay.api.candidate.Candidate;
import com.hirerelay.api.candidate.CandidateStatus;
import java.util.EnumSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class MenuItemTest {

    private final MenuItem item = new MenuItem(
            "export-to-factorial",
            "Export to FactorialHr",
            "factorial",
            EnumSet.allOf(MenuPlacement.class),
            MenuItem.EXPORTING_ROLES,
            0);

    private static Candidate candidate(CandidateStatus status) {
        return new Candidate(
                "1", "Ana", "Ruiz", null, null, status, null, null, null, null, null, null, null, null, null);
    }

    @ParameterizedTest
    @EnumSource(
            value = UserRole.class,
            names = {"ADMIN", "HIRING_MANAGER", "RECRUITER"})
    void showsForExportingRolesOnHiredCandidatesWhenConnected(UserRole role) {
        assertThat(item.allows(
                        new MenuContext(MenuPlacement.CANDIDATE_PAGE, candidate(CandidateStatus.HIRED), role, true)))
                .isTrue();
    }

    @Test
    void hiddenFromInterviewersEvenIfAPluginAllowsThem() {
        MenuItem permissive = new MenuItem(
                "x-export",
                "Export",
                "factorial",
                EnumSet.allOf(MenuPlacement.class),
                EnumSet.allOf(UserRole.class),
                0);
        assertThat(permissive.allows(new MenuContext(
                        MenuPlacement.CANDIDATE_PAGE, candidate(CandidateStatus.HIRED), UserRole.INTERVIEWER, true)))
                .isFalse();
    }

    @Test
    void hiddenForCandidatesNotHiredOrWhenDisconnected() {
        assertThat(item.allows(new MenuContext(
                        MenuPlacement.CANDIDATE_LIST_ROW, candidate(CandidateStatus.ACTIVE), UserRole.ADMIN, true)))
                .isFalse();
        assertThat(item.allows(new MenuContext(
                        MenuPlacement.CANDIDATE_LIST_ROW, candidate(CandidateStatus.HIRED), UserRole.ADMIN, false)))
                .isFalse();
    }

    @Test
    void hiddenWherePlacedNot() {
        MenuItem pageOnly = new MenuItem(
                "x-export", "Export", "factorial", Set.of(MenuPlacement.CANDIDATE_PAGE), MenuItem.EXPORTING_ROLES, 0);
        assertThat(pageOnly.allows(new MenuContext(
                        MenuPlacement.PIPELINE_HIRED_STAGE, candidate(CandidateStatus.HIRED), UserRole.ADMIN, true)))
                .isFalse();
    }

    @Test
    void needsAPlacementAndARole() {
        assertThatThrownBy(() -> new MenuItem("x", "Export", "factorial", Set.of(), MenuItem.EXPORTING_ROLES, 0))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new MenuItem(
                        "x-export", "Export", "factorial", Set.of(MenuPlacement.CANDIDATE_PAGE), Set.of(), 0))
                .hasMessage("a menu item needs at least one allowed role");
    }
}
