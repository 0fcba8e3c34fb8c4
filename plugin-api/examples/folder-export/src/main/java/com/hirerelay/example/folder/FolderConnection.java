package com.hirerelay.example.folder;

import com.hirerelay.api.AccessDeniedException;
import com.hirerelay.api.Capability;
import com.hirerelay.api.EmailAddress;
import com.hirerelay.api.ExportOutcomeUnknownException;
import com.hirerelay.api.FieldError;
import com.hirerelay.api.HrisException;
import com.hirerelay.api.RemoteRejectedException;
import com.hirerelay.api.RemoteUnavailableException;
import com.hirerelay.api.SelectOption;
import com.hirerelay.api.ValidationFailedException;
import com.hirerelay.api.candidate.Candidate;
import com.hirerelay.api.hris.CandidateDocument;
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
import com.hirerelay.api.hris.UploadedDocument;
import java.io.IOException;
import java.io.InputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.security.GeneralSecurityException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * One configured folder. The file name is derived from the e-mail address, so "does this employee
 * exist" is one file read and the create is an atomic move that fails if the file appeared meanwhile:
 * two concurrent exports of the same person can never both write.
 *
 * <p>The folder is shared with a payroll import: it lists the company's departments in
 * {@value #DEPARTMENTS_FILE} (one a line; the draft's Department choices), and it picks up an employee file
 * once its {@code .ready} marker exists. Writing the marker is the export's follow-up step: when it fails
 * the employee file is there, and the export says what is left to do.
 *
 * <p>It declares {@link Capability#DOCUMENTS}: an employee's documents go into a directory beside the
 * employee file, each named after its checksum, so "uploaded before?" is one look and never a second copy.
 */
final class FolderConnection implements HrisConnection {

    private static final Pattern EMPLOYEE_FILE = Pattern.compile("[A-Za-z0-9._*%+-]+\\.json");

    /** The payroll import's list of departments, read afresh on every call (one small file). */
    static final String DEPARTMENTS_FILE = "departments.txt";

    /** The reference list, and the draft key, of the department. */
    static final String DEPARTMENTS = "departments";

    static final String DEPARTMENT = "department";

    /** What the payroll import waits for beside an employee file. */
    static final String READY_SUFFIX = ".ready";

    private static final String READY_STEP = "Hand the file to the payroll import";

    private static final Pattern NAME_PART = Pattern.compile("\"(first_name|last_name)\":\"((?:[^\"\\\\]|\\\\.)*)\"");

    private final String folder;
    private final FolderStore store;
    private final String signingKey;

    /**
     * @param settings the connect form's values
     * @param store the folder they name, or null when they name none
     */
    FolderConnection(ConnectionSettings settings, FolderStore store) {
        this.folder = settings.value(FolderSettings.FOLDER).orElse(null);
        this.store = store;
        this.signingKey = settings.value(FolderSettings.SIGNING_KEY).orElse(null);
    }

    @Override
    public ConnectedAccount verify() {
        try {
            store().checkWritable();
        } catch (java.nio.file.AccessDeniedException refused) {
            throw new AccessDeniedException("The ATS may not write to the folder " + folder, refused);
        } catch (java.nio.file.NotDirectoryException | java.nio.file.NoSuchFileException missing) {
            throw new ValidationFailedException(
                    "The folder cannot be written to",
                    List.of(new FieldError(
                            FolderSettings.FOLDER, "The folder " + folder + " does not exist or is not writable.")),
                    missing);
        } catch (IOException unreachable) {
            throw failure("Could not reach the folder " + folder, unreachable);
        }
        return new ConnectedAccount(folder, null, Map.of());
    }

    @Override
    public ReferenceData referenceData() {
        Optional<String> text;
        try {
            text = store().read(DEPARTMENTS_FILE);
        } catch (IOException e) {
            throw failure("Could not read the departments of the folder " + folder, e);
        }
        List<SelectOption> departments = new ArrayList<>();
        for (String line : text.orElse("").lines().map(String::strip).toList()) {
            if (line.chars().anyMatch(Character::isISOControl)) {
                throw new RemoteUnavailableException(
                        "The file " + DEPARTMENTS_FILE + " in the folder " + folder + " is not a list of departments",
                        null);
            }
            if (!line.isEmpty()) {
                departments.add(new SelectOption(line, line));
            }
        }
        return new ReferenceData(Map.of(DEPARTMENTS, List.copyOf(departments)));
    }

    @Override
    public EmployeeDraft draftFor(Candidate candidate) {
        return new EmployeeDraft(
                candidate.id(),
                List.of(
                        DraftField.of("first_name", "First name", DraftFieldType.TEXT)
                                .asRequired()
                                .withValue(candidate.firstName()),
                        DraftField.of("last_name", "Last name", DraftFieldType.TEXT)
                                .asRequired()
                                .withValue(candidate.lastName()),
                        DraftField.of("email", "Email", DraftFieldType.EMAIL)
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
                        DraftField.of(DEPARTMENT, "Department", DraftFieldType.SELECT)
                                .withReferenceList(DEPARTMENTS)));
    }

    @Override
    public List<FieldError> validate(EmployeeDraft draft) {
        List<FieldError> errors = new ArrayList<>();
        for (DraftField field : draft.fields()) {
            if (field.required() && !field.hasValue()) {
                errors.add(new FieldError(field.key(), field.label() + " is required."));
            } else if (field.hasValue()
                    && field.maxLength() > 0
                    && field.value().length() > field.maxLength()) {
                errors.add(new FieldError(field.key(), "At most " + field.maxLength() + " characters."));
            }
        }
        draft.value("email")
                .filter(email -> !EmailAddress.isWellFormed(email))
                .ifPresent(email ->
                        errors.add(new FieldError("email", "Enter an e-mail address such as ana@example.com.")));
        draft.value("start_date")
                .filter(date -> !isIsoDate(date))
                .ifPresent(date -> errors.add(new FieldError("start_date", "Enter a date such as 2026-09-01.")));
        draft.value(DEPARTMENT)
                .filter(department -> !isKnownDepartment(department))
                .ifPresent(department ->
                        errors.add(new FieldError(DEPARTMENT, "Choose one of the departments in the folder.")));
        return errors;
    }

    /** Unknown only when the list says so: a list that cannot be read now is checked by the payroll import. */
    private boolean isKnownDepartment(String department) {
        try {
            return referenceData().contains(DEPARTMENTS, department);
        } catch (HrisException unreadable) {
            return true;
        }
    }

    @Override
    public Optional<ExistingEmployee> findExisting(EmployeeDraft draft) {
        Optional<String> email = draft.value("email");
        if (email.isEmpty()) {
            return Optional.empty();
        }
        String fileName = fileFor(email.get());
        Optional<String> content;
        try {
            content = store().read(fileName);
        } catch (IOException e) {
            throw failure("Could not read the folder " + folder, e);
        }
        return content.map(text -> existing(fileName, text, email.get()));
    }

    /** The name as the file says it; a file that is not an export of ours cannot be linked blindly. */
    private ExistingEmployee existing(String fileName, String text, String email) {
        Map<String, String> names = new java.util.HashMap<>();
        Matcher matcher = NAME_PART.matcher(text);
        while (matcher.find()) {
            names.putIfAbsent(matcher.group(1), matcher.group(2));
        }
        if (!text.strip().startsWith("{") || !names.containsKey("first_name") || !names.containsKey("last_name")) {
            throw new RemoteUnavailableException(
                    "The file " + fileName + " in the folder " + folder
                            + " is not an employee file this plugin can read",
                    null);
        }
        return new ExistingEmployee(
                fileName, names.get("first_name") + " " + names.get("last_name"), email, store().link(fileName));
    }

    @Override
    public ExportResult export(EmployeeDraft draft) {
        List<FieldError> errors = validate(draft);
        if (!errors.isEmpty()) {
            throw new ValidationFailedException("The employee is incomplete", errors);
        }
        Optional<ExistingEmployee> existing = findExisting(draft);
        if (existing.isPresent()) {
            return ExportResult.alreadyExists(existing.get());
        }
        String fileName = fileFor(draft.value("email").orElseThrow());
        try {
            store().createNew(fileName, json(draft));
        } catch (FileAlreadyExistsException concurrent) {
            // Another export of the same person won the race: link its file.
            return ExportResult.alreadyExists(findExisting(draft)
                    .orElseThrow(() -> failure(
                            "The file " + fileName + " appeared and vanished again in the folder " + folder,
                            concurrent)));
        } catch (java.nio.file.AccessDeniedException refused) {
            throw new AccessDeniedException("The ATS may not write to the folder " + folder, refused);
        } catch (IOException unclear) {
            if (isFull(unclear)) {
                throw rejected("Could not write to the folder " + folder + "; nothing was written", unclear);
            }
            if (unclear instanceof FileSystemException refused && isNameTooLong(refused)) {
                throw new ValidationFailedException(
                        "The folder refused the file name",
                        List.of(new FieldError(
                                "email", "This e-mail address is too long for a file name in this folder.")),
                        refused);
            }
            return settle(draft, unclear);
        }
        return new ExportResult(ExportOutcome.CREATED, fileName, store().link(fileName), markReady(fileName));
    }

    /**
     * The follow-up step: the marker that hands the file to the payroll import. The employee file exists
     * whatever happens here, so a failure is a warning, never an exception.
     */
    private List<ExportWarning> markReady(String fileName) {
        String marker = fileName.substring(0, fileName.length() - ".json".length()) + READY_SUFFIX;
        try {
            store().createNew(marker, "");
            return List.of();
        } catch (FileAlreadyExistsException alreadyThere) {
            return List.of();
        } catch (IOException e) {
            return List.of(new ExportWarning(
                    READY_STEP,
                    "The employee file " + fileName + " was written, but its marker " + marker + " was not ("
                            + e.getMessage() + "): create an empty " + marker
                            + " in the folder so the payroll import picks the employee up."));
        }
    }

    /**
     * A write that failed may still have put the file in place (a share that lost its answer): look
     * before deciding, never write again blindly.
     */
    private ExportResult settle(EmployeeDraft draft, IOException unclear) {
        Optional<ExistingEmployee> found;
        try {
            found = findExisting(draft);
        } catch (HrisException lookupFailed) {
            throw new ExportOutcomeUnknownException(
                    "Writing to the folder " + folder + " failed (" + unclear.getMessage() + ") and the folder cannot"
                            + " be read to tell whether the file was written. Export again later: the export looks"
                            + " for the file first.",
                    unclear);
        }
        if (found.isPresent()) {
            return ExportResult.createdConfirmedByLookup(
                    found.get(), markReady(found.get().employeeId()));
        }
        throw new RemoteUnavailableException(
                "Could not write to the folder " + folder + " (" + unclear.getMessage() + "); nothing was written",
                unclear);
    }

    @Override
    public Set<Capability> capabilities() {
        return Set.of(Capability.DOCUMENTS);
    }

    @Override
    public UploadedDocument uploadDocument(String employeeId, CandidateDocument document) {
        if (employeeId == null || !EMPLOYEE_FILE.matcher(employeeId).matches()) {
            throw new RemoteRejectedException(404, "There is no employee file " + employeeId + " in the folder");
        }
        String path = employeeId.substring(0, employeeId.length() - ".json".length()) + ".documents/"
                + document.sha256().substring(0, 16) + "-" + safeName(document.fileName());
        try {
            if (store().read(employeeId).isEmpty()) {
                throw new RemoteRejectedException(
                        404, "There is no employee file " + employeeId + " in the folder " + folder);
            }
            if (store().exists(path)) {
                return new UploadedDocument(path, true);
            }
            try (InputStream bytes = document.content().open()) {
                store().copyNew(path, bytes);
            }
        } catch (FileAlreadyExistsException concurrent) {
            return new UploadedDocument(path, true);
        } catch (IOException e) {
            throw failure("Could not copy " + document.fileName() + " into the folder " + folder, e);
        }
        return new UploadedDocument(path, false);
    }

    private static String safeName(String fileName) {
        return fileName.replaceAll("[^A-Za-z0-9._-]", "_");
    }

    @Override
    public String toString() {
        return "FolderConnection[" + folder + ", signed=" + (signingKey != null) + "]";
    }

    private FolderStore store() {
        if (store == null) {
            throw new ValidationFailedException(
                    "The folder connection names no folder",
                    List.of(new FieldError(FolderSettings.FOLDER, "Enter the folder to write to.")));
        }
        return store;
    }

    private HrisException failure(String what, IOException e) {
        if (e instanceof java.nio.file.AccessDeniedException) {
            return new AccessDeniedException(what + ": permission denied", e);
        }
        if (isFull(e)) {
            return rejected(what, e);
        }
        return new RemoteUnavailableException(what + " (" + e.getMessage() + ")", e);
    }

    /** The share answered and refused: asking again changes nothing until someone frees space. */
    private RemoteRejectedException rejected(String what, IOException e) {
        return new RemoteRejectedException(
                0, what + ": the folder is full (" + e.getMessage() + "). Free space on the share, then try again.", e);
    }

    private static boolean isFull(IOException e) {
        if (!(e instanceof FileSystemException refused) || refused.getReason() == null) {
            return false;
        }
        String reason = refused.getReason().toLowerCase(Locale.ROOT);
        return reason.contains("no space left on device") || reason.contains("disk quota exceeded");
    }

    private static boolean isNameTooLong(FileSystemException e) {
        return e.getReason() != null && e.getReason().toLowerCase(Locale.ROOT).contains("name too long");
    }

    private static String fileFor(String email) {
        return URLEncoder.encode(email.strip().toLowerCase(Locale.ROOT), StandardCharsets.UTF_8) + ".json";
    }

    private String json(EmployeeDraft draft) {
        StringBuilder body = new StringBuilder("{");
        draft.values()
                .forEach((key, value) -> body.append(body.length() > 1 ? "," : "")
                        .append(quote(key))
                        .append(':')
                        .append(quote(value.strip())));
        body.append('}');
        if (signingKey == null) {
            return body + "\n";
        }
        return "{\"employee\":" + body + ",\"hmac_sha256\":" + quote(sign(body.toString())) + "}\n";
    }

    private String sign(String payload) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(signingKey.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(payload.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
    }

    private static String quote(String text) {
        StringBuilder quoted = new StringBuilder("\"");
        for (char c : text.toCharArray()) {
            switch (c) {
                case '"' -> quoted.append("\\\"");
                case '\\' -> quoted.append("\\\\");
                case '\n' -> quoted.append("\\n");
                case '\r' -> quoted.append("\\r");
                case '\t' -> quoted.append("\\t");
                default -> {
                    if (c < 0x20) {
                        quoted.append(String.format("\\u%04x", (int) c));
                    } else {
                        quoted.append(c);
                    }
                }
            }
        }
        return quoted.append('"').toString();
    }

    private static boolean isIsoDate(String text) {
        try {
            LocalDate.parse(text);
            return true;
        } catch (DateTimeParseException e) {
            return false;
        }
    }
}
