package com.hirerelay.sandbox;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Maps an authenticated request (method + resource path + query + body) onto the store, following section 8 of
 * the Factorial API notes. Every call holds the store's monitor for its whole duration, so concurrent creates
 * with the same email give exactly one employee and one 422.
 */
final class ApiRouter {

    static final int MAX_LIMIT = 100;
    private static final Pattern DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");
    private static final DateTimeFormatter TIMESTAMP =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);
    private static final List<String> CONTRACT_FIELDS = List.of(
            "ends_on",
            "job_title",
            "salary_amount",
            "salary_frequency",
            "working_hours",
            "working_hours_frequency",
            "working_week_days",
            "has_trial_period",
            "trial_period_ends_on",
            "job_catalog_tree_node_uuid",
            "working_time_percentage_in_cents",
            "bank_holiday_treatment",
            "annual_working_time_distribution");

    /** The salary periods the sandbox accepts: Factorial's spec example ({@code yearly}) and its UI's choices. */
    static final List<String> SALARY_FREQUENCIES = List.of("yearly", "monthly", "weekly", "hourly");

    private static final List<String> FIELD_TYPES = List.of(
            "text", "long_text", "date", "checkbox", "single_choice", "multiple_choice", "money", "cents", "rating");
    private static final List<String> EMPLOYEE_UPDATE_FIELDS = List.of(
            "first_name",
            "last_name",
            "preferred_name",
            "gender",
            "birthday_on",
            "nationality",
            "phone_number",
            "personal_email",
            "communications_email",
            "address_line_1",
            "address_line_2",
            "postal_code",
            "city",
            "state",
            "country",
            "manager_id",
            "timeoff_manager_id",
            "company_identifier",
            "legal_entity_id",
            "location_id");

    private final ObjectMapper mapper;
    private final Clock clock;
    private volatile SandboxStore store;

    /** The largest page served, whatever limit a client asks for; tests lower it to make clients follow pages. */
    private volatile int pageLimit = MAX_LIMIT;

    private volatile boolean onlyFirstChoice;

    ApiRouter(ObjectMapper mapper, Clock clock, SandboxStore store) {
        this.mapper = mapper;
        this.clock = clock;
        this.store = store;
    }

    SandboxStore store() {
        return store;
    }

    void replaceStore(SandboxStore fresh) {
        this.store = fresh;
    }

    /** An empty credentials list: what a key from the other environment sees. */
    static ApiResponse emptyCredentials() {
        return ApiResponse.ok(envelope(List.of(), false, false, 0, MAX_LIMIT));
    }

    ApiResponse route(String method, String resource, Map<String, List<String>> query, String body) {
        SandboxStore s = store;
        synchronized (s) {
            return routeLocked(s, method, resource, query, body);
        }
    }

    /** A multipart request: only the document upload takes one. */
    ApiResponse routeForm(String method, String resource, MultipartForm form) {
        SandboxStore s = store;
        synchronized (s) {
            if (method.equals("POST") && resource.equals("documents/documents")) {
                return DocumentsRouter.upload(s, form, now());
            }
            return ApiResponse.message(415, "This resource takes JSON, not multipart/form-data");
        }
    }

    private ApiResponse routeLocked(
            SandboxStore s, String method, String resource, Map<String, List<String>> query, String body) {
        String[] parts = resource.split("/");
        if (parts.length < 2) {
            return ApiResponse.notFound();
        }
        String collection = parts[0] + "/" + parts[1];
        String member = parts.length > 2 ? parts[2] : null;
        if (parts.length > 3) {
            return ApiResponse.notFound();
        }
        boolean get = method.equals("GET");
        boolean post = method.equals("POST");
        boolean put = method.equals("PUT");
        switch (collection) {
            case "api_public/credentials":
                return get && member == null ? list(List.of(s.credentials()), query) : ApiResponse.notFound();
            case "companies/legal_entities":
                return get ? readOnly(s.legalEntities, member, query) : ApiResponse.notFound();
            case "locations/locations":
                return get ? readOnly(s.locations, member, query) : ApiResponse.notFound();
            case "teams/teams":
                return get ? readOnly(s.teams, member, query) : ApiResponse.notFound();
            case "employees/employees":
                if (get) {
                    return member == null ? list(employeeList(s, query), query) : one(s.employees, member);
                }
                if (post && "create_with_contract".equals(member)) {
                    return withBody(body, json -> createWithContract(s, json));
                }
                if (post && "invite".equals(member)) {
                    return withBody(body, json -> invite(s, json));
                }
                if (put && member != null) {
                    return withBody(body, json -> updateEmployee(s, member, json));
                }
                return ApiResponse.notFound();
            case "contracts/reference_contracts":
                return get && member == null ? list(referenceContracts(s, query), query) : ApiResponse.notFound();
            case "custom_fields/fields":
                if (get) {
                    return member == null ? list(filterFields(s, query), query) : one(s.customFields, member);
                }
                if (post && member == null) {
                    return withBody(body, json -> createField(s, json));
                }
                return ApiResponse.notFound();
            case "custom_fields/values":
                if (get) {
                    return member == null ? list(filterValues(s, query), query) : one(s.customFieldValues, member);
                }
                if (post && member == null) {
                    return withBody(body, json -> createValue(s, json));
                }
                if (put && member != null) {
                    return withBody(body, json -> updateValue(s, member, json));
                }
                return ApiResponse.notFound();
            case "contracts/contract_versions":
                if (get) {
                    if (member != null) {
                        return one(s.contractVersions, member);
                    }
                    Set<String> employeeIds = idSet(values(query, "employee_ids"));
                    Set<String> ids = idSet(values(query, "ids"));
                    return list(
                            s.contractVersions.values().stream()
                                    .filter(c -> employeeIds == null || employeeIds.contains(c.get("employee_id")))
                                    .filter(c -> ids == null || ids.contains(c.get("id")))
                                    .toList(),
                            query);
                }
                if (post && member == null) {
                    return withBody(body, json -> createContractVersion(s, json));
                }
                if (put && member != null) {
                    return withBody(body, json -> updateContractVersion(s, member, json));
                }
                return ApiResponse.notFound();
            case "documents/folders":
                if (get && member == null) {
                    return list(DocumentsRouter.folders(s, query), query);
                }
                if (post && member == null) {
                    return withBody(body, json -> DocumentsRouter.createFolder(s, json));
                }
                return ApiResponse.notFound();
            case "documents/documents":
                if (get && member == null) {
                    Object found = DocumentsRouter.documents(s, query);
                    if (found instanceof ApiResponse refused) {
                        return refused;
                    }
                    @SuppressWarnings("unchecked")
                    List<Map<String, Object>> documents = (List<Map<String, Object>>) found;
                    return list(documents, query);
                }
                if (post && member == null) {
                    return ApiResponse.message(415, "Upload a document as multipart/form-data");
                }
                return ApiResponse.notFound();
            default:
                return ApiResponse.notFound();
        }
    }

    // ---- reads ---------------------------------------------------------------------------------------------

    private ApiResponse readOnly(
            Map<String, Map<String, Object>> records, String member, Map<String, List<String>> query) {
        if (member != null) {
            return one(records, member);
        }
        Set<String> ids = idSet(values(query, "ids"));
        return list(
                records.values().stream()
                        .filter(r -> ids == null || ids.contains(r.get("id")))
                        .limit(onlyFirstChoice ? 1 : Long.MAX_VALUE)
                        .toList(),
                query);
    }

    private static ApiResponse one(Map<String, Map<String, Object>> records, String id) {
        return Ids.fromText(id)
                .map(records::get)
                .map(r -> ApiResponse.ok(copy(r)))
                .orElseGet(ApiResponse::notFound);
    }

    /** Query parameters that look up particular people, as a duplicate check does, rather than list everyone. */
    private static final List<String> PERSON_LOOK_UPS =
            List.of("emails", "ids", "access_ids", "company_identifier", "full_text_name");

    /**
     * The employees a list request asks for. While only the first choice is offered, a list of everyone (the
     * managers a draft offers) holds its first employee only; look-ups of particular people are answered in full.
     */
    private List<Map<String, Object>> employeeList(SandboxStore s, Map<String, List<String>> query) {
        List<Map<String, Object>> employees = filterEmployees(s, query);
        boolean listsEveryone = PERSON_LOOK_UPS.stream()
                .allMatch(parameter -> values(query, parameter).isEmpty());
        return onlyFirstChoice && listsEveryone && employees.size() > 1 ? employees.subList(0, 1) : employees;
    }

    private List<Map<String, Object>> filterEmployees(SandboxStore s, Map<String, List<String>> query) {
        Set<String> emails = values(query, "emails").stream()
                .map(e -> e.trim().toLowerCase(Locale.ROOT))
                .collect(Collectors.toSet());
        Set<String> ids = idSet(values(query, "ids"));
        Set<String> accessIds = idSet(values(query, "access_ids"));
        Set<String> legalEntityIds = idSet(values(query, "legal_entity_ids"));
        Set<String> locationIds = idSet(values(query, "location_ids"));
        Set<String> teamIds = idSet(values(query, "team_ids"));
        String companyIdentifier = first(query, "company_identifier");
        String fullText = folded(first(query, "full_text_name"));
        String startsWith = lower(first(query, "name_starts_with"));
        boolean onlyActive = flag(query, "only_active");
        boolean onlyManagers = flag(query, "only_managers");
        Set<String> teamMembers = teamIds == null
                ? null
                : s.teams.values().stream()
                        .filter(t -> teamIds.contains(t.get("id")))
                        .flatMap(t -> ((List<?>) t.get("employee_ids")).stream().map(String::valueOf))
                        .collect(Collectors.toSet());

        Predicate<Map<String, Object>> keep = e -> true;
        if (!emails.isEmpty()) {
            keep = keep.and(e -> SandboxStore.emailsOf(e).stream().anyMatch(emails::contains));
        }
        if (ids != null) {
            keep = keep.and(e -> ids.contains(e.get("id")));
        }
        if (accessIds != null) {
            keep = keep.and(e -> accessIds.contains(e.get("access_id")));
        }
        if (legalEntityIds != null) {
            keep = keep.and(e -> legalEntityIds.contains(e.get("legal_entity_id")));
        }
        if (locationIds != null) {
            keep = keep.and(e -> locationIds.contains(e.get("location_id")));
        }
        if (teamMembers != null) {
            keep = keep.and(e -> teamMembers.contains(e.get("id")));
        }
        if (companyIdentifier != null && !companyIdentifier.isEmpty()) {
            keep = keep.and(e -> companyIdentifier.equals(e.get("company_identifier")));
        }
        if (fullText != null && !fullText.isBlank()) {
            keep = keep.and(e -> folded(String.valueOf(e.get("full_name"))).contains(fullText.trim()));
        }
        if (startsWith != null && !startsWith.isBlank()) {
            keep = keep.and(e -> lower(String.valueOf(e.get("full_name"))).startsWith(startsWith.trim())
                    || lower(String.valueOf(e.get("last_name"))).startsWith(startsWith.trim()));
        }
        if (onlyActive) {
            keep = keep.and(e -> Boolean.TRUE.equals(e.get("active")));
        }
        if (onlyManagers) {
            keep = keep.and(e -> s.isManager((String) e.get("id")));
        }
        return s.employees.values().stream().filter(keep).toList();
    }

    void pageLimit(int size) {
        pageLimit = size;
    }

    /**
     * Whether the reference collections (legal entities, locations, teams) and the list of everyone (managers)
     * serve only their first record.
     */
    void onlyFirstChoice(boolean only) {
        onlyFirstChoice = only;
    }

    /** The list envelope for {@code sorted} (ascending ids), paged by limit + after_id/before_id or page. */
    private ApiResponse list(List<Map<String, Object>> sorted, Map<String, List<String>> query) {
        int limit = pageLimit;
        String limitText = first(query, "limit");
        if (limitText != null) {
            try {
                limit = Math.max(1, Math.min(pageLimit, Integer.parseInt(limitText.trim())));
            } catch (NumberFormatException e) {
                return ApiResponse.message(400, "limit must be an integer");
            }
        }
        String afterText = first(query, "after_id");
        String beforeText = first(query, "before_id");
        String pageText = first(query, "page");
        int from;
        int to;
        if (afterText != null && !afterText.isBlank()) {
            Optional<String> after = Ids.fromCursor(afterText);
            if (after.isEmpty()) {
                return ApiResponse.message(400, "Invalid cursor");
            }
            from = 0;
            while (from < sorted.size()
                    && Ids.ORDER.compare((String) sorted.get(from).get("id"), after.get()) <= 0) {
                from++;
            }
            to = Math.min(sorted.size(), from + limit);
        } else if (beforeText != null && !beforeText.isBlank()) {
            Optional<String> before = Ids.fromCursor(beforeText);
            if (before.isEmpty()) {
                return ApiResponse.message(400, "Invalid cursor");
            }
            to = 0;
            while (to < sorted.size()
                    && Ids.ORDER.compare((String) sorted.get(to).get("id"), before.get()) < 0) {
                to++;
            }
            from = Math.max(0, to - limit);
        } else {
            int page = 1;
            if (pageText != null && !pageText.isBlank()) {
                try {
                    page = Math.max(1, Integer.parseInt(pageText.trim()));
                } catch (NumberFormatException e) {
                    return ApiResponse.message(400, "page must be an integer");
                }
            }
            from = (int) Math.min(sorted.size(), (long) (page - 1) * limit);
            to = Math.min(sorted.size(), from + limit);
        }
        List<Map<String, Object>> slice =
                sorted.subList(from, to).stream().map(ApiRouter::copy).toList();
        return ApiResponse.ok(envelope(slice, to < sorted.size(), from > 0, sorted.size(), limit));
    }

    private static Map<String, Object> envelope(
            List<Map<String, Object>> data, boolean hasNext, boolean hasPrevious, int total, int limit) {
        Map<String, Object> meta = new LinkedHashMap<>();
        meta.put("has_next_page", hasNext);
        meta.put("has_previous_page", hasPrevious);
        meta.put(
                "start_cursor",
                data.isEmpty() ? null : Ids.cursor((String) data.get(0).get("id")));
        meta.put(
                "end_cursor",
                data.isEmpty()
                        ? null
                        : Ids.cursor((String) data.get(data.size() - 1).get("id")));
        meta.put("total", total);
        meta.put("limit", limit);
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("data", data);
        out.put("meta", meta);
        return out;
    }

    // ---- writes --------------------------------------------------------------------------------------------

    private interface BodyHandler {
        ApiResponse handle(JsonNode json);
    }

    private ApiResponse withBody(String body, BodyHandler handler) {
        JsonNode json;
        try {
            json = body == null || body.isBlank() ? mapper.createObjectNode() : mapper.readTree(body);
        } catch (JsonProcessingException e) {
            return ApiResponse.message(400, "Request body is not valid JSON");
        }
        if (json == null || !json.isObject()) {
            return ApiResponse.message(400, "Request body must be a JSON object");
        }
        return handler.handle(json);
    }

    private ApiResponse createWithContract(SandboxStore s, JsonNode json) {
        List<ApiResponse.Problem> errors = new ArrayList<>();
        for (String field : List.of("company_id", "first_name", "last_name", "email")) {
            if (text(json, field) == null || text(json, field).isBlank()) {
                errors.add(problem(field, humanize(field) + " can't be blank"));
            }
        }
        Optional<String> companyId = Ids.fromJson(json.get("company_id"));
        if (companyId.isPresent() && !companyId.get().equals(s.companyId)) {
            errors.add(problem("company_id", "Company does not match the credentials' company"));
        }
        checkDates(json, errors);
        String gender = text(json, "gender");
        if (gender != null && !gender.equals("male") && !gender.equals("female")) {
            errors.add(problem("gender", "Gender is not included in the list"));
        }
        if (!errors.isEmpty()) {
            return ApiResponse.invalid(errors);
        }
        Optional<ApiResponse> missing = checkReference(json, "legal_entity_id", s.legalEntities, "Legal entity")
                .or(() -> checkReference(json, "location_id", s.locations, "Location"))
                .or(() -> checkReference(json, "team_id", s.teams, "Team"))
                .or(() -> checkReference(json, "manager_id", s.employees, "Manager"));
        if (missing.isPresent()) {
            return missing.get();
        }
        String email = text(json, "email").trim();
        if (s.employeeByEmail(email).isPresent()) {
            return ApiResponse.invalid("email", "Email has already been taken");
        }

        String now = now();
        String id = s.newEmployeeId();
        String first = text(json, "first_name").trim();
        String last = text(json, "last_name").trim();
        Map<String, Object> e = new LinkedHashMap<>();
        e.put("id", id);
        e.put("access_id", Long.toString(9000 + Long.parseLong(id)));
        e.put("first_name", first);
        e.put("last_name", last);
        e.put("full_name", first + " " + last);
        e.put("email", email);
        e.put("login_email", null);
        e.put("personal_email", text(json, "personal_email"));
        e.put("company_id", s.companyId);
        e.put("legal_entity_id", Ids.fromJson(json.get("legal_entity_id")).orElse(null));
        e.put("location_id", Ids.fromJson(json.get("location_id")).orElse(null));
        e.put("manager_id", Ids.fromJson(json.get("manager_id")).orElse(null));
        e.put("birthday_on", text(json, "birthday_on"));
        e.put("gender", gender);
        e.put("nationality", text(json, "nationality"));
        e.put("address_line_1", firstText(json, "address_line_1", "address_line1"));
        e.put("address_line_2", firstText(json, "address_line_2", "address_line2"));
        e.put("postal_code", text(json, "postal_code"));
        e.put("city", text(json, "city"));
        e.put("state", text(json, "state"));
        e.put("country", text(json, "country"));
        e.put("phone_number", text(json, "phone_number"));
        e.put("company_identifier", text(json, "company_identifier"));
        e.put("active", true);
        e.put("is_terminating", false);
        e.put("terminated_on", null);
        e.put("attendable", false);
        e.put("created_at", now);
        e.put("updated_at", now);
        s.employees.put(id, e);
        Ids.fromJson(json.get("team_id")).ifPresent(teamId -> SeedData.addToTeam(s.teams.get(teamId), id, false));

        Map<String, Object> contract = new LinkedHashMap<>();
        String startsOn = text(json, "contract_starts_on");
        String effectiveOn = text(json, "contract_effective_on");
        String contractId = s.newContractVersionId();
        contract.put("id", contractId);
        contract.put("employee_id", id);
        contract.put("starts_on", startsOn);
        contract.put("effective_on", effectiveOn != null ? effectiveOn : startsOn);
        contract.put("ends_on", text(json, "contract_ends_on"));
        contract.put("job_title", text(json, "job_title"));
        contract.put("salary_amount", null);
        contract.put("salary_frequency", null);
        contract.put("created_at", now);
        contract.put("updated_at", now);
        s.contractVersions.put(contractId, contract);
        return ApiResponse.ok(copy(e));
    }

    private ApiResponse createContractVersion(SandboxStore s, JsonNode json) {
        List<ApiResponse.Problem> errors = new ArrayList<>();
        for (String field : List.of("employee_id", "effective_on", "starts_on")) {
            if (text(json, field) == null || text(json, field).isBlank()) {
                errors.add(problem(field, humanize(field) + " can't be blank"));
            }
        }
        checkDates(json, errors);
        checkSalary(json, false, errors);
        if (!errors.isEmpty()) {
            return ApiResponse.invalid(errors);
        }
        Optional<ApiResponse> missing = checkReference(json, "employee_id", s.employees, "Employee");
        if (missing.isPresent()) {
            return missing.get();
        }
        String now = now();
        String id = s.newContractVersionId();
        Map<String, Object> c = new LinkedHashMap<>();
        c.put("id", id);
        c.put("employee_id", Ids.fromJson(json.get("employee_id")).orElseThrow());
        c.put("starts_on", text(json, "starts_on"));
        c.put("effective_on", text(json, "effective_on"));
        // copy_current_contract_version: what the body leaves out comes from the version in force on that day
        Map<String, Object> copied = json.path("copy_current_contract_version").asBoolean(false)
                ? versionInForce(s, (String) c.get("employee_id"), text(json, "effective_on"))
                : Map.of();
        for (String field : CONTRACT_FIELDS) {
            JsonNode v = json.get(field);
            c.put(field, v == null ? copied.get(field) : v.isNull() ? null : mapper.convertValue(v, Object.class));
        }
        c.put("created_at", now);
        c.put("updated_at", now);
        s.contractVersions.put(id, c);
        return ApiResponse.created(copy(c));
    }

    /** The employee's version with the latest effective day on or before {@code day}, or none. */
    private static Map<String, Object> versionInForce(SandboxStore s, String employeeId, String day) {
        return s.contractVersions.values().stream()
                .filter(c -> employeeId.equals(c.get("employee_id")))
                .filter(c -> String.valueOf(c.get("effective_on")).compareTo(day) <= 0)
                .max(java.util.Comparator.comparing(c -> String.valueOf(c.get("effective_on"))))
                .orElse(Map.of());
    }

    /**
     * {@code PUT contracts/contract_versions/{id}}: fixes the version in place. The body must repeat the id; a
     * version that has no salary yet needs amount and frequency together.
     */
    private ApiResponse updateContractVersion(SandboxStore s, String member, JsonNode json) {
        Optional<String> pathId = Ids.fromText(member);
        Map<String, Object> c = pathId.map(s.contractVersions::get).orElse(null);
        if (c == null) {
            return ApiResponse.notFound();
        }
        List<ApiResponse.Problem> errors = new ArrayList<>();
        Optional<String> bodyId = Ids.fromJson(json.get("id"));
        if (bodyId.isEmpty()) {
            errors.add(problem("id", "Id can't be blank"));
        } else if (!bodyId.get().equals(pathId.get())) {
            errors.add(problem("id", "Id does not match the path"));
        }
        checkDates(json, errors);
        checkSalary(json, c.get("salary_amount") != null, errors);
        if (!errors.isEmpty()) {
            return ApiResponse.invalid(errors);
        }
        for (String field : List.of("starts_on", "effective_on")) {
            if (present(json, field)) {
                c.put(field, text(json, field));
            }
        }
        for (String field : CONTRACT_FIELDS) {
            if (json.has(field)) {
                JsonNode v = json.get(field);
                c.put(field, v == null || v.isNull() ? null : mapper.convertValue(v, Object.class));
            }
        }
        c.put("updated_at", now());
        return ApiResponse.ok(copy(c));
    }

    /**
     * Amount in cents (an integer) and frequency travel together when a version gets its first salary; the
     * frequency must be one of {@link #SALARY_FREQUENCIES}.
     */
    private static void checkSalary(JsonNode json, boolean hasSalaryAlready, List<ApiResponse.Problem> errors) {
        boolean hasAmount = present(json, "salary_amount");
        boolean hasFrequency = present(json, "salary_frequency");
        if (hasAmount != hasFrequency && !hasSalaryAlready) {
            errors.add(problem(
                    hasAmount ? "salary_frequency" : "salary_amount",
                    "Salary amount and salary frequency must be sent together"));
        }
        if (hasAmount && !json.get("salary_amount").isIntegralNumber()) {
            errors.add(problem("salary_amount", "Salary amount must be an integer (cents)"));
        }
        if (hasFrequency && !SALARY_FREQUENCIES.contains(text(json, "salary_frequency"))) {
            errors.add(problem("salary_frequency", "Salary frequency is not included in the list"));
        }
    }

    /**
     * {@code GET contracts/reference_contracts?employee_ids[]=}: per employee, the version that applies today;
     * failing that the nearest upcoming one (a future-dated hire); failing that the latest past one.
     */
    private List<Map<String, Object>> referenceContracts(SandboxStore s, Map<String, List<String>> query) {
        Set<String> employeeIds = idSet(values(query, "employee_ids"));
        String today = LocalDate.now(clock.withZone(ZoneOffset.UTC)).toString();
        Map<String, Map<String, Object>> chosen = new java.util.TreeMap<>(Ids.ORDER);
        for (Map<String, Object> c : s.contractVersions.values()) {
            String employee = (String) c.get("employee_id");
            if (employeeIds != null && !employeeIds.contains(employee)) {
                continue;
            }
            Map<String, Object> best = chosen.get(employee);
            if (best == null || isBetterReference(c, best, today)) {
                chosen.put(employee, c);
            }
        }
        return List.copyOf(chosen.values());
    }

    private static boolean isBetterReference(Map<String, Object> c, Map<String, Object> best, String today) {
        String on = String.valueOf(c.get("effective_on"));
        String bestOn = String.valueOf(best.get("effective_on"));
        boolean current = on.compareTo(today) <= 0;
        boolean bestCurrent = bestOn.compareTo(today) <= 0;
        if (current != bestCurrent) {
            return current;
        }
        // Both current (or both past): the latest applies; both upcoming: the nearest.
        return current ? on.compareTo(bestOn) > 0 : on.compareTo(bestOn) < 0;
    }

    /**
     * {@code PUT employees/employees/{id}}: the fields the 2026-04-01 update body lists; the body repeats the
     * id. {@code email} and {@code login_email} cannot be changed this way and are ignored, like any unknown
     * field.
     */
    private ApiResponse updateEmployee(SandboxStore s, String member, JsonNode json) {
        Optional<String> pathId = Ids.fromText(member);
        Map<String, Object> e = pathId.map(s.employees::get).orElse(null);
        if (e == null) {
            return ApiResponse.notFound();
        }
        List<ApiResponse.Problem> errors = new ArrayList<>();
        Optional<String> bodyId = Ids.fromJson(json.get("id"));
        if (bodyId.isEmpty()) {
            errors.add(problem("id", "Id can't be blank"));
        } else if (!bodyId.get().equals(pathId.get())) {
            errors.add(problem("id", "Id does not match the path"));
        }
        checkDates(json, errors);
        String personal = text(json, "personal_email");
        if (personal != null && !personal.isBlank() && !personal.matches("[^@\\s]+@[^@\\s]+\\.[^@\\s]+")) {
            errors.add(problem("personal_email", "Personal email is invalid"));
        }
        if (!errors.isEmpty()) {
            return ApiResponse.invalid(errors);
        }
        for (String field : EMPLOYEE_UPDATE_FIELDS) {
            if (json.has(field)) {
                JsonNode v = json.get(field);
                Object value = v == null || v.isNull() ? null : mapper.convertValue(v, Object.class);
                if (field.endsWith("_id") && value != null) {
                    value = Ids.fromJson(v).orElse(null);
                }
                e.put(field, value);
            }
        }
        e.put("updated_at", now());
        return ApiResponse.ok(copy(e));
    }

    // ---- custom fields ---------------------------------------------------------------------------------------

    private List<Map<String, Object>> filterFields(SandboxStore s, Map<String, List<String>> query) {
        Set<String> ids = idSet(values(query, "ids"));
        String label = first(query, "label");
        String slug = first(query, "slug");
        return s.customFields.values().stream()
                .filter(f -> ids == null || ids.contains(f.get("id")))
                .filter(f -> label == null || label.equals(f.get("label_text")))
                .filter(f -> slug == null || slug.equals(f.get("slug")))
                .toList();
    }

    private ApiResponse createField(SandboxStore s, JsonNode json) {
        List<ApiResponse.Problem> errors = new ArrayList<>();
        String label = text(json, "label");
        if (label == null || label.isBlank()) {
            errors.add(problem("label", "Label can't be blank"));
        }
        Optional<String> companyId = Ids.fromJson(json.get("company_id"));
        if (companyId.isEmpty() || !companyId.get().equals(s.companyId)) {
            errors.add(problem("company_id", "Company does not match the credentials' company"));
        }
        String type = text(json, "field_type");
        if (type == null || !FIELD_TYPES.contains(type)) {
            errors.add(problem("field_type", "Field type is not included in the list"));
        }
        if (!errors.isEmpty()) {
            return ApiResponse.invalid(errors);
        }
        boolean taken =
                s.customFields.values().stream().anyMatch(f -> label.strip().equals(f.get("label_text")));
        if (taken) {
            return ApiResponse.invalid("label", "Label has already been taken");
        }
        Map<String, Object> field = SeedData.customField(
                s.newCustomFieldId(), label.strip(), type, json.path("required").asBoolean(false));
        s.customFields.put((String) field.get("id"), field);
        return ApiResponse.created(copy(field));
    }

    private List<Map<String, Object>> filterValues(SandboxStore s, Map<String, List<String>> query) {
        Set<String> ids = idSet(values(query, "ids"));
        Set<String> employeeIds = idSet(values(query, "employee_ids"));
        String fieldId = first(query, "field_id");
        String value = first(query, "value");
        return s.customFieldValues.values().stream()
                .filter(v -> ids == null || ids.contains(v.get("id")))
                .filter(v -> employeeIds == null || employeeIds.contains(v.get("valuable_id")))
                .filter(v -> fieldId == null
                        || Ids.fromText(fieldId).map(v.get("field_id")::equals).orElse(false))
                .filter(v -> value == null || value.equals(v.get("value")))
                .toList();
    }

    /**
     * {@code POST custom_fields/values}: all four fields required, the value a string. A second value for the
     * same field and employee is refused (Factorial's behaviour is not documented; a client should read first).
     */
    private ApiResponse createValue(SandboxStore s, JsonNode json) {
        List<ApiResponse.Problem> errors = new ArrayList<>();
        for (String field : List.of("field_id", "valuable_type", "valuable_id", "value")) {
            if (!present(json, field)) {
                errors.add(problem(field, humanize(field) + " can't be blank"));
            }
        }
        if (present(json, "value") && !json.get("value").isTextual()) {
            errors.add(problem("value", "Value must be a string"));
        }
        if (present(json, "valuable_type") && !"Employee".equals(text(json, "valuable_type"))) {
            errors.add(problem("valuable_type", "Valuable type is not supported by the sandbox"));
        }
        if (!errors.isEmpty()) {
            return ApiResponse.invalid(errors);
        }
        Optional<ApiResponse> missing = checkReference(json, "field_id", s.customFields, "Custom field")
                .or(() -> checkReference(json, "valuable_id", s.employees, "Employee"));
        if (missing.isPresent()) {
            return missing.get();
        }
        String fieldId = Ids.fromJson(json.get("field_id")).orElseThrow();
        String employeeId = Ids.fromJson(json.get("valuable_id")).orElseThrow();
        boolean taken = s.customFieldValues.values().stream()
                .anyMatch(v -> fieldId.equals(v.get("field_id")) && employeeId.equals(v.get("valuable_id")));
        if (taken) {
            return ApiResponse.invalid("field_id", "Field has already been taken for this employee");
        }
        Map<String, Object> field = s.customFields.get(fieldId);
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("id", s.newCustomFieldValueId());
        v.put("field_id", fieldId);
        v.put("custom_field_identifier", field.get("slug"));
        v.put("valuable_type", "Employee");
        v.put("valuable_id", employeeId);
        v.put("value", text(json, "value"));
        v.put("label", field.get("label_text"));
        v.put("required", field.get("required"));
        v.put("updated_at", now());
        s.customFieldValues.put((String) v.get("id"), v);
        return ApiResponse.created(copy(v));
    }

    private ApiResponse updateValue(SandboxStore s, String member, JsonNode json) {
        Map<String, Object> v =
                Ids.fromText(member).map(s.customFieldValues::get).orElse(null);
        if (v == null) {
            return ApiResponse.notFound();
        }
        if (!present(json, "value") || !json.get("value").isTextual()) {
            return ApiResponse.invalid("value", "Value must be a string");
        }
        v.put("value", text(json, "value"));
        v.put("updated_at", now());
        return ApiResponse.ok(copy(v));
    }

    private ApiResponse invite(SandboxStore s, JsonNode json) {
        if (!present(json, "id")) {
            return ApiResponse.invalid("id", "Id can't be blank");
        }
        Optional<String> companyId = Ids.fromJson(json.get("company_id"));
        if (companyId.isPresent() && !companyId.get().equals(s.companyId)) {
            return ApiResponse.invalid("company_id", "Company does not match the credentials' company");
        }
        String id = Ids.fromJson(json.get("id")).orElseThrow();
        Map<String, Object> e = s.employees.get(id);
        if (e == null) {
            return ApiResponse.notFound();
        }
        if (!s.invited.add(id)) {
            return ApiResponse.invalid("id", "Employee has already been invited");
        }
        if (e.get("login_email") == null) {
            e.put("login_email", e.get("email"));
        }
        e.put("updated_at", now());
        return ApiResponse.ok(copy(e));
    }

    // ---- helpers -------------------------------------------------------------------------------------------

    private static Optional<ApiResponse> checkReference(
            JsonNode json, String field, Map<String, Map<String, Object>> records, String label) {
        Optional<String> id = Ids.fromJson(json.get(field));
        if (id.isPresent() && !records.containsKey(id.get())) {
            return Optional.of(ApiResponse.missingReference(field, label + " not found"));
        }
        return Optional.empty();
    }

    /** Every present {@code *_on} field must be a real date written YYYY-MM-DD. */
    private static void checkDates(JsonNode json, List<ApiResponse.Problem> errors) {
        json.fieldNames().forEachRemaining(field -> {
            if (!field.endsWith("_on") || !present(json, field)) {
                return;
            }
            JsonNode v = json.get(field);
            if (!v.isTextual() || !isDate(v.textValue())) {
                errors.add(problem(field, humanize(field) + " is not a valid date (YYYY-MM-DD)"));
            }
        });
    }

    static boolean isDate(String s) {
        if (!DATE.matcher(s).matches()) {
            return false;
        }
        try {
            LocalDate.parse(s);
            return true;
        } catch (DateTimeParseException e) {
            return false;
        }
    }

    private static ApiResponse.Problem problem(String field, String message) {
        return new ApiResponse.Problem("validation_failed", message, field);
    }

    private static boolean present(JsonNode json, String field) {
        JsonNode v = json.get(field);
        return v != null && !v.isNull() && !(v.isTextual() && v.textValue().isBlank());
    }

    private static String text(JsonNode json, String field) {
        JsonNode v = json.get(field);
        if (v == null || v.isNull() || v.isMissingNode()) {
            return null;
        }
        return v.isValueNode() ? v.asText() : v.toString();
    }

    private static String firstText(JsonNode json, String... fields) {
        for (String f : fields) {
            String v = text(json, f);
            if (v != null) {
                return v;
            }
        }
        return null;
    }

    private static String humanize(String field) {
        String words = field.replace('_', ' ');
        if (words.endsWith(" id")) {
            words = words.substring(0, words.length() - 3);
        }
        return Character.toUpperCase(words.charAt(0)) + words.substring(1);
    }

    private String now() {
        return TIMESTAMP.format(clock.instant());
    }

    /** Values of {@code name[]} and {@code name} (both spellings are accepted). */
    static List<String> values(Map<String, List<String>> query, String name) {
        List<String> out = new ArrayList<>(query.getOrDefault(name + "[]", List.of()));
        out.addAll(query.getOrDefault(name, List.of()));
        return out;
    }

    /** {@code null} when the filter is absent; otherwise the ids asked for (malformed ones match nothing). */
    private static Set<String> idSet(List<String> raw) {
        if (raw.isEmpty()) {
            return null;
        }
        Set<String> out = new HashSet<>();
        for (String r : raw) {
            for (String part : r.split(",")) {
                Ids.fromText(part).ifPresent(out::add);
            }
        }
        return out;
    }

    private static String first(Map<String, List<String>> query, String name) {
        List<String> v = query.get(name);
        return v == null || v.isEmpty() ? null : v.get(0);
    }

    private static boolean flag(Map<String, List<String>> query, String name) {
        String v = first(query, name);
        return v != null && (v.equalsIgnoreCase("true") || v.equals("1"));
    }

    /** Lower case without accents: a full-text search finds "García" for "garcia". */
    private static String folded(String s) {
        return s == null
                ? null
                : java.text.Normalizer.normalize(s, java.text.Normalizer.Form.NFD)
                        .replaceAll("\\p{M}+", "")
                        .toLowerCase(Locale.ROOT);
    }

    private static String lower(String s) {
        return s == null ? null : s.toLowerCase(Locale.ROOT);
    }

    /** A deep copy, so serialization and callers never see later mutations. */
    @SuppressWarnings("unchecked")
    static Map<String, Object> copy(Map<String, Object> record) {
        Map<String, Object> out = new LinkedHashMap<>();
        record.forEach((k, v) -> out.put(
                k,
                v instanceof List<?> l
                        ? new ArrayList<>(l)
                        : v instanceof Map<?, ?> m ? copy((Map<String, Object>) m) : v));
        return out;
    }
}
