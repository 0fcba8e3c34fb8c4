package com.hirerelay.factorial.mapping;

import static com.hirerelay.factorial.mapping.DraftKeys.*;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.hirerelay.api.hris.EmployeeDraft;
import com.hirerelay.factorial.client.FactorialIds;
import com.hirerelay.factorial.identity.AtsReference;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Turns a validated draft into Factorial's request bodies: the flat {@code create_with_contract} body,
 * the update of the contract version it made (job title and salary), the personal e-mail, the ATS
 * reference, and the invitation. Absent values are left
 * out rather than sent as null. Ids are written in the form the API version expects.
 *
 * <p>Stateless and thread-safe.
 */
public final class EmployeeRequestBodies {

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
    private static final List<String> TEXT_FIELDS = List.of(
            FIRST_NAME,
            LAST_NAME,
            PHONE_NUMBER,
            GENDER,
            BIRTHDAY_ON,
            ADDRESS_LINE_1,
            ADDRESS_LINE_2,
            POSTAL_CODE,
            CITY,
            STATE);
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
     * @param companyIdentifier the reference to write as {@code company_identifier}, or null to leave the
     *                          company's employee number alone
     * @return the body of {@code POST employees/employees/create_with_contract}
     */
    public ObjectNode createWithContract(EmployeeDraft draft, String companyId, AtsReference companyIdentifier) {
        ObjectNode body = JSON.objectNode();
        body.set("company_id", FactorialIds.write(companyId, stringIds));
        for (String key : TEXT_FIELDS) {
            draft.value(key).ifPresent(value -> body.put(key, value));
        }
        loginEmail(draft).ifPresent(email -> body.put("email", email));
        if (companyIdentifier != null) {
            body.put("company_identifier", companyIdentifier.value());
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
     * @param draft a draft
     * @return what is sent as Factorial's {@code email} (the login e-mail): the login e-mail, or the personal
     *         e-mail when the user left the login e-mail empty (creating an employee needs one)
     */
    public static Optional<String> loginEmail(EmployeeDraft draft) {
        return draft.value(EMAIL).or(() -> draft.value(PERSONAL_EMAIL));
    }

    /**
     * Job title and salary on the contract version {@code create_with_contract} made, fixed in place so
     * that the new hire has exactly one version. The start date is already on it.
     *
     * @param draft a validated draft
     * @param versionId the id of that version
     * @return the body of {@code PUT contracts/contract_versions/{id}}
     */
    public ObjectNode contractVersionUpdate(EmployeeDraft draft, String versionId) {
        ObjectNode body = JSON.objectNode();
        body.set("id", FactorialIds.write(versionId, stringIds));
        draft.value(JOB_TITLE).ifPresent(title -> body.put("job_title", title));
        salaryInCents(draft).ifPresent(cents -> {
            body.put("salary_amount", cents);
            draft.value(SALARY_FREQUENCY).ifPresent(frequency -> body.put("salary_frequency", frequency));
        });
        return body;
    }

    /**
     * @param employeeId the new employee
     * @param personalEmail the personal e-mail
     * @return the body of {@code PUT employees/employees/{id}} that sets the personal e-mail
     */
    public ObjectNode personalEmail(String employeeId, String personalEmail) {
        ObjectNode body = JSON.objectNode();
        body.set("id", FactorialIds.write(employeeId, stringIds));
        body.put("personal_email", personalEmail);
        return body;
    }

    /**
     * @param employeeId an employee whose number is empty
     * @param reference the reference
     * @return the body of {@code PUT employees/employees/{id}} that writes the reference as the number
     */
    public ObjectNode companyIdentifier(String employeeId, AtsReference reference) {
        ObjectNode body = JSON.objectNode();
        body.set("id", FactorialIds.write(employeeId, stringIds));
        body.put("company_identifier", reference.value());
        return body;
    }

    /**
     * @param fieldId the reference custom field
     * @param employeeId the employee
     * @param reference the reference
     * @return the body of {@code POST custom_fields/values}
     */
    public ObjectNode referenceValue(String fieldId, String employeeId, AtsReference reference) {
        ObjectNode body = JSON.objectNode();
        body.set("field_id", FactorialIds.write(fieldId, stringIds));
        body.put("valuable_type", "Employee");
        body.set("valuable_id", FactorialIds.write(employeeId, stringIds));
        body.put("value", reference.value());
        return body;
    }

    /**
     * A plain, optional text field for the reference, created only when the admin allowed it.
     *
     * @param companyId the company
     * @param label the label
     * @return the body of {@code POST custom_fields/fields}
     */
    public ObjectNode referenceField(String companyId, String label) {
        ObjectNode body = JSON.objectNode();
        body.set("company_id", FactorialIds.write(companyId, stringIds));
        body.put("field_type", "text");
        body.put("label", label);
        body.put("required", false);
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
