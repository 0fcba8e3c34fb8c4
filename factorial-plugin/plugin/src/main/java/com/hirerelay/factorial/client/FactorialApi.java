package com.hirerelay.factorial.client;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The Factorial resources the plugin uses, over a {@link FactorialClient}: what each path means and how
 * its answer is read. Reading is tolerant: ids may be numbers or strings, a single record may arrive at
 * the top level or inside {@code data}, and fields the plugin does not need are ignored.
 *
 * <p>Thread-safe.
 */
public final class FactorialApi {

    static final String CREDENTIALS = "api_public/credentials";
    static final String LEGAL_ENTITIES = "companies/legal_entities";
    static final String LOCATIONS = "locations/locations";
    static final String TEAMS = "teams/teams";
    static final String EMPLOYEES = "employees/employees";
    static final String CREATE_WITH_CONTRACT = "employees/employees/create_with_contract";
    static final String INVITE = "employees/employees/invite";
    static final String CONTRACT_VERSIONS = "contracts/contract_versions";
    static final String REFERENCE_CONTRACTS = "contracts/reference_contracts";
    static final String CUSTOM_FIELDS = "custom_fields/fields";
    static final String CUSTOM_FIELD_VALUES = "custom_fields/values";
    static final String DOCUMENT_FOLDERS = "documents/folders";
    static final String DOCUMENTS = "documents/documents";

    private final FactorialClient client;

    /**
     * @param client the HTTP client
     */
    public FactorialApi(FactorialClient client) {
        this.client = client;
    }

    /** @return the client underneath */
    public FactorialClient client() {
        return client;
    }

    /**
     * Reads the company the key belongs to: one cheap GET of {@code api_public/credentials}.
     *
     * @return the company, or empty when Factorial answered with no credentials at all, which is how it
     *         answers a key from another environment
     */
    public Optional<FactorialCompany> company() {
        JsonNode answer = client.get(CREDENTIALS, FactorialQuery.none());
        JsonNode data = answer.isArray() ? answer : answer.path("data");
        List<JsonNode> credentials = new ArrayList<>();
        if (data.isArray()) {
            data.forEach(credentials::add);
        } else if (answer.isObject() && answer.has("company_id")) {
            credentials.add(answer);
        }
        for (JsonNode credential : credentials) {
            String companyId = FactorialIds.read(credential.get("company_id"));
            if (companyId != null) {
                String name = firstText(credential, "name", "legal_name");
                return Optional.of(new FactorialCompany(companyId, name == null ? "Company " + companyId : name));
            }
        }
        return Optional.empty();
    }

    /** @return every legal entity, labelled by legal name and country */
    public List<FactorialRecord> legalEntities() {
        return records(
                client.getAll(LEGAL_ENTITIES, FactorialQuery.none()),
                node -> {
                    String name = firstText(node, "legal_name", "name");
                    String country = text(node, "country");
                    if (name == null) {
                        return null;
                    }
                    return country == null ? name : name + " (" + country.toUpperCase(Locale.ROOT) + ")";
                },
                "Legal entity");
    }

    /** @return every location, labelled by name */
    public List<FactorialRecord> locations() {
        return records(client.getAll(LOCATIONS, FactorialQuery.none()), node -> firstText(node, "name"), "Location");
    }

    /** @return every team, labelled by name */
    public List<FactorialRecord> teams() {
        return records(client.getAll(TEAMS, FactorialQuery.none()), node -> firstText(node, "name"), "Team");
    }

    /** @return the active employees who manage someone, labelled by full name */
    public List<FactorialRecord> managers() {
        FactorialQuery query = FactorialQuery.none().and("only_active", true).and("only_managers", true);
        return records(client.getAll(EMPLOYEES, query), FactorialApi::fullName, "Employee");
    }

    /**
     * Employees with this e-mail address, active or not. Factorial does not document which e-mail field
     * the filter matches, so the caller compares every e-mail field itself.
     *
     * @param email the address
     * @return the employees Factorial returned
     */
    public List<FactorialEmployee> employeesByEmail(String email) {
        return employees(FactorialQuery.none().and("emails[]", email));
    }

    /**
     * Employees with any of these addresses, active or not, in one request.
     *
     * @param emails the addresses; not empty
     * @return the employees Factorial returned
     */
    public List<FactorialEmployee> employeesByEmails(List<String> emails) {
        FactorialQuery query = FactorialQuery.none();
        for (String email : emails) {
            query = query.and("emails[]", email);
        }
        return employees(query);
    }

    /**
     * Employees whose name contains this text ({@code full_text_name}), active or not; the caller compares
     * the names itself.
     *
     * @param name the full name
     * @return the employees Factorial returned
     */
    public List<FactorialEmployee> employeesByName(String name) {
        return employees(FactorialQuery.none().and("full_text_name", name));
    }

    /**
     * @param ids employee ids; not empty
     * @return those of them Factorial returned
     */
    public List<FactorialEmployee> employeesByIds(List<String> ids) {
        FactorialQuery query = FactorialQuery.none();
        for (String id : ids) {
            query = query.and("ids[]", id);
        }
        return employees(query);
    }

    /**
     * Custom fields with this exact label ({@code GET custom_fields/fields?label=}).
     *
     * @param label the label
     * @return the fields, each with its id and label
     */
    public List<FactorialRecord> customFieldsLabelled(String label) {
        List<FactorialRecord> found = new ArrayList<>();
        for (JsonNode node : client.getAll(CUSTOM_FIELDS, FactorialQuery.none().and("label", label))) {
            String id = FactorialIds.read(node.get("id"));
            String text = firstText(node, "label_text", "label");
            if (id != null && label.equals(text)) {
                found.add(new FactorialRecord(id, text));
            }
        }
        return found;
    }

    /**
     * @param id a custom field id
     * @return the field, when Factorial has it
     */
    public Optional<FactorialRecord> customField(String id) {
        for (JsonNode node : client.getAll(CUSTOM_FIELDS, FactorialQuery.none().and("ids[]", id))) {
            String found = FactorialIds.read(node.get("id"));
            if (id.equals(found)) {
                String text = firstText(node, "label_text", "label");
                return Optional.of(new FactorialRecord(found, text == null ? "Custom field " + found : text));
            }
        }
        return Optional.empty();
    }

    /**
     * Creates a custom field ({@code POST custom_fields/fields}; 201).
     *
     * @param body the request body
     * @return the new field's id
     */
    public String createCustomField(ObjectNode body) {
        JsonNode answer = client.post(CUSTOM_FIELDS, body);
        JsonNode record = answer.path("data").isObject() ? answer.path("data") : answer;
        String id = FactorialIds.read(record.get("id"));
        if (id == null) {
            throw new PostOutcomeUnknownException(
                    PostOutcomeUnknownException.Reason.UNREADABLE_ANSWER,
                    201,
                    "Factorial created the custom field but its answer names no id",
                    null);
        }
        return id;
    }

    /**
     * The employees holding exactly this value in a custom field: the reverse look-up of an ATS reference.
     *
     * @param fieldId the custom field
     * @param value the exact value
     * @return the employee ids ({@code valuable_id}) of the matching values
     */
    public List<String> employeeIdsWithValue(String fieldId, String value) {
        FactorialQuery query = FactorialQuery.none().and("field_id", fieldId).and("value", value);
        List<String> ids = new ArrayList<>();
        for (JsonNode node : client.getAll(CUSTOM_FIELD_VALUES, query)) {
            String employee = FactorialIds.read(node.get("valuable_id"));
            if (employee != null
                    && fieldId.equals(FactorialIds.read(node.get("field_id")))
                    && value.equals(text(node, "value"))) {
                ids.add(employee);
            }
        }
        return ids;
    }

    /**
     * @param fieldId the custom field
     * @param employeeId the employee
     * @return whether the employee has any value in that field
     */
    public boolean hasCustomFieldValue(String fieldId, String employeeId) {
        FactorialQuery query = FactorialQuery.none().and("field_id", fieldId).and("employee_ids[]", employeeId);
        return client.getAll(CUSTOM_FIELD_VALUES, query).stream()
                .anyMatch(node -> employeeId.equals(FactorialIds.read(node.get("valuable_id"))));
    }

    /**
     * Sets a custom-field value ({@code POST custom_fields/values}; 201).
     *
     * @param body the request body
     * @return Factorial's answer
     */
    public JsonNode createCustomFieldValue(ObjectNode body) {
        return client.post(CUSTOM_FIELD_VALUES, body);
    }

    /**
     * The contract version that applies to the employee ({@code GET contracts/reference_contracts}): today's,
     * else the nearest upcoming one (a future-dated hire), else the latest past one.
     *
     * @param employeeId the employee
     * @return the version's id, when Factorial shows one
     */
    public Optional<String> referenceContractVersionId(String employeeId) {
        FactorialQuery query = FactorialQuery.none().and("employee_ids[]", employeeId);
        for (JsonNode node : client.getAll(REFERENCE_CONTRACTS, query)) {
            if (employeeId.equals(FactorialIds.read(node.get("employee_id")))) {
                return Optional.ofNullable(FactorialIds.read(node.get("id")));
            }
        }
        return Optional.empty();
    }

    /**
     * One employee as Factorial sends it, active or not ({@code GET employees/employees?ids[]=}).
     *
     * @param employeeId the employee
     * @return the record, or empty when Factorial does not list it
     */
    public Optional<JsonNode> employeeRecord(String employeeId) {
        FactorialQuery query = FactorialQuery.none()
                .and("ids[]", employeeId)
                .and("only_active", false)
                .and("only_managers", false);
        for (JsonNode node : client.getAll(EMPLOYEES, query)) {
            if (employeeId.equals(FactorialIds.read(node.get("id")))) {
                return Optional.of(node);
            }
        }
        return Optional.empty();
    }

    /**
     * The contract version that applies to the employee (see {@link #referenceContractVersionId}), whole.
     *
     * @param employeeId the employee
     * @return the version, when Factorial shows one
     */
    public Optional<JsonNode> referenceContract(String employeeId) {
        FactorialQuery query = FactorialQuery.none().and("employee_ids[]", employeeId);
        for (JsonNode node : client.getAll(REFERENCE_CONTRACTS, query)) {
            if (employeeId.equals(FactorialIds.read(node.get("employee_id")))) {
                return Optional.of(node);
            }
        }
        return Optional.empty();
    }

    /**
     * @param employeeId the employee
     * @return every contract version of the employee ({@code GET contracts/contract_versions?employee_ids[]=})
     */
    public List<JsonNode> contractVersions(String employeeId) {
        return client.getAll(CONTRACT_VERSIONS, FactorialQuery.none().and("employee_ids[]", employeeId)).stream()
                .filter(node -> employeeId.equals(FactorialIds.read(node.get("employee_id"))))
                .toList();
    }

    /**
     * Fixes a contract version in place ({@code PUT contracts/contract_versions/{id}}).
     *
     * @param versionId the version
     * @param body the body, which repeats the id
     * @return Factorial's answer
     */
    public JsonNode updateContractVersion(String versionId, ObjectNode body) {
        return client.put(CONTRACT_VERSIONS + "/" + versionId, body);
    }

    /**
     * Updates an employee ({@code PUT employees/employees/{id}}), for the fields the create does not take.
     *
     * @param employeeId the employee
     * @param body the body, which repeats the id
     * @return Factorial's answer
     */
    public JsonNode updateEmployee(String employeeId, ObjectNode body) {
        return client.put(EMPLOYEES + "/" + employeeId, body);
    }

    /**
     * @param companyIdentifier the company's own employee number (the plugin writes the ATS candidate id)
     * @return the employees Factorial returned for it, active or not
     */
    public List<FactorialEmployee> employeesByCompanyIdentifier(String companyIdentifier) {
        return employees(FactorialQuery.none().and("company_identifier", companyIdentifier));
    }

    private List<FactorialEmployee> employees(FactorialQuery filter) {
        // The spec marks both flags as required; send them explicitly rather than rely on server defaults.
        FactorialQuery query = filter.and("only_active", false).and("only_managers", false);
        List<FactorialEmployee> employees = new ArrayList<>();
        for (JsonNode node : client.getAll(EMPLOYEES, query)) {
            employee(node).ifPresent(employees::add);
        }
        return employees;
    }

    /**
     * Creates an employee with {@code POST employees/employees/create_with_contract}. Sent once.
     *
     * @param body the flat request body
     * @return the created employee
     * @throws PostOutcomeUnknownException if the employee may have been created but the answer was lost,
     *         or Factorial's answer names no employee id
     */
    public FactorialEmployee createWithContract(ObjectNode body) {
        JsonNode answer = client.post(CREATE_WITH_CONTRACT, body);
        JsonNode record = answer.path("data").isObject() ? answer.path("data") : answer;
        return employee(record)
                .orElseThrow(() -> new PostOutcomeUnknownException(
                        PostOutcomeUnknownException.Reason.UNREADABLE_ANSWER,
                        200,
                        "Factorial accepted the new employee but its answer names no employee id",
                        null));
    }

    /**
     * Adds a contract version ({@code POST contracts/contract_versions}), used for job title and salary.
     *
     * @param body the request body
     * @return Factorial's answer
     */
    public JsonNode createContractVersion(ObjectNode body) {
        return client.post(CONTRACT_VERSIONS, body);
    }

    /**
     * Sends Factorial's invitation e-mail ({@code POST employees/employees/invite}).
     *
     * @param body the request body
     * @return Factorial's answer
     */
    public JsonNode invite(ObjectNode body) {
        return client.post(INVITE, body);
    }

    /**
     * The active document folders with this exact name ({@code GET documents/folders?name=}).
     *
     * @param name the folder's name
     * @return their ids, in Factorial's order
     */
    public List<String> folderIdsNamed(String name) {
        List<String> ids = new ArrayList<>();
        for (JsonNode node :
                client.getAll(DOCUMENT_FOLDERS, FactorialQuery.none().and("name", name))) {
            String id = FactorialIds.read(node.get("id"));
            if (id != null
                    && name.equals(node.path("name").asText())
                    && node.path("active").asBoolean(true)) {
                ids.add(id);
            }
        }
        return ids;
    }

    /**
     * Creates a folder for employees' documents ({@code POST documents/folders}, space
     * {@code employee_my_documents} as the spec advises). Sent once.
     *
     * @return the new folder's id
     * @throws PostOutcomeUnknownException if the answer was lost or names no id
     */
    public String createFolder(String companyId, String name) {
        ObjectNode body = client.mapper().createObjectNode();
        body.set("company_id", FactorialIds.write(companyId, client.config().sendsStringIds()));
        body.put("name", name);
        body.put("space", "employee_my_documents");
        JsonNode answer = client.post(DOCUMENT_FOLDERS, body);
        JsonNode record = answer.path("data").isObject() ? answer.path("data") : answer;
        String id = FactorialIds.read(record.get("id"));
        if (id == null) {
            throw new PostOutcomeUnknownException(
                    PostOutcomeUnknownException.Reason.UNREADABLE_ANSWER,
                    201,
                    "Factorial accepted the new folder but its answer names no id",
                    null);
        }
        return id;
    }

    /**
     * An employee's documents in one folder ({@code GET documents/documents}, with the two filters the spec
     * marks required sent as false).
     *
     * @return the documents as Factorial sends them
     */
    public List<JsonNode> documentsOf(String employeeId, String folderId) {
        return client.getAll(
                DOCUMENTS,
                FactorialQuery.none()
                        .and("employee_ids[]", employeeId)
                        .and("folder_id", folderId)
                        .and("by_pending_assignment", "false")
                        .and("by_trash_bin", "false"));
    }

    /**
     * Uploads a document ({@code POST documents/documents}, multipart). Sent once.
     *
     * @return the document as Factorial answered it
     * @throws PostOutcomeUnknownException if the document may have been stored but the answer was lost
     */
    public JsonNode uploadDocument(MultipartBody form) {
        JsonNode answer = client.postMultipart(DOCUMENTS, form);
        return answer.path("data").isObject() ? answer.path("data") : answer;
    }

    /**
     * The access id of an employee (who a document's author or signer is), when Factorial names one.
     *
     * @param employeeId the employee
     * @return the access id
     */
    public Optional<String> accessIdOf(String employeeId) {
        for (JsonNode node : client.getAll(EMPLOYEES, FactorialQuery.none().and("ids[]", employeeId))) {
            if (employeeId.equals(FactorialIds.read(node.get("id")))) {
                return Optional.ofNullable(FactorialIds.read(node.get("access_id")));
            }
        }
        return Optional.empty();
    }

    /**
     * Reads an employee record tolerantly.
     *
     * @param node an employee as Factorial sends it
     * @return the employee, or empty when the node has no id
     */
    public static Optional<FactorialEmployee> employee(JsonNode node) {
        String id = node == null ? null : FactorialIds.read(node.get("id"));
        if (id == null) {
            return Optional.empty();
        }
        List<String> emails = new ArrayList<>();
        Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> field = fields.next();
            if (field.getKey().endsWith("email")
                    && field.getValue().isTextual()
                    && !field.getValue().asText().isBlank()) {
                emails.add(field.getValue().asText().strip());
            }
        }
        String name = fullName(node);
        boolean active = !node.path("active").isBoolean() || node.path("active").booleanValue();
        return Optional.of(new FactorialEmployee(
                id,
                name == null ? "Employee " + id : name,
                text(node, "first_name"),
                text(node, "last_name"),
                emails,
                text(node, "company_identifier"),
                active));
    }

    private static String fullName(JsonNode node) {
        String full = text(node, "full_name");
        if (full != null) {
            return full;
        }
        String joined = String.join(
                " ",
                java.util.stream.Stream.of(text(node, "first_name"), text(node, "last_name"))
                        .filter(java.util.Objects::nonNull)
                        .toList());
        return joined.isBlank() ? null : joined;
    }

    private static List<FactorialRecord> records(
            List<JsonNode> nodes, java.util.function.Function<JsonNode, String> label, String kind) {
        List<FactorialRecord> records = new ArrayList<>();
        for (JsonNode node : nodes) {
            String id = FactorialIds.read(node.get("id"));
            if (id != null) {
                String text = label.apply(node);
                records.add(new FactorialRecord(id, text == null || text.isBlank() ? kind + " " + id : text));
            }
        }
        return records;
    }

    private static String firstText(JsonNode node, String... names) {
        for (String name : names) {
            String value = text(node, name);
            if (value != null) {
                return value;
            }
        }
        return null;
    }

    private static String text(JsonNode node, String name) {
        JsonNode value = node.get(name);
        if (value == null || !value.isValueNode() || value.isNull()) {
            return null;
        }
        String text = value.asText().strip();
        return text.isEmpty() ? null : text;
    }
}
