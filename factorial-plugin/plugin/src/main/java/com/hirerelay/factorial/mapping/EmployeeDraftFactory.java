package com.hirerelay.factorial.mapping;

import static com.hirerelay.factorial.mapping.DraftKeys.*;

import com.hirerelay.api.SelectOption;
import com.hirerelay.api.candidate.Candidate;
import com.hirerelay.api.candidate.Offer;
import com.hirerelay.api.candidate.PostalAddress;
import com.hirerelay.api.candidate.Salary;
import com.hirerelay.api.hris.DraftField;
import com.hirerelay.api.hris.DraftFieldType;
import com.hirerelay.api.hris.DraftSection;
import com.hirerelay.api.hris.EmployeeDraft;
import com.hirerelay.api.hris.ReferenceData;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The default mapping of a hired candidate to a Factorial employee draft. Required are the fields
 * {@code create_with_contract} requires (first and last name, e-mail; the company id is added when
 * sending). Legal entity, location, team and manager are preselected when Factorial offers only one,
 * or from the admin's default when it is among Factorial's choices.
 *
 * <p>Stateless and thread-safe.
 */
public final class EmployeeDraftFactory {

    private static final List<SelectOption> GENDER_OPTIONS =
            List.of(new SelectOption("female", "Female"), new SelectOption("male", "Male"));
    private static final List<SelectOption> FREQUENCY_OPTIONS = List.of(
            new SelectOption("yearly", "Per year"),
            new SelectOption("monthly", "Per month"),
            new SelectOption("weekly", "Per week"),
            new SelectOption("daily", "Per day"),
            new SelectOption("hourly", "Per hour"));

    private static final Map<String, DraftSection> SECTIONS = Map.of(
            CONTRACT_STARTS_ON, DraftSection.JOB_AND_CONTRACT,
            JOB_TITLE, DraftSection.JOB_AND_CONTRACT,
            SALARY_AMOUNT, DraftSection.JOB_AND_CONTRACT,
            SALARY_FREQUENCY, DraftSection.JOB_AND_CONTRACT,
            LEGAL_ENTITY_ID, DraftSection.PLACEMENT,
            LOCATION_ID, DraftSection.PLACEMENT,
            TEAM_ID, DraftSection.PLACEMENT,
            MANAGER_ID, DraftSection.PLACEMENT,
            COMPANY_IDENTIFIER, DraftSection.PLACEMENT);

    private final Map<String, String> defaults;

    /**
     * @param defaults reference list name ({@link DraftKeys#LEGAL_ENTITIES}, ...) to the id the admin
     *                 chose as default; never null
     */
    public EmployeeDraftFactory(Map<String, String> defaults) {
        this.defaults = Map.copyOf(defaults);
    }

    /**
     * @param candidate the hired candidate
     * @param reference Factorial's choices, for preselection
     * @return the draft
     */
    public EmployeeDraft draftFor(Candidate candidate, ReferenceData reference) {
        Offer offer = candidate.offer();
        Salary salary = offer.salary();
        PostalAddress address = candidate.address();
        List<DraftField> fields = new ArrayList<>();
        fields.add(text(FIRST_NAME, "First name", candidate.firstName())
                .asRequired()
                .withMaxLength(100));
        fields.add(
                text(LAST_NAME, "Last name", candidate.lastName()).asRequired().withMaxLength(100));
        fields.add(DraftField.of(EMAIL, "E-mail", DraftFieldType.EMAIL)
                .asRequired()
                .withValue(candidate.email())
                .withMaxLength(254)
                .withHelpText("Factorial stores it as the personal e-mail and uses it to recognise the person."));
        fields.add(DraftField.of(PHONE_NUMBER, "Phone number", DraftFieldType.PHONE)
                .withValue(candidate.phone())
                .withMaxLength(30));
        fields.add(date(CONTRACT_STARTS_ON, "Start date", offer.startDate())
                .withHelpText("The first working day; also the date the first contract takes effect."));
        fields.add(text(JOB_TITLE, "Job title", offer.jobTitle())
                .withMaxLength(150)
                .withHelpText("Recorded on the contract together with the salary."));
        fields.add(DraftField.of(SALARY_AMOUNT, "Salary", DraftFieldType.DECIMAL)
                .withValue(
                        salary == null
                                ? null
                                : salary.amount().stripTrailingZeros().toPlainString())
                .withHelpText(
                        salary == null
                                ? "Gross amount per period, such as 45000.00. Factorial receives it in cents."
                                : "Gross amount in " + salary.currency().getCurrencyCode()
                                        + " per period, as offered. Factorial receives it in cents."));
        fields.add(DraftField.of(SALARY_FREQUENCY, "Salary period", DraftFieldType.SELECT)
                .withOptions(FREQUENCY_OPTIONS)
                .withValue(salary == null ? null : salary.period().name().toLowerCase(Locale.ROOT)));
        fields.add(reference(LEGAL_ENTITY_ID, "Legal entity", LEGAL_ENTITIES, reference)
                .withHelpText("The company entity that employs the person."));
        fields.add(reference(LOCATION_ID, "Location", LOCATIONS, reference));
        fields.add(reference(TEAM_ID, "Team", TEAMS, reference));
        fields.add(reference(MANAGER_ID, "Manager", MANAGERS, reference));
        fields.add(DraftField.of(GENDER, "Gender", DraftFieldType.SELECT)
                .withOptions(GENDER_OPTIONS)
                .withHelpText("Optional. Factorial accepts only these values."));
        fields.add(date(BIRTHDAY_ON, "Date of birth", candidate.birthday()));
        fields.add(country(NATIONALITY, "Nationality", candidate.nationality()));
        fields.add(text(ADDRESS_LINE_1, "Address", address.line1()).withMaxLength(255));
        fields.add(text(ADDRESS_LINE_2, "Address (line 2)", address.line2()).withMaxLength(255));
        fields.add(text(POSTAL_CODE, "Postal code", address.postalCode()).withMaxLength(20));
        fields.add(text(CITY, "City", address.city()).withMaxLength(100));
        fields.add(text(STATE, "State or province", address.state()).withMaxLength(100));
        fields.add(country(COUNTRY, "Country", address.country()));
        fields.add(text(COMPANY_IDENTIFIER, "Employee number", candidate.id())
                .withMaxLength(100)
                .withHelpText("Set to the candidate's id here, so that a later export finds this employee."));
        return new EmployeeDraft(candidate.id(), fields, sections(fields));
    }

    /** The offer's terms and the company's structure each get a section; the rest describes the person. */
    private static Map<String, DraftSection> sections(List<DraftField> fields) {
        Map<String, DraftSection> sections = new LinkedHashMap<>();
        for (DraftField field : fields) {
            sections.put(field.key(), SECTIONS.getOrDefault(field.key(), DraftSection.PERSON));
        }
        return sections;
    }

    private DraftField reference(String key, String label, String list, ReferenceData reference) {
        DraftField field = DraftField.of(key, label, DraftFieldType.SELECT).withReferenceList(list);
        List<SelectOption> options = reference.options(list);
        String preferred = defaults.get(list);
        if (preferred != null && reference.contains(list, preferred)) {
            return field.withValue(preferred);
        }
        return options.size() == 1 ? field.withValue(options.get(0).value()) : field;
    }

    private static DraftField text(String key, String label, String value) {
        return DraftField.of(key, label, DraftFieldType.TEXT).withValue(value);
    }

    private static DraftField date(String key, String label, LocalDate value) {
        return DraftField.of(key, label, DraftFieldType.DATE).withValue(value == null ? null : value.toString());
    }

    private static DraftField country(String key, String label, String code) {
        return DraftField.of(key, label, DraftFieldType.COUNTRY).withValue(upper(code));
    }

    private static String upper(String code) {
        return code == null ? null : code.strip().toUpperCase(Locale.ROOT);
    }
}
