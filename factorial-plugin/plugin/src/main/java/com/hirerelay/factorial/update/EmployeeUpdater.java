package com.hirerelay.factorial.update;

import static com.hirerelay.factorial.mapping.DraftKeys.*;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.hirerelay.api.HrisException;
import com.hirerelay.api.RemoteRejectedException;
import com.hirerelay.api.hris.ContractChange;
import com.hirerelay.api.hris.EmployeeDraft;
import com.hirerelay.api.hris.EmployeeValues;
import com.hirerelay.api.hris.FieldChange;
import com.hirerelay.api.hris.FieldUpdateOutcome;
import com.hirerelay.api.hris.FieldUpdateStatus;
import com.hirerelay.api.hris.UpdatableField;
import com.hirerelay.api.hris.UpdateOptions;
import com.hirerelay.api.hris.UpdateResult;
import com.hirerelay.factorial.client.FactorialApi;
import com.hirerelay.factorial.client.FactorialIds;
import com.hirerelay.factorial.client.PostOutcomeUnknownException;
import com.hirerelay.factorial.client.UnprocessableEntityException;
import com.hirerelay.factorial.mapping.EmployeeRequestBodies;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads and changes an existing Factorial employee by the routes of {@code factorial-api-round2.md} section 2:
 * person fields by {@code PUT employees/employees/{id}}; start date, job title and salary on a contract version
 * (the current one corrected with {@code PUT contracts/contract_versions/{id}}, or a new one from a date with
 * {@code POST contracts/contract_versions}, copying the current one); the login e-mail and the team not at all,
 * since Factorial's update takes neither.
 *
 * <p>Stateless and thread-safe.
 */
public final class EmployeeUpdater {

    private static final Logger LOG = LoggerFactory.getLogger(EmployeeUpdater.class);
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    /** Draft key to the name Factorial's employee update and employee record use for it. */
    private static final Map<String, String> EMPLOYEE_FIELDS = employeeFields();

    private static final List<String> ID_FIELDS = List.of(LEGAL_ENTITY_ID, LOCATION_ID, MANAGER_ID);
    private static final List<String> UPPER_CASE = List.of(NATIONALITY, COUNTRY);
    private static final List<String> CONTRACT_FIELDS =
            List.of(CONTRACT_STARTS_ON, JOB_TITLE, SALARY_AMOUNT, SALARY_FREQUENCY);

    static final String LOGIN_EMAIL_REASON = "Factorial does not let an integration change the login e-mail after"
            + " the employee is created. Change it in Factorial, in the employee's account settings.";
    static final String TEAM_REASON = "Factorial keeps teams apart from the employee record, and HireRelay does not"
            + " move employees between teams. Change the team in Factorial.";

    private static Map<String, String> employeeFields() {
        Map<String, String> fields = new LinkedHashMap<>();
        for (String key : List.of(
                FIRST_NAME,
                LAST_NAME,
                PERSONAL_EMAIL,
                PHONE_NUMBER,
                GENDER,
                BIRTHDAY_ON,
                NATIONALITY,
                ADDRESS_LINE_2,
                POSTAL_CODE,
                CITY,
                STATE,
                COUNTRY,
                LEGAL_ENTITY_ID,
                LOCATION_ID,
                MANAGER_ID)) {
            fields.put(key, key);
        }
        // create spells it address_line1, the update and the record address_line_1
        fields.put(ADDRESS_LINE_1, "address_line_1");
        return Map.copyOf(fields);
    }

    /**
     * @param key a draft key
     * @return how Factorial takes a change to it
     */
    public static UpdatableField route(String key) {
        if (EMPLOYEE_FIELDS.containsKey(key)) {
            return UpdatableField.employeeField(key);
        }
        if (CONTRACT_FIELDS.contains(key)) {
            return UpdatableField.contractField(key);
        }
        if (key.equals(EMAIL)) {
            return UpdatableField.readOnly(key, LOGIN_EMAIL_REASON);
        }
        if (key.equals(TEAM_ID)) {
            return UpdatableField.readOnly(key, TEAM_REASON);
        }
        return UpdatableField.readOnly(key, "Factorial's connector cannot change this field after the export.");
    }

    /**
     * Reads the employee record and the contract version that applies to it.
     *
     * @throws RemoteRejectedException 404 when Factorial no longer lists the employee
     */
    public EmployeeValues read(FactorialApi api, String employeeId, EmployeeDraft draft) {
        JsonNode employee = employee(api, employeeId);
        Optional<JsonNode> contract = api.referenceContract(employeeId);
        Map<String, String> values = new LinkedHashMap<>();
        List<UpdatableField> fields = new ArrayList<>();
        for (var field : draft.fields()) {
            String key = field.key();
            fields.add(route(key));
            Optional<String> value = EMPLOYEE_FIELDS.containsKey(key)
                    ? text(employee, EMPLOYEE_FIELDS.get(key))
                    : switch (key) {
                        case EMAIL -> text(employee, "login_email").or(() -> text(employee, "email"));
                        case TEAM_ID -> Optional.empty();
                        case CONTRACT_STARTS_ON -> contract.flatMap(c -> text(c, "starts_on"));
                        case JOB_TITLE -> contract.flatMap(c -> text(c, "job_title"));
                        case SALARY_FREQUENCY -> contract.flatMap(c -> text(c, "salary_frequency"));
                        case SALARY_AMOUNT ->
                            contract.flatMap(c -> Optional.ofNullable(c.get("salary_amount")))
                                    .filter(JsonNode::isIntegralNumber)
                                    .map(cents -> BigDecimal.valueOf(cents.longValue())
                                            .movePointLeft(2)
                                            .stripTrailingZeros()
                                            .toPlainString());
                        default -> Optional.empty();
                    };
            if (ID_FIELDS.contains(key)) {
                value = Optional.ofNullable(FactorialIds.read(employee.get(EMPLOYEE_FIELDS.get(key))));
            }
            value.ifPresent(v -> values.put(key, v));
        }
        LocalDate contractFrom = contract.flatMap(c -> text(c, "effective_on"))
                .flatMap(EmployeeUpdater::date)
                .orElse(null);
        return new EmployeeValues(employeeId, values, fields, contractFrom);
    }

    /**
     * Sends the changes, employee fields in one update and contract fields on one version; a group that fails
     * marks its fields failed and the other group still goes. The caller has validated the values.
     *
     * @throws RemoteRejectedException 404 when Factorial no longer lists the employee; nothing was sent
     */
    public UpdateResult update(
            FactorialApi api,
            boolean stringIds,
            String employeeId,
            EmployeeDraft draft,
            List<FieldChange> changes,
            UpdateOptions options) {
        employee(api, employeeId);
        Map<String, FieldUpdateOutcome> outcomes = new LinkedHashMap<>();
        ObjectNode person = JSON.objectNode();
        ObjectNode contract = JSON.objectNode();
        List<String> personKeys = new ArrayList<>();
        List<String> contractKeys = new ArrayList<>();
        for (FieldChange change : changes) {
            UpdatableField route = route(change.key());
            outcomes.put(change.key(), null);
            switch (route.route()) {
                case READ_ONLY ->
                    outcomes.put(
                            change.key(),
                            new FieldUpdateOutcome(change.key(), FieldUpdateStatus.READ_ONLY, route.reason()));
                case EMPLOYEE_FIELD -> {
                    personKeys.add(change.key());
                    String name = EMPLOYEE_FIELDS.get(change.key());
                    if (ID_FIELDS.contains(change.key())) {
                        person.set(name, FactorialIds.write(change.value(), stringIds));
                    } else if (UPPER_CASE.contains(change.key())) {
                        person.put(name, change.value().toUpperCase(Locale.ROOT));
                    } else {
                        person.put(name, change.value());
                    }
                }
                case CONTRACT_FIELD -> {
                    contractKeys.add(change.key());
                    putContractField(contract, change, draft);
                }
            }
        }
        if (!personKeys.isEmpty()) {
            person.set("id", FactorialIds.write(employeeId, stringIds));
            String failure = send(() -> api.updateEmployee(employeeId, person));
            record(outcomes, personKeys, failure);
        }
        if (!contractKeys.isEmpty()) {
            String failure = send(() -> sendContract(api, stringIds, employeeId, contract, options));
            record(outcomes, contractKeys, failure);
        }
        LOG.info(
                "Updated Factorial employee {}: {}",
                employeeId,
                outcomes.values().stream()
                        .map(outcome -> outcome.key() + " " + outcome.status())
                        .toList());
        return new UpdateResult(employeeId, List.copyOf(outcomes.values()));
    }

    private static void putContractField(ObjectNode contract, FieldChange change, EmployeeDraft draft) {
        switch (change.key()) {
            case CONTRACT_STARTS_ON -> contract.put("starts_on", change.value());
            case JOB_TITLE -> contract.put("job_title", change.value());
            case SALARY_FREQUENCY -> contract.put("salary_frequency", change.value());
            case SALARY_AMOUNT -> {
                EmployeeRequestBodies.salaryInCents(draft.withValues(Map.of(SALARY_AMOUNT, change.value())))
                        .ifPresent(cents -> contract.put("salary_amount", cents));
                // a version's first salary needs its period with it
                if (!contract.has("salary_frequency")) {
                    draft.value(SALARY_FREQUENCY).ifPresent(period -> contract.put("salary_frequency", period));
                }
            }
            default -> throw new IllegalArgumentException("not a contract field: " + change.key());
        }
    }

    /**
     * A correction rewrites the version that applies now (and its effective day too when a first version's
     * start moves); a new version starts on the chosen day, unless one already does, which is then corrected,
     * so that sending the same change twice never makes two versions.
     */
    private void sendContract(
            FactorialApi api, boolean stringIds, String employeeId, ObjectNode fields, UpdateOptions options) {
        JsonNode current = api.referenceContract(employeeId)
                .orElseThrow(() -> new RemoteRejectedException(404, "Factorial shows no contract for the employee"));
        String currentId = FactorialIds.read(current.get("id"));
        if (options.contractChange() == ContractChange.CORRECT_CURRENT) {
            ObjectNode body = fields.deepCopy();
            body.set("id", FactorialIds.write(currentId, stringIds));
            String startsOn = text(current, "starts_on").orElse(null);
            String effectiveOn = text(current, "effective_on").orElse(null);
            if (fields.has("starts_on") && effectiveOn != null && effectiveOn.equals(startsOn)) {
                body.put("effective_on", fields.get("starts_on").asText());
            }
            api.updateContractVersion(currentId, body);
            return;
        }
        String day = options.effectiveOn().toString();
        Optional<JsonNode> sameDay = api.contractVersions(employeeId).stream()
                .filter(version -> text(version, "effective_on").orElse("").equals(day))
                .findFirst();
        if (sameDay.isPresent()) {
            String id = FactorialIds.read(sameDay.get().get("id"));
            ObjectNode body = fields.deepCopy();
            body.set("id", FactorialIds.write(id, stringIds));
            LOG.info("Factorial employee {} has a contract version from {} already; correcting it", employeeId, day);
            api.updateContractVersion(id, body);
            return;
        }
        ObjectNode body = fields.deepCopy();
        body.set("employee_id", FactorialIds.write(employeeId, stringIds));
        body.put("effective_on", day);
        if (!body.has("starts_on")) {
            body.put("starts_on", text(current, "starts_on").orElse(day));
        }
        body.put("copy_current_contract_version", true);
        api.createContractVersion(body);
    }

    /** @return null when the call went through, else why not, for people */
    private static String send(Runnable call) {
        try {
            call.run();
            return null;
        } catch (UnprocessableEntityException refused) {
            return "Factorial refused it: " + refused.body().summary("no reason given") + ".";
        } catch (PostOutcomeUnknownException lost) {
            return "Factorial did not confirm it (" + lost.getMessage() + "). Look at the employee in Factorial"
                    + " before sending it again.";
        } catch (HrisException failed) {
            return failed.getMessage();
        }
    }

    private static void record(Map<String, FieldUpdateOutcome> outcomes, List<String> keys, String failure) {
        for (String key : keys) {
            outcomes.put(
                    key, failure == null ? FieldUpdateOutcome.updated(key) : FieldUpdateOutcome.failed(key, failure));
        }
    }

    private static JsonNode employee(FactorialApi api, String employeeId) {
        if (employeeId == null || !employeeId.matches("\\d{1,19}")) {
            throw new RemoteRejectedException(404, "Factorial has no employee " + employeeId);
        }
        return api.employeeRecord(employeeId)
                .orElseThrow(() -> new RemoteRejectedException(
                        404,
                        "Factorial no longer lists employee " + employeeId + ". It may have been deleted; export"
                                + " the candidate again to create or link the employee."));
    }

    private static Optional<String> text(JsonNode node, String name) {
        JsonNode value = node == null ? null : node.get(name);
        if (value == null || !value.isValueNode() || value.isNull()) {
            return Optional.empty();
        }
        String text = value.asText().strip();
        return text.isEmpty() ? Optional.empty() : Optional.of(text);
    }

    private static Optional<LocalDate> date(String text) {
        try {
            return Optional.of(LocalDate.parse(text));
        } catch (DateTimeParseException notADate) {
            return Optional.empty();
        }
    }
}
