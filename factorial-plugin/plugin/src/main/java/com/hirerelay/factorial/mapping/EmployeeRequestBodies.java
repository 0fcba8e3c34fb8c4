package com.hirerelay.factorial.mapping;

import static com.hirerelay.factorial.mapping.DraftKeys.*;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.hirerelay.api.hris.EmployeeDraft;
import com.hirerelay.factorial.client.FactorialIds;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Turns a validated draft into Factorial's request bodies: the flat {@code create_with_contract} body,
 * the contract version that carries job title and salary, and the invitation. Absent values are left
 * out rather than sent as null. Ids are written in the form the API version expects.
 *
 * <p>Stateless and thread-safe.
 */
public final class EmployeeRequestBodies {

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
    private static final List<String> TEXT_FIELDS = List.of(
            FIRST_NAME,
            LAST_NAME,
            EMAIL,
            PHONE_NUMBER,
            GENDER,
            BIRTHDAY_ON,
            ADDRESS_LINE_1,
            ADDRESS_LINE_2,
            POSTAL_CODE,
            CITY,
            STATE,
            COMPANY_IDENTIFIER);
    private static final List<String> ID_FIELDS = List.of(LEGAL_ENTITY_ID, LOCATION_ID, TEAM_ID, MANAGER_ID);

    private final boolean stringIds;

    /**
     * @param stringIds whether the API version expects ids as JSON strings (2026-07-01 and later)
     */
    public EmployeeRequestBodies(boolean stringIds) {
        this.stringIds = stringIds;
    }

    /**
     * @param draft a validated draft
     * @param companyId the company's id from the credentials
     * @return the body of {@code POST employees/employees/create_with_contract}
     */
    public ObjectNode createWithContract(EmployeeDraft draft, String companyId) {
        ObjectNode body = JSON.objectNode();
        body.set("company_id", FactorialIds.write(companyId, stringIds));
        for (String key : TEXT_FIELDS) {
            draft.value(key).ifPresent(value -> body.put(key, value));
        }
        draft.value(CONTRACT_STARTS_ON).ifPresent(start -> {
            body.put("contract_starts_on", start);
            body.put("contract_effective_on", start);
        });
        draft.value(NATIONALITY).ifPresent(code -> body.put("nationality", code.toUpperCase(Locale.ROOT)));
        draft.value(COUNTRY).ifPresent(code -> body.put("country", code.toUpperCase(Locale.ROOT)));
        for (String key : ID_FIELDS) {
            draft.value(key).ifPresent(id -> body.set(key, FactorialIds.write(id, stringIds)));
        }
        return body;
    }

    /**
     * @param draft a validated draft
     * @return whether the draft has something for a contract version (job title or salary)
     */
    public boolean needsContractVersion(EmployeeDraft draft) {
        return draft.value(JOB_TITLE).isPresent() || draft.value(SALARY_AMOUNT).isPresent();
    }

    /**
     * The contract version that records job title and salary from the start date. It copies the
     * contract version {@code create_with_contract} made, so that nothing set there is lost; whether
     * Factorial prefers a PUT on that version instead is not documented.
     *
     * @param draft a validated draft with a start date
     * @param employeeId the new employee's id
     * @return the body of {@code POST contracts/contract_versions}
     */
    public ObjectNode contractVersion(EmployeeDraft draft, String employeeId) {
        ObjectNode body = JSON.objectNode();
        body.set("employee_id", FactorialIds.write(employeeId, stringIds));
        draft.value(CONTRACT_STARTS_ON).ifPresent(start -> {
            body.put("effective_on", start);
            body.put("starts_on", start);
        });
        body.put("copy_current_contract_version", true);
        draft.value(JOB_TITLE).ifPresent(title -> body.put("job_title", title));
        salaryInCents(draft).ifPresent(cents -> {
            body.put("salary_amount", cents);
            draft.value(SALARY_FREQUENCY).ifPresent(frequency -> body.put("salary_frequency", frequency));
        });
        return body;
    }

    /**
     * @param employeeId the new employee's id
     * @param companyId the company's id
     * @return the body of {@code POST employees/employees/invite}
     */
    public ObjectNode invitation(String employeeId, String companyId) {
        ObjectNode body = JSON.objectNode();
        body.set("id", FactorialIds.write(employeeId, stringIds));
        body.set("company_id", FactorialIds.write(companyId, stringIds));
        return body;
    }

    /**
     * @param draft a draft
     * @return the salary in cents (the amount times 100, rounded half-up), when the draft has a valid one
     */
    public static Optional<Long> salaryInCents(EmployeeDraft draft) {
        return draft.value(SALARY_AMOUNT)
                .flatMap(DraftValidator::parseDecimal)
                .map(amount -> amount.movePointRight(2).setScale(0, RoundingMode.HALF_UP))
                .filter(cents -> cents.compareTo(BigDecimal.valueOf(Long.MAX_VALUE)) < 0)
                .map(BigDecimal::longValueExact);
    }
}
