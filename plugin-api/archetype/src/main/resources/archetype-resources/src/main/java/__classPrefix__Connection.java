package ${package};

import com.fasterxml.jackson.databind.JsonNode;
import com.hirerelay.api.EmailAddress;
import com.hirerelay.api.ExportOutcomeUnknownException;
import com.hirerelay.api.FieldError;
import com.hirerelay.api.HrisException;
import com.hirerelay.api.PluginTimeLimits;
import com.hirerelay.api.RemoteUnavailableException;
import com.hirerelay.api.SelectOption;
import com.hirerelay.api.ValidationFailedException;
import com.hirerelay.api.candidate.Candidate;
import com.hirerelay.api.hris.ConnectedAccount;
import com.hirerelay.api.hris.ConnectionSettings;
import com.hirerelay.api.hris.DraftField;
import com.hirerelay.api.hris.DraftFieldType;
import com.hirerelay.api.hris.EmployeeDraft;
import com.hirerelay.api.hris.ExistingEmployee;
import com.hirerelay.api.hris.ExportOutcome;
import com.hirerelay.api.hris.ExportResult;
import com.hirerelay.api.hris.ExportWarning;
import com.hirerelay.api.hris.HrisConnection;
import com.hirerelay.api.hris.ReferenceData;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One connected ${hrSystemName} account. Opening does no I/O; settings that cannot work are reported by
 * {@code verify()} and every other call. Thread-safe.
 */
final class ${classPrefix}Connection implements HrisConnection {

    private static final System.Logger LOG = System.getLogger(${classPrefix}Connection.class.getName());
    /** Reference data is cached per connection, for at most what the plugin API allows. */
    private static final Duration REFERENCE_TTL = PluginTimeLimits.REFERENCE_DATA_MAX_AGE;
    private static final int MOST_PAGES = 1000;
    private static final String DEPARTMENTS = "departments";
    private static final String INVITATION_STEP = "Send the ${hrSystemName} invitation";
    /** ${hrSystemName}'s field names for the draft keys that differ; the others are the same. */
    private static final Map<String, String> DRAFT_KEY_BY_FIELD = Map.of("work_email", "email", "department_id", "department");

    private final String connectionId;
    private final ${classPrefix}Client client;
    private final ValidationFailedException settingsProblem;
    private volatile CachedReference cached;

    private record CachedReference(ReferenceData data, long readAt) {}

    ${classPrefix}Connection(ConnectionSettings settings) {
        this.connectionId = settings.connectionId();
        List<FieldError> problems = new ArrayList<>();
        Optional<String> address = settings.value(${classPrefix}Settings.BASE_URL);
        Optional<String> token = settings.value(${classPrefix}Settings.API_TOKEN);
        if (address.isEmpty() || !${classPrefix}SettingsPanel.isWebAddress(address.get())) {
            problems.add(new FieldError(${classPrefix}Settings.BASE_URL, "Enter the address of ${hrSystemName}'s API."));
        }
        if (token.isEmpty()) {
            problems.add(new FieldError(${classPrefix}Settings.API_TOKEN, "Enter an API token."));
        }
        this.settingsProblem =
                problems.isEmpty() ? null : new ValidationFailedException("The ${hrSystemName} settings are incomplete", problems);
        this.client = problems.isEmpty() ? new ${classPrefix}Client(address.get().strip(), token.get()) : null;
    }

    @Override
    public ConnectedAccount verify() {
        JsonNode account = client().get("/account", Map.of());
        String name = account.path("name").asText("");
        LOG.log(System.Logger.Level.INFO, "Verified ${hrSystemName} connection {0}", connectionId);
        return new ConnectedAccount(name.isBlank() ? "${hrSystemName} account" : name, account.path("id").asText(null), Map.of());
    }

    @Override
    public ReferenceData referenceData() {
        CachedReference current = cached;
        if (current != null && System.nanoTime() - current.readAt() < REFERENCE_TTL.toNanos()) {
            return current.data();
        }
        Map<String, List<SelectOption>> lists = new LinkedHashMap<>();
        lists.put(DEPARTMENTS, options(DEPARTMENTS));
        ReferenceData data = new ReferenceData(lists);
        cached = new CachedReference(data, System.nanoTime());
        return data;
    }

    /** Every page of a list, to the end. */
    private List<SelectOption> options(String list) {
        List<SelectOption> options = new ArrayList<>();
        int page = 1;
        for (int read = 0; read < MOST_PAGES; read++) {
            JsonNode answer = client().get("/lists/" + list, Map.of("page", String.valueOf(page), "per_page", "100"));
            for (JsonNode item : answer.path("items")) {
                options.add(new SelectOption(item.path("id").asText(), item.path("name").asText()));
            }
            if (!answer.path("next_page").canConvertToInt()) {
                return options;
            }
            page = answer.path("next_page").asInt();
        }
        throw new RemoteUnavailableException("${hrSystemName}'s list " + list + " did not end after " + MOST_PAGES + " pages", null);
    }

    @Override
    public EmployeeDraft draftFor(Candidate candidate) {
        List<SelectOption> departments = referenceData().options(DEPARTMENTS);
        return new EmployeeDraft(
                candidate.id(),
                List.of(
                        DraftField.of("first_name", "First name", DraftFieldType.TEXT)
                                .asRequired()
                                .withValue(candidate.firstName()),
                        DraftField.of("last_name", "Last name", DraftFieldType.TEXT)
                                .asRequired()
                                .withValue(candidate.lastName()),
                        DraftField.of("email", "Work e-mail", DraftFieldType.EMAIL)
                                .asRequired()
                                .withValue(candidate.email()),
                        DraftField.of("phone", "Phone", DraftFieldType.PHONE).withValue(candidate.phone()),
                        DraftField.of("start_date", "Start date", DraftFieldType.DATE)
                                .withValue(
                                        candidate.offer().startDate() == null
                                                ? null
                                                : candidate.offer().startDate().toString()),
                        DraftField.of("job_title", "Job title", DraftFieldType.TEXT)
                                .withValue(candidate.offer().jobTitle())
                                .withMaxLength(200),
                        DraftField.of("department", "Department", DraftFieldType.SELECT)
                                .withReferenceList(DEPARTMENTS)
                                .withValue(departments.size() == 1 ? departments.get(0).value() : null)));
    }

    @Override
    public List<FieldError> validate(EmployeeDraft draft) {
        List<FieldError> errors = new ArrayList<>();
        for (DraftField field : draft.fields()) {
            if (field.required() && !field.hasValue()) {
                errors.add(new FieldError(field.key(), field.label() + " is required."));
            } else if (field.hasValue() && field.maxLength() > 0 && field.value().length() > field.maxLength()) {
                errors.add(new FieldError(field.key(), "At most " + field.maxLength() + " characters."));
            }
        }
        draft.value("email")
                .filter(email -> !EmailAddress.isWellFormed(email))
                .ifPresent(email -> errors.add(new FieldError("email", "Enter an e-mail address such as ana@example.com.")));
        draft.value("start_date")
                .filter(date -> !isIsoDate(date))
                .ifPresent(date -> errors.add(new FieldError("start_date", "Enter a date such as 2026-09-01.")));
        draft.value("department").ifPresent(department -> {
            try {
                if (!referenceData().contains(DEPARTMENTS, department)) {
                    errors.add(new FieldError("department", "Choose one of ${hrSystemName}'s departments."));
                }
            } catch (HrisException unreadable) {
                // ${hrSystemName} checks the department itself; a draft is not refused because the list cannot be read now.
            }
        });
        return errors;
    }

    @Override
    public Optional<ExistingEmployee> findExisting(EmployeeDraft draft) {
        Optional<String> email = draft.value("email");
        if (email.isPresent()) {
            Optional<ExistingEmployee> byEmail = first(Map.of("email", email.get()), email.get());
            if (byEmail.isPresent()) {
                return byEmail;
            }
        }
        return first(Map.of("external_id", draft.candidateId()), null);
    }

    private Optional<ExistingEmployee> first(Map<String, String> query, String matchedEmail) {
        for (JsonNode employee : client().get("/employees", query).path("items")) {
            String id = employee.path("id").asText("");
            if (!id.isBlank()) {
                String name = (employee.path("first_name").asText("") + " "
                                + employee.path("last_name").asText(""))
                        .strip();
                return Optional.of(new ExistingEmployee(
                        id,
                        name.isBlank() ? id : name,
                        matchedEmail == null ? null : employee.path("work_email").asText(matchedEmail),
                        client().employeeLink(id)));
            }
        }
        return Optional.empty();
    }

    @Override
    public ExportResult export(EmployeeDraft draft) {
        List<FieldError> problems = validate(draft);
        if (!problems.isEmpty()) {
            throw new ValidationFailedException("The employee cannot be sent to ${hrSystemName} yet", problems);
        }
        Optional<ExistingEmployee> existing = findExisting(draft);
        if (existing.isPresent()) {
            return ExportResult.alreadyExists(existing.get());
        }
        ${classPrefix}Client.Answer answer;
        try {
            answer = client().post("/employees", body(draft));
        } catch (IOException lost) {
            return settle(draft, "no answer arrived", lost);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            return settle(draft, "the wait for an answer was interrupted", interrupted);
        }
        if (answer.status() == 422) {
            throw refusal(draft, answer.body());
        }
        if (answer.status() >= 500 || (answer.status() / 100 == 2 && answer.body() == null)) {
            return settle(draft, "HTTP " + answer.status(), null);
        }
        client().throwIfFailed(answer, "/employees");
        String id = answer.body().path("id").asText("");
        if (id.isBlank()) {
            return settle(draft, "an answer without an employee id", null);
        }
        LOG.log(System.Logger.Level.INFO, "Created ${hrSystemName} employee {0} for candidate {1}", id, draft.candidateId());
        return new ExportResult(ExportOutcome.CREATED, id, client().employeeLink(id), invite(id));
    }

    /**
     * The follow-up step: ${hrSystemName}'s invitation e-mail to the new employee. The employee exists
     * whatever happens here, so a failure is a warning on the result, never an exception.
     */
    private List<ExportWarning> invite(String employeeId) {
        String path = "/employees/" + URLEncoder.encode(employeeId, StandardCharsets.UTF_8) + "/invitations";
        String failure;
        try {
            client().throwIfFailed(client().post(path, Map.of()), path);
            return List.of();
        } catch (HrisException refused) {
            failure = refused.getMessage();
        } catch (IOException lost) {
            failure = "no answer arrived, so it may or may not have been sent";
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            failure = "the wait for an answer was interrupted";
        }
        LOG.log(
                System.Logger.Level.WARNING,
                "${hrSystemName} employee {0} was created, but the invitation failed: {1}",
                employeeId,
                failure);
        return List.of(new ExportWarning(
                INVITATION_STEP,
                "The invitation failed (" + failure + "). Invite the employee from their profile in ${hrSystemName}."));
    }

    /**
     * The create may or may not have happened: look before deciding, never send it again blindly. The look
     * before the create found nobody, so finding the employee now means this export created it.
     */
    private ExportResult settle(EmployeeDraft draft, String what, Throwable cause) {
        LOG.log(
                System.Logger.Level.WARNING,
                "Creating candidate {0} in ${hrSystemName} ended unclearly ({1}); looking before deciding",
                draft.candidateId(),
                what);
        Optional<ExistingEmployee> found;
        try {
            found = findExisting(draft);
        } catch (HrisException lookupFailed) {
            throw new ExportOutcomeUnknownException(
                    "${hrSystemName} did not confirm the new employee (" + what + ") and could not be asked again. Do not"
                            + " create the employee by hand: export again later; the export looks for the employee first.",
                    cause == null ? lookupFailed : cause);
        }
        if (found.isPresent()) {
            return ExportResult.createdConfirmedByLookup(found.get(), invite(found.get().employeeId()));
        }
        throw new RemoteUnavailableException("${hrSystemName} failed while creating the employee (" + what + "); nothing was created", cause);
    }

    private ValidationFailedException refusal(EmployeeDraft draft, JsonNode body) {
        List<FieldError> fieldErrors = new ArrayList<>();
        List<String> general = new ArrayList<>();
        if (body != null) {
            for (JsonNode error : body.path("errors")) {
                String field = error.path("field").asText("");
                String key = DRAFT_KEY_BY_FIELD.getOrDefault(field, field);
                String message = error.path("message").asText("is invalid");
                if (draft.field(key).isPresent()) {
                    fieldErrors.add(new FieldError(key, draft.field(key).get().label() + " " + message + "."));
                } else {
                    general.add(field + " " + message);
                }
            }
        }
        return new ValidationFailedException(
                "${hrSystemName} refused the employee" + (general.isEmpty() ? "" : ": " + String.join("; ", general)),
                fieldErrors);
    }

    private static Map<String, Object> body(EmployeeDraft draft) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("external_id", draft.candidateId());
        draft.value("first_name").ifPresent(value -> body.put("first_name", value));
        draft.value("last_name").ifPresent(value -> body.put("last_name", value));
        draft.value("email").ifPresent(value -> body.put("work_email", value));
        draft.value("phone").ifPresent(value -> body.put("phone", value));
        draft.value("start_date").ifPresent(value -> body.put("start_date", value));
        draft.value("job_title").ifPresent(value -> body.put("job_title", value));
        draft.value("department").ifPresent(value -> body.put("department_id", value));
        return body;
    }

    private ${classPrefix}Client client() {
        if (settingsProblem != null) {
            throw new ValidationFailedException(settingsProblem.getMessage(), settingsProblem.fieldErrors());
        }
        return client;
    }

    private static boolean isIsoDate(String text) {
        try {
            LocalDate.parse(text);
            return true;
        } catch (DateTimeParseException e) {
            return false;
        }
    }

    @Override
    public String toString() {
        return "${classPrefix}Connection[" + connectionId + ", " + client + "]";
    }
}
