package com.hirerelay.factorial.mapping;

import java.util.List;

/**
 * The keys of the Factorial employee draft. Where Factorial's request body has a name for the value,
 * the key is that name (note {@code address_line1}: the request spells it without the underscore
 * before the 1, the response with it), so that Factorial's validation messages can be attached to
 * the right input.
 */
public final class DraftKeys {

    public static final String FIRST_NAME = "first_name";
    public static final String LAST_NAME = "last_name";
    /**
     * The login e-mail: Factorial's {@code email}, which creating an employee requires and which Factorial
     * describes (from 2026-10-01) as the address the person signs in with.
     */
    public static final String EMAIL = "email";
    /** The personal e-mail, set with an update right after the create (the create has no such field). */
    public static final String PERSONAL_EMAIL = "personal_email";

    public static final String PHONE_NUMBER = "phone_number";
    /** The first working day; sent as both {@code contract_starts_on} and {@code contract_effective_on}. */
    public static final String CONTRACT_STARTS_ON = "contract_starts_on";

    public static final String JOB_TITLE = "job_title";
    /** Salary in the currency's major unit as the user types it; Factorial receives cents. */
    public static final String SALARY_AMOUNT = "salary_amount";

    public static final String SALARY_FREQUENCY = "salary_frequency";
    public static final String LEGAL_ENTITY_ID = "legal_entity_id";
    public static final String LOCATION_ID = "location_id";
    public static final String TEAM_ID = "team_id";
    public static final String MANAGER_ID = "manager_id";
    public static final String GENDER = "gender";
    public static final String BIRTHDAY_ON = "birthday_on";
    public static final String NATIONALITY = "nationality";
    public static final String ADDRESS_LINE_1 = "address_line1";
    public static final String ADDRESS_LINE_2 = "address_line_2";
    public static final String POSTAL_CODE = "postal_code";
    public static final String CITY = "city";
    public static final String STATE = "state";
    public static final String COUNTRY = "country";
    /**
     * Factorial's own employee number. Not a draft field: the plugin writes its namespaced reference there
     * only when the admin chose that store, and never a bare candidate id.
     */
    public static final String COMPANY_IDENTIFIER = "company_identifier";

    /** Reference list of legal entities. */
    public static final String LEGAL_ENTITIES = "legal_entities";
    /** Reference list of locations. */
    public static final String LOCATIONS = "locations";
    /** Reference list of teams. */
    public static final String TEAMS = "teams";
    /** Reference list of employees who manage someone. */
    public static final String MANAGERS = "managers";

    /** The id fields whose values must come from a reference list, with that list. */
    public static final List<List<String>> REFERENCED = List.of(
            List.of(LEGAL_ENTITY_ID, LEGAL_ENTITIES),
            List.of(LOCATION_ID, LOCATIONS),
            List.of(TEAM_ID, TEAMS),
            List.of(MANAGER_ID, MANAGERS));

    /** The values Factorial's spec allows for {@code gender}. */
    public static final List<String> GENDERS = List.of("male", "female");

    /**
     * The salary periods a Factorial contract version takes. Factorial's spec gives {@code yearly} as its
     * example and its app offers annual, monthly, weekly and hourly salaries; {@code salary_frequency} is a
     * free string in the spec, so anything else is refused here rather than sent and misread.
     */
    public static final List<String> SALARY_FREQUENCIES = List.of("yearly", "monthly", "weekly", "hourly");

    private DraftKeys() {}
}
