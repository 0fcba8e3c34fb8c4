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
import com.hirerelay.api.hris.ValueSource;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The default mapping of a hired candidate to a Factorial employee draft. Required are the fields
 * {@code create_with_contract} requires (first and last name, an e-mail; the company id is added when
 * sending). Every value says where it came from ({@link DraftField#source()}): the candidate, or an admin's
 * default from the connect form. Nothing is preselected for any other reason: a manager, team, location
 * or legal entity is empty unless the admin set a default, even when Factorial offers only one.
 *
 * <p>The candidate's e-mail fills the login e-mail or the personal e-mail, as the admin chose.
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
            new SelectOption("hourly", "Per hour"));
    private static final ValueSource PROFILE = ValueSource.candidate("Candidate profile");
    private static final ValueSource CANDIDATE_EMAIL = ValueSource.candidate("Candidate's e-mail");
    private static final ValueSource OFFER = ValueSource.candidate("Candidate's offer");
    private static final ValueSource ADMIN_DEFAULT = ValueSource.adminDefault("Admin default (Factorial settings)");

    private static final Map<String, DraftSection> SECTIONS = Map.of(
            CONTRACT_STARTS_ON, DraftSection.JOB_AND_CONTRACT,
            JOB_TITLE, DraftSection.JOB_AND_CONTRACT,
            SALARY_AMOUNT, DraftSection.JOB_AND_CONTRACT,
            SALARY_FREQUENCY, DraftSection.JOB_AND_CONTRACT,
            LEGAL_ENTITY_ID, DraftSection.PLACEMENT,
            LOCATION_ID, DraftSection.PLACEMENT,
            TEAM_ID, DraftSection.PLACEMENT,
            MANAGER_ID, DraftSection.PLACEMENT);

    private final Map<String, String> defaults;
    private final boolean candidateEmailIsLogin;

    /**
     * @param defaults reference list name ({@link DraftKeys#LEGAL_ENTITIES}, ...) to the id the admin
     *                 chose as default; never null
     * @param candidateEmailIsLogin whether the candidate's e-mail fills the login e-mail (otherwise the
     *                              personal e-mail)
     */
    public EmployeeDraftFactory(Map<String, String> defaults, boolean candidateEmailIsLogin) {
        this.defaults = Map.copyOf(defaults);
        this.candidateEmailIsLogin = candidateEmailIsLogin;
    }

    /**
     * @param candidate the hired candidate
     * @param reference Factorial's choices, to check the admin's defaults against
     * @return the draft
     */
    public EmployeeDraft draftFor(Candidate candidate, ReferenceData reference) {
        Offer offer = candidate.offer();
        Salary salary = offer.salary();
        PostalAddress address = candidate.address();
        List<DraftField> fields = new ArrayList<>();
        fields.add(text(FIRST_NAME, "First name", candidate.firstName(), PROFILE)
                .asRequired()
                .withMaxLength(100));
        fields.add(text(LAST_NAME, "Last name", candidate.lastName(), PROFILE)
                .asRequired()
                .withMaxLength(100));
        DraftField login = DraftField.of(EMAIL, "Login e-mail", DraftFieldType.EMAIL)
                .withMaxLength(254)
                .withHelpText("The address the person signs in to Factorial with; Factorial's invitation goes"
                        + " there. Creating an employee needs one: left empty, the personal e-mail is sent as the"
                        + " login e-mail.");
        DraftField personal = DraftField.of(PERSONAL_EMAIL, "Personal e-mail", DraftFieldType.EMAIL)
                .withMaxLength(254)
                .withHelpText("Stored on the Factorial profile as the personal e-mail, right after the employee"
                        + " is created. Not used to sign in.");
        if (candidateEmailIsLogin) {
            login = login.asRequired().withValue(candidate.email(), CANDIDATE_EMAIL);
        } else {
            personal = personal.asRequired().withValue(candidate.email(), CANDIDATE_EMAIL);
        }
        fields.add(login);
        fields.add(personal);
        fields.add(DraftField.of(PHONE_NUMBER, "Phone number", DraftFieldType.PHONE)
                .withValue(candidate.phone(), PROFILE)
                .withMaxLength(30));
        fields.add(date(CONTRACT_STARTS_ON, "Start date", offer.startDate(), OFFER)
                .withHelpText("The first working day; the contract Factorial creates with the employee takes"
                        + " effect that day."));
        fields.add(text(JOB_TITLE, "Job title", offer.jobTitle(), OFFER)
                .withMaxLength(150)
                .withHelpText("Set on the contract Factorial creates with the employee, with the salary."));
        fields.add(DraftField.of(SALARY_AMOUNT, "Salary", DraftFieldType.DECIMAL)
                .withValue(
                        salary == null
                                ? null
                                : salary.amount().stripTrailingZeros().toPlainString(),
                        OFFER)
                .withHelpText(
                        salary == null
                                ? "Gross amount per period, such as 45000.00. Factorial receives it in cents."
                                : "Gross amount in " + salary.currency().getCurrencyCode()
                                        + " per period, as offered. Factorial receives it in cents."));
        fields.add(DraftField.of(SALARY_FREQUENCY, "Salary period", DraftFieldType.SELECT)
                .withOptions(FREQUENCY_OPTIONS)
                .withValue(salary == null ? null : salary.period().name().toLowerCase(Locale.ROOT), OFFER)
                .withHelpText("Factorial's contracts take a yearly, monthly, weekly or hourly salary."));
        fields.add(reference(LEGAL_ENTITY_ID, "Legal entity", LEGAL_ENTITIES, reference)
                .withHelpText("The company entity that employs the person."));
        fields.add(reference(LOCATION_ID, "Location", LOCATIONS, reference));
        fields.add(reference(TEAM_ID, "Team", TEAMS, reference));
        fields.add(reference(MANAGER_ID, "Manager", MANAGERS, reference)
                .withHelpText("Left empty unless you choose one."));
        fields.add(DraftField.of(GENDER, "Gender", DraftFieldType.SELECT)
                .withOptions(GENDER_OPTIONS)
                .withHelpText("Optional. Factorial accepts only these values."));
        fields.add(date(BIRTHDAY_ON, "Date of birth", candidate.birthday(), PROFILE));
        fields.add(country(NATIONALITY, "Nationality", candidate.nationality(), PROFILE));
        fields.add(text(ADDRESS_LINE_1, "Address", address.line1(), PROFILE).withMaxLength(255));
        fields.add(text(ADDRESS_LINE_2, "Address (line 2)", address.line2(), PROFILE)
                .withMaxLength(255));
        fields.add(
                text(POSTAL_CODE, "Postal code", address.postalCode(), PROFILE).withMaxLength(20));
        fields.add(text(CITY, "City", address.city(), PROFILE).withMaxLength(100));
        fields.add(text(STATE, "State or province", address.state(), PROFILE).withMaxLength(100));
        fields.add(country(COUNTRY, "Country", address.country(), PROFILE));
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

    /** Preselected only from the admin's default, and only while Factorial still offers it. */
    private DraftField reference(String key, String label, String list, ReferenceData reference) {
        DraftField field = DraftField.of(key, label, DraftFieldType.SELECT).withReferenceList(list);
        String preferred = defaults.get(list);
        if (preferred != null && reference.contains(list, preferred)) {
            return field.withValue(preferred, ADMIN_DEFAULT);
        }
        return field;
    }

    private static DraftField text(String key, String label, String value, ValueSource source) {
        return DraftField.of(key, label, DraftFieldType.TEXT).withValue(value, source);
    }

    private static DraftField date(String key, String label, LocalDate value, ValueSource source) {
        return DraftField.of(key, label, DraftFieldType.DATE)
                .withValue(value == null ? null : value.toString(), source);
    }

    private static DraftField country(String key, String label, String code, ValueSource source) {
        return DraftField.of(key, label, DraftFieldType.COUNTRY).withValue(upper(code), source);
    }

    private static String upper(String code) {
        return code == null ? null : code.strip().toUpperCase(Locale.ROOT);
    }
}
