package com.hirerelay.example.folder;

import com.hirerelay.api.EmailAddress;
import com.hirerelay.api.FieldError;
import com.hirerelay.api.RemoteUnavailableException;
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
import com.hirerelay.api.hris.HrisConnection;
import com.hirerelay.api.hris.ReferenceData;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * One configured folder. The file name is derived from the e-mail address, so "does this employee
 * exist" is one file check and the create is an atomic move that fails if the file appeared meanwhile:
 * two concurrent exports of the same person can never both write.
 */
final class FolderConnection implements HrisConnection {

    private final Path folder;
    private final String signingKey;

    FolderConnection(ConnectionSettings settings) {
        this.folder = Path.of(settings.valueOr(FolderSettings.FOLDER, "."));
        this.signingKey = settings.value(FolderSettings.SIGNING_KEY).orElse(null);
    }

    @Override
    public ConnectedAccount verify() {
        if (!Files.isDirectory(folder) || !Files.isWritable(folder)) {
            throw new ValidationFailedException(
                    "The folder cannot be written to",
                    List.of(new FieldError(
                            FolderSettings.FOLDER, "The folder " + folder + " does not exist or is not writable.")));
        }
        return new ConnectedAccount(folder.toString(), null, Map.of());
    }

    @Override
    public ReferenceData referenceData() {
        return ReferenceData.EMPTY;
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
                                .withMaxLength(200)));
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
        return errors;
    }

    @Override
    public Optional<ExistingEmployee> findExisting(EmployeeDraft draft) {
        requireReachable();
        return draft.value("email")
                .map(this::fileFor)
                .filter(Files::exists)
                .map(file -> new ExistingEmployee(
                        file.getFileName().toString(),
                        draft.value("first_name").orElse("") + " "
                                + draft.value("last_name").orElse(""),
                        draft.value("email").orElse(null),
                        file.toUri()));
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
        Path target = fileFor(draft.value("email").orElseThrow());
        try {
            Path temporary = Files.createTempFile(folder, ".export-", ".tmp");
            Files.writeString(temporary, json(draft));
            try {
                Files.move(temporary, target);
            } catch (FileAlreadyExistsException e) {
                Files.deleteIfExists(temporary);
                return ExportResult.alreadyExists(findExisting(draft).orElseThrow());
            }
        } catch (IOException e) {
            throw new RemoteUnavailableException("Could not write to the folder " + folder + ": " + e.getMessage(), e);
        }
        return new ExportResult(ExportOutcome.CREATED, target.getFileName().toString(), target.toUri(), List.of());
    }

    @Override
    public String toString() {
        return "FolderConnection[" + folder + ", signed=" + (signingKey != null) + "]";
    }

    private void requireReachable() {
        if (!Files.isDirectory(folder)) {
            throw new RemoteUnavailableException("The folder " + folder + " is not reachable", null);
        }
    }

    private Path fileFor(String email) {
        return folder.resolve(
                URLEncoder.encode(email.strip().toLowerCase(Locale.ROOT), StandardCharsets.UTF_8) + ".json");
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
