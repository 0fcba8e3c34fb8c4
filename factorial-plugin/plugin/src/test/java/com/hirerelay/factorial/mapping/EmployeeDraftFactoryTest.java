package com.hirerelay.factorial.mapping;

import static org.assertj.core.api.Assertions.assertThat;

import com.hirerelay.api.SelectOption;
import com.hirerelay.api.hris.DraftField;
import com.hirerelay.api.hris.EmployeeDraft;
import com.hirerelay.api.hris.ReferenceData;
import com.hirerelay.api.hris.ValueSource;
import com.hirerelay.factorial.testing.Candidates;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EmployeeDraftFactoryTest {

    private static final ReferenceData ONE_OF_EACH = new ReferenceData(Map.of(
            "legal_entities", List.of(new SelectOption("7", "Acme S.L. (ES)")),
            "locations", List.of(new SelectOption("3", "Barcelona HQ")),
            "teams", List.of(new SelectOption("9", "Engineering"), new SelectOption("10", "Sales")),
            "managers", List.of(new SelectOption("12", "Laura Boss"), new SelectOption("13", "Pere Boss"))));

    @Test
    void mapsTheCandidateAndOfferToFactorialFieldNames() {
        EmployeeDraft draft =
                new EmployeeDraftFactory(Map.of(), false).draftFor(Candidates.marta(), ReferenceData.EMPTY);

        assertThat(draft.candidateId()).isEqualTo("ats-4711");
        assertThat(draft.values())
                .containsEntry("first_name", "Marta")
                .containsEntry("last_name", "Garcia")
                .containsEntry("personal_email", "marta@example.com")
                .containsEntry("phone_number", "+34600000000")
                .containsEntry("contract_starts_on", "2026-09-01")
                .containsEntry("job_title", "Backend Engineer")
                .containsEntry("salary_amount", "45000")
                .containsEntry("salary_frequency", "yearly")
                .containsEntry("birthday_on", "1995-02-14")
                .containsEntry("nationality", "ES")
                .containsEntry("address_line1", "Calle Mayor 1")
                .containsEntry("postal_code", "08001")
                .containsEntry("city", "Barcelona")
                .containsEntry("country", "ES")
                .doesNotContainKeys("email", "company_identifier");
    }

    @Test
    void marksWhatCreateWithContractRequiresAsRequired() {
        EmployeeDraft draft =
                new EmployeeDraftFactory(Map.of(), false).draftFor(Candidates.marta(), ReferenceData.EMPTY);

        assertThat(draft.fields().stream().filter(DraftField::required).map(DraftField::key))
                .containsExactlyInAnyOrder("first_name", "last_name", "personal_email");
    }

    @Test
    void theCandidatesEmailFillsTheLoginEmailWhenTheAdminChoseIt() {
        EmployeeDraft draft =
                new EmployeeDraftFactory(Map.of(), true).draftFor(Candidates.marta(), ReferenceData.EMPTY);

        assertThat(draft.value("email")).contains("marta@example.com");
        assertThat(draft.value("personal_email")).isEmpty();
        assertThat(draft.field("email").orElseThrow().required()).isTrue();
        assertThat(draft.field("email").orElseThrow().helpText())
                .as("the help text says what the login e-mail is for")
                .contains("signs in");
    }

    @Test
    void everyCandidateValueSaysWhereItCameFrom() {
        EmployeeDraft draft =
                new EmployeeDraftFactory(Map.of("teams", "10"), false).draftFor(Candidates.marta(), ONE_OF_EACH);

        assertThat(draft.field("personal_email").orElseThrow().source())
                .isEqualTo(ValueSource.candidate("Candidate's e-mail"));
        assertThat(draft.field("job_title").orElseThrow().source().origin()).isEqualTo(ValueSource.Origin.CANDIDATE);
        assertThat(draft.field("team_id").orElseThrow().source().origin()).isEqualTo(ValueSource.Origin.ADMIN_DEFAULT);
        assertThat(draft.fields().stream().filter(DraftField::hasValue).filter(field -> field.source() == null))
                .as("no preselected value without a source")
                .isEmpty();
    }

    @Test
    void neverPreselectsAChoiceJustBecauseFactorialOffersOnlyOne() {
        EmployeeDraft draft = new EmployeeDraftFactory(Map.of(), false).draftFor(Candidates.marta(), ONE_OF_EACH);

        assertThat(draft.value("legal_entity_id"))
                .as("the only legal entity is not picked silently")
                .isEmpty();
        assertThat(draft.value("location_id")).as("the only location").isEmpty();
        assertThat(draft.value("manager_id")).as("no manager nobody chose").isEmpty();
    }

    @Test
    void preselectsTheAdminsDefaultWhenFactorialOffersIt() {
        EmployeeDraft draft = new EmployeeDraftFactory(Map.of("teams", "10", "locations", "99"), false)
                .draftFor(Candidates.marta(), ONE_OF_EACH);

        assertThat(draft.value("team_id")).as("the default team").contains("10");
        assertThat(draft.value("location_id"))
                .as("a default Factorial no longer offers is ignored")
                .isEmpty();
    }

    @Test
    void drawsTheSelectsFromTheReferenceLists() {
        EmployeeDraft draft = new EmployeeDraftFactory(Map.of(), false).draftFor(Candidates.marta(), ONE_OF_EACH);

        assertThat(draft.field("legal_entity_id"))
                .get()
                .extracting(DraftField::referenceList)
                .isEqualTo("legal_entities");
        assertThat(draft.field("manager_id"))
                .get()
                .extracting(DraftField::referenceList)
                .isEqualTo("managers");
        assertThat(draft.field("gender"))
                .get()
                .satisfies(field -> assertThat(field.options())
                        .extracting(SelectOption::value)
                        .containsExactlyInAnyOrder("male", "female"));
    }

    @Test
    void leavesUnknownValuesEmpty() {
        EmployeeDraft draft = new EmployeeDraftFactory(Map.of(), false)
                .draftFor(Candidates.minimal("c-1", "ana@example.com"), ReferenceData.EMPTY);

        assertThat(draft.values()).containsOnlyKeys("first_name", "last_name", "personal_email");
    }
}
