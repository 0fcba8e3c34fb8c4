package com.hirerelay.factorial.testing;

import com.hirerelay.api.testkit.BackendCall;
import com.hirerelay.api.testkit.BackendFault;
import com.hirerelay.api.testkit.BackendOperation;
import com.hirerelay.api.testkit.ContractBackend;
import com.hirerelay.api.testkit.UnsupportedBackendFeature;
import com.hirerelay.sandbox.FactorialSandbox;
import com.hirerelay.sandbox.Fault;
import com.hirerelay.sandbox.RecordedRequest;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Stream;

/**
 * The Factorial sandbox as the plugin-api test kit steers it: the kit's faults become the sandbox's fault
 * language on the requests that make up each operation, and the sandbox's recorded requests are sorted
 * back into operations.
 *
 * <p>Factorial's duplicate check is several requests sent side by side: by e-mail, by name, and by our
 * reference (its custom-field value, or {@code company_identifier} where the admin keeps it there); a fault
 * aimed at {@link BackendOperation#FIND_EMPLOYEE} is injected for each of them with the same count.
 *
 * <p>The export's follow-up steps ({@link BackendOperation#FOLLOW_UP}) are the requests after the create:
 * writing the reference custom-field value, updating the employee (personal e-mail, employee number), reading
 * and fixing the contract version, and sending the invitation.
 */
public final class SandboxBackend implements ContractBackend {

    private static final String CREDENTIALS = "api_public/credentials";
    private static final List<String> REFERENCE_LISTS =
            List.of("companies/legal_entities", "locations/locations", "teams/teams");
    private static final String CUSTOM_FIELD_VALUES = "custom_fields/values";
    private static final String BY_NAME = "full_text_name";
    /** Query parameters of the duplicate check's employee look-ups, as they appear in a raw query. */
    private static final List<String> LOOK_UPS = List.of("emails", BY_NAME, "company_identifier", "ids");

    private static final List<String> EMAILS = List.of("email", "personal_email");

    private static final String CONTRACTS = "contracts/";
    private static final String INVITE = "employees/employees/invite";

    private final FactorialSandbox sandbox;

    public SandboxBackend(FactorialSandbox sandbox) {
        this.sandbox = sandbox;
    }

    @Override
    public long employeesWithEmail(String email) {
        return sandbox.employees().stream()
                .filter(employee -> hasEmail(employee, email))
                .count();
    }

    @Override
    public long documentsOf(String employeeId) {
        return sandbox.documents(employeeId).size();
    }

    @Override
    public void inject(BackendOperation operation, BackendFault fault, int times) {
        Fault played = played(fault).times(times);
        switch (operation) {
            case VERIFY_CREDENTIALS -> sandbox.inject(played.on("GET", CREDENTIALS));
            case READ_REFERENCE_DATA -> REFERENCE_LISTS.forEach(list -> sandbox.inject(played.on("GET", list)));
            case FIND_EMPLOYEE -> {
                sandbox.inject(played.on("GET", SandboxSettings.EMPLOYEES).whenQueryHas(SandboxSettings.BY_EMAIL));
                sandbox.inject(played.on("GET", SandboxSettings.EMPLOYEES).whenQueryHas(BY_NAME));
                sandbox.inject(played.on("GET", SandboxSettings.EMPLOYEES).whenQueryHas("company_identifier"));
                sandbox.inject(played.on("GET", CUSTOM_FIELD_VALUES).whenQueryHas("value"));
            }
            case CREATE_EMPLOYEE -> sandbox.inject(played.on("POST", SandboxSettings.CREATE));
            case FOLLOW_UP -> {
                sandbox.inject(played.on("POST", CUSTOM_FIELD_VALUES));
                sandbox.inject(played.on("PUT", SandboxSettings.EMPLOYEES + "/"));
                sandbox.inject(played.on("GET", CONTRACTS));
                sandbox.inject(played.on("PUT", CONTRACTS));
                sandbox.inject(played.on("POST", CONTRACTS));
                sandbox.inject(played.on("POST", INVITE));
            }
            default -> throw new UnsupportedBackendFeature("steering " + operation, "a mapping for it");
        }
    }

    private static Fault played(BackendFault fault) {
        return switch (fault.kind()) {
            case NONE -> Fault.delay(Duration.ZERO);
            case UNAVAILABLE -> Fault.status(503);
            case RATE_LIMITED ->
                Fault.rateLimited(
                        fault.retryAfter() == null
                                ? null
                                : (int) fault.retryAfter().toSeconds());
            case CREDENTIALS_REFUSED -> Fault.status(401);
            case ACCESS_DENIED -> Fault.status(403);
            case REJECTED -> Fault.status(409, "{\"errors\":[\"Conflict\"]}");
            // Factorial names the e-mail 'login_email'; the personal e-mail travels in it when the login e-mail
            // is left empty (the default). Other draft keys are Factorial's attribute names.
            case REFUSED_FIELD ->
                Fault.status(
                        422,
                        "{\"errors\":{\""
                                + (EMAILS.contains(fault.draftKey()) ? "login_email" : fault.draftKey())
                                + "\":[\"is invalid\"]}}");
            // A field Factorial may require that the plugin never sends (a company's own mandatory field).
            case REFUSED_UNKNOWN_FIELD ->
                Fault.status(422, "{\"errors\":{\"" + fault.hrSystemField() + "\":[\"can't be blank\"]}}");
            case API_VERSION_RETIRED -> Fault.status(410, "{\"error\":\"This API version is no longer available\"}");
            case UNREADABLE_ANSWER -> Fault.malformedJson();
            case LOST_ANSWER_AFTER_COMMIT -> Fault.lostResponse();
            case OUTAGE_AFTER_COMMIT -> Fault.lostResponse().thenOutage();
            case LATENCY -> Fault.delay(fault.retryAfter());
        };
    }

    @Override
    public void usePageSize(int size) {
        sandbox.limitPageSize(size);
    }

    @Override
    public void offerOnlyOneChoicePerList() {
        sandbox.offerOnlyTheFirstChoice();
    }

    @Override
    public List<BackendCall> calls() {
        return sandbox.requests().stream()
                .map(request -> new BackendCall(operation(request), request.method() + " " + request.resource()))
                .toList();
    }

    private static BackendOperation operation(RecordedRequest request) {
        String resource = request.resource() == null ? "" : request.resource();
        boolean get = request.method().equals("GET");
        if (get && resource.equals(CREDENTIALS)) {
            return BackendOperation.VERIFY_CREDENTIALS;
        }
        if (get && REFERENCE_LISTS.contains(resource)) {
            return BackendOperation.READ_REFERENCE_DATA;
        }
        String query = request.query() == null ? "" : request.query();
        if (get && resource.equals(SandboxSettings.EMPLOYEES)) {
            return LOOK_UPS.stream().anyMatch(query::contains)
                    ? BackendOperation.FIND_EMPLOYEE
                    : BackendOperation.READ_REFERENCE_DATA;
        }
        if (get && resource.equals(CUSTOM_FIELD_VALUES) && query.contains("value=")) {
            return BackendOperation.FIND_EMPLOYEE;
        }
        if (request.method().equals("POST") && resource.equals(SandboxSettings.CREATE)) {
            return BackendOperation.CREATE_EMPLOYEE;
        }
        if (isFollowUp(request.method(), resource)) {
            return BackendOperation.FOLLOW_UP;
        }
        return BackendOperation.OTHER;
    }

    private static boolean isFollowUp(String method, String resource) {
        return switch (method) {
            case "POST" ->
                resource.equals(CUSTOM_FIELD_VALUES) || resource.startsWith(CONTRACTS) || resource.equals(INVITE);
            case "PUT" -> resource.startsWith(SandboxSettings.EMPLOYEES + "/") || resource.startsWith(CONTRACTS);
            case "GET" -> resource.startsWith(CONTRACTS);
            default -> false;
        };
    }

    /** Faults, an outage they started, the page size, a single-choice offer and the recorded requests; the employees stay. */
    @Override
    public void reset() {
        sandbox.clearFaults();
        sandbox.limitPageSize(FactorialSandbox.MAX_PAGE_SIZE);
        sandbox.offerEveryChoice();
        sandbox.clearRequests();
    }

    private static boolean hasEmail(Map<String, Object> employee, String email) {
        return Stream.of("email", "login_email", "personal_email")
                .map(employee::get)
                .filter(Objects::nonNull)
                .anyMatch(value -> value.toString().equalsIgnoreCase(email));
    }
}
