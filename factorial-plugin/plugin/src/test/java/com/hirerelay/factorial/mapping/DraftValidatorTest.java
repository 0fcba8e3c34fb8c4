package com.hirerelay.factorial.mapping;

import static org.assertj.core.api.Assertions.assertThat;

import com.hirerelay.api.FieldError;
import com.hirerelay.api.SelectOption;
import com.hirerelay.api.hris.DraftField;
import com.hirerelay.api.hris.EmployeeDraft;
import com.hirerelay.api.hris.ReferenceData;
import com.hirerelay.factorial.testing.Candidates;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

class DraftValidatorTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 8, 20);
    private static final ReferenceData REFERENCE = new ReferenceData(Map.of(
            "legal_entities", List.of(new SelectOption("7", "Acme S.L.")),
            "locations", List.of(new SelectOption("3", "Barcelona HQ")),
            "teams", List.of(new SelectOption("9", "Engineering")),
            "managers", List.of(new SelectOption("12", "Laura Boss"))));

    private final DraftValidator validator = new DraftValidator();

    private static EmployeeDraft martasDraft() {
        return new EmployeeDraftFactory(Map.of(), true).draftFor(Candidates.marta(), REFERENCE);
    }

    private List<FieldError> validate(Map<String, String> edits) {
        return validator.validate(martasDraft().withValues(edits), REFERENCE, TODAY);
    }

    private static Map<String, String> edits(String... keyValues) {
        Map<String, String> edits = new HashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            edits.put(keyValues[i], keyValues[i + 1]);
        }
        return edits;
    }

    @Test
    void acceptsTheDefaultDraftOfAFullCandidate() {
        assertThat(validate(Map.of()))
                .as("the default mapping of a complete candidate is valid")
                .isEmpty();
    }

    @Test
    void requiresNameAndEmail() {
        assertThat(validate(edits("first_name", "", "email", " ")))
                .extracting(FieldError::field)
                .containsExactly("first_name", "email");
    }

    @Test
    void refusesAMalformedEmail() {
        assertThat(validate(edits("email", "marta@")))
                .singleElement()
                .satisfies(error -> assertThat(error.field()).isEqualTo("email"));
    }

    @Test
    void refusesDatesThatAreNotIsoOrDoNotExist() {
        assertThat(validate(edits("contract_starts_on", "01/09/2026", "birthday_on", "1995-02-30")))
                .extracting(FieldError::field)
                .containsExactly("contract_starts_on", "birthday_on");
    }

    @Test
    void refusesImplausibleDates() {
        assertThat(validate(edits("birthday_on", "2020-01-01")))
                .as("a six-year-old")
                .extracting(FieldError::field)
                .containsExactly("birthday_on");
        assertThat(validate(edits("contract_starts_on", "2036-01-01")))
                .as("ten years ahead")
                .extracting(FieldError::field)
                .containsExactly("contract_starts_on");
    }

    @Test
    void refusesAGenderOutsideTheAllowedSet() {
        assertThat(validate(edits("gender", "other")))
                .extracting(FieldError::field)
                .containsExactly("gender");
        assertThat(validate(edits("gender", "female"))).isEmpty();
    }

    @Test
    void refusesIdsThatAreNotAmongTheReferenceData() {
        assertThat(validate(edits("legal_entity_id", "8", "team_id", "9", "manager_id", "99")))
                .extracting(FieldError::field)
                .containsExactly("legal_entity_id", "manager_id");
    }

    @Test
    void leavesIdsToFactorialWhenTheReferenceDataIsUnknown() {
        EmployeeDraft draft = martasDraft().withValues(Map.of("legal_entity_id", "8"));

        assertThat(validator.validate(draft, null, TODAY)).isEmpty();
    }

    @Test
    void needsSalaryAmountAndPeriodTogether() {
        assertThat(validate(edits("salary_frequency", "")))
                .extracting(FieldError::field)
                .containsExactly("salary_frequency");
        assertThat(validate(edits("salary_amount", "")))
                .extracting(FieldError::field)
                .containsExactly("salary_amount");
    }

    @Test
    void needsAStartDateForJobTitleOrSalary() {
        assertThat(validate(edits("contract_starts_on", "")))
                .extracting(FieldError::field)
                .containsExactly("contract_starts_on");
    }

    @Test
    void refusesMalformedAmountsAndCountryCodes() {
        assertThat(validate(edits("salary_amount", "45.000,00", "nationality", "Spain", "country", "XX")))
                .extracting(FieldError::field)
                .containsExactly("salary_amount", "nationality", "country");
        assertThat(validate(edits("salary_amount", "-5")))
                .extracting(FieldError::field)
                .containsExactly("salary_amount");
    }

    @Test
    void reportsAtMostOneErrorPerField() {
        List<FieldError> errors = validate(edits("birthday_on", "nonsense", "email", "x"));

        assertThat(errors).extracting(FieldError::field).doesNotHaveDuplicates();
    }

    @Property(tries = 3000)
    void neverThrowsAndNamesOnlyDraftFields(@ForAll("edits") Map<String, String> edits) {
        EmployeeDraft draft = martasDraft().withValues(edits);

        List<FieldError> errors = validator.validate(draft, REFERENCE, TODAY);

        assertThat(errors)
                .extracting(FieldError::field)
                .doesNotHaveDuplicates()
                .allSatisfy(field -> assertThat(draft.field(field))
                        .as("error for unknown field %s", field)
                        .isPresent());
    }

    @Provide
    Arbitrary<Map<String, String>> edits() {
        List<String> keys = martasDraft().fields().stream().map(DraftField::key).toList();
        Arbitrary<String> values = Arbitraries.oneOf(
                Arbitraries.strings().ofMaxLength(40),
                Arbitraries.of(
                        "",
                        " ",
                        "2026-02-30",
                        "1995-02-14",
                        "9999-12-31",
                        "0000-01-01",
                        "-1",
                        "1e9",
                        "45000.005",
                        "male",
                        "other",
                        "7",
                        "ES",
                        "es",
                        "a@b.co",
                        "@",
                        "+34 600",
                        "99999999999999999999"));
        return Arbitraries.maps(Arbitraries.of(keys), values).ofMaxSize(8);
    }

    @Test
    void aSalaryPeriodFactorialsContractsDoNotTakeIsAFieldError() {
        List<FieldError> errors = validate(edits("salary_frequency", "daily"));

        assertThat(errors)
                .as("daily is not a period of a Factorial contract: refused, not sent")
                .singleElement()
                .satisfies(error -> {
                    assertThat(error.field()).isEqualTo("salary_frequency");
                    assertThat(error.message()).contains("yearly, monthly, weekly or hourly");
                });
    }

    @Test
    void oneOfTheTwoEmailsIsNeeded() {
        assertThat(validate(edits("email", "", "personal_email", "marta@home.example")))
                .as("the personal e-mail alone is enough")
                .extracting(FieldError::field)
                .doesNotContain("personal_email");
        assertThat(validate(edits("email", "", "personal_email", "")))
                .extracting(FieldError::field)
                .contains("email");
    }
}
