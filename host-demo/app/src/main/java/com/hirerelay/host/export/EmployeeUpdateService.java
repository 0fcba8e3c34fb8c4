package com.hirerelay.host.export;

import com.hirerelay.api.Capability;
import com.hirerelay.api.FieldError;
import com.hirerelay.api.HrisException;
import com.hirerelay.api.SelectOption;
import com.hirerelay.api.ValidationFailedException;
import com.hirerelay.api.candidate.Candidate;
import com.hirerelay.api.hris.ContractChange;
import com.hirerelay.api.hris.DraftField;
import com.hirerelay.api.hris.DraftFieldType;
import com.hirerelay.api.hris.DraftSection;
import com.hirerelay.api.hris.EmployeeDraft;
import com.hirerelay.api.hris.EmployeeValues;
import com.hirerelay.api.hris.FieldChange;
import com.hirerelay.api.hris.FieldUpdateOutcome;
import com.hirerelay.api.hris.FieldUpdateStatus;
import com.hirerelay.api.hris.HrisConnection;
import com.hirerelay.api.hris.UpdatableField;
import com.hirerelay.api.hris.UpdateOptions;
import com.hirerelay.api.hris.UpdateResult;
import com.hirerelay.api.hris.UpdateRoute;
import com.hirerelay.host.auth.User;
import com.hirerelay.host.candidates.CandidateFacts;
import com.hirerelay.host.errors.RequestRefusedException;
import com.hirerelay.host.errors.RequestRefusedException.Reason;
import com.hirerelay.host.plugins.PluginTimeoutException;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Re-export means update: for a candidate whose employee exists, shows per field what the HR system holds now
 * (read live), what was sent last time and what the ATS says now, and sends exactly the fields the user chose,
 * each by the route the connector names ({@link Capability#UPDATE_EMPLOYEE}). Every update is recorded before
 * the HR system is called, with its fields, and finished with each field's outcome.
 *
 * <p>A field is preselected only when the ATS changed it since it was sent and the HR system does not already
 * hold the new value; a field changed in the HR system alone is shown but not preselected, so that an edit made
 * there is never overwritten without a person choosing to.
 */
public final class EmployeeUpdateService {

    private static final Logger LOG = LoggerFactory.getLogger(EmployeeUpdateService.class);

    private final ExportService exports;
    private final ExportAttemptRepository attempts;
    private final EmployeeUpdateRepository updates;
    private final ExportBaselineRepository baselines;
    private final Clock clock;
    private final DraftInputCheck inputCheck = new DraftInputCheck();

    public EmployeeUpdateService(
            ExportService exports,
            ExportAttemptRepository attempts,
            EmployeeUpdateRepository updates,
            ExportBaselineRepository baselines,
            Clock clock) {
        this.exports = exports;
        this.attempts = attempts;
        this.updates = updates;
        this.baselines = baselines;
        this.clock = clock;
    }

    /** The update dialog's request: the values as edited, the fields to send, and how contract fields change. */
    public record UpdateRequest(
            Map<String, String> values, List<String> fields, String contractChange, String effectiveOn) {}

    /**
     * One row of the update dialog.
     *
     * @param field the draft field with the ATS's value now (the input's value)
     * @param inHrNow what the HR system holds, read live; null when it holds nothing
     * @param sentLastTime what the ATS sent for it by the export and the updates since; null when nothing was
     * @param differs whether the ATS's value differs from the HR system's
     * @param changedInAts whether the ATS's value differs from what was sent
     * @param changedInHr whether the HR system's value differs from what was sent (an edit made there)
     * @param preselected ticked when the dialog opens
     */
    public record UpdateLine(
            DraftField field,
            DraftSection section,
            String inHrNow,
            String sentLastTime,
            UpdateRoute route,
            String readOnlyReason,
            boolean differs,
            boolean changedInAts,
            boolean changedInHr,
            boolean preselected) {}

    /**
     * The update dialog.
     *
     * @param contractFrom the day the employee's current contract version applies from, or null
     * @param changedSinceExport the candidate's facts that changed since it was last sent ({@link CandidateFacts})
     */
    public record UpdateView(
            long candidateId,
            String connectorId,
            String connectorName,
            String employeeId,
            String link,
            Instant exportedAt,
            List<UpdateLine> fields,
            Map<String, List<SelectOption>> referenceData,
            LocalDate contractFrom,
            List<String> changedSinceExport) {}

    /** The result of an update: its record, with each field's outcome. */
    public record UpdateOutcome(
            long updateId,
            String employeeId,
            String link,
            EmployeeUpdateState state,
            List<EmployeeUpdate.Field> fields) {}

    /**
     * @throws RequestRefusedException 409 {@code not_exportable} when the candidate has no employee with the
     *     connector or the connector does not update employees
     */
    public UpdateView view(long candidateId, String connectorId, User user) {
        Target target = target(candidateId, connectorId, user);
        EmployeeValues now = currentValues(target, connectorId);
        List<UpdateLine> lines = lines(target, now);
        return new UpdateView(
                candidateId,
                connectorId,
                exports.connectorName(connectorId),
                target.exported().employeeId(),
                target.exported().link(),
                target.exported().finishedAt(),
                lines,
                exports.call(connectorId, target.connection()::referenceData).lists(),
                now.contractFrom(),
                changedFacts(target));
    }

    private EmployeeValues currentValues(Target target, String connectorId) {
        return exports.call(
                connectorId,
                () -> target.connection().currentValues(target.exported().employeeId(), target.draft()));
    }

    /** The update dialog's rows: per field of the draft, the three values and whether it is preselected. */
    private List<UpdateLine> lines(Target target, EmployeeValues now) {
        long candidateId = target.exported().candidateId();
        String connectorId = target.exported().connectorId();
        EmployeeDraft draft = target.draft();
        Map<String, String> sent = sentLastTime(target.exported());
        boolean sentByUs = attempts.latestCreated(
                        candidateId, connectorId, target.exported().employeeId())
                .isPresent();
        // the ATS's own values at the last send tell an ATS change from a value typed in the dialog then
        Optional<Map<String, String>> atsThen =
                baselines.atsValues(candidateId, connectorId).filter(values -> !values.isEmpty());
        List<UpdateLine> lines = new ArrayList<>();
        for (DraftField field : draft.fields()) {
            UpdatableField route = now.route(field.key());
            String hr = now.value(field.key()).orElse(null);
            String last = sent.get(field.key());
            String ats = field.hasValue() ? field.value().strip() : null;
            boolean differs = !same(field, ats, hr);
            // a field the export never sent (a linked employee) has no "last time" to have changed from
            boolean changedInAts = atsThen.isPresent()
                    ? !same(field, ats, atsThen.get().get(field.key()))
                    : sentByUs && !same(field, ats, last);
            boolean changedInHr = sentByUs && !same(field, hr, last);
            boolean preselected = route.route() != UpdateRoute.READ_ONLY && ats != null && differs && changedInAts;
            lines.add(new UpdateLine(
                    field,
                    draft.sectionOf(field.key()),
                    hr,
                    last,
                    route.route(),
                    route.reason(),
                    differs,
                    changedInAts,
                    changedInHr,
                    preselected));
        }
        return lines;
    }

    /** @return the labels of the candidate's facts that changed since it was last sent; empty when none or unknown */
    private List<String> changedFacts(Target target) {
        long candidateId = target.exported().candidateId();
        Map<String, String> baseline = baselines
                .baselinesFor(List.of(candidateId))
                .getOrDefault(candidateId, Map.of())
                .get(target.exported().connectorId());
        return baseline == null ? List.of() : CandidateFacts.changed(baseline, CandidateFacts.of(target.candidate()));
    }

    /**
     * Sends the chosen fields. Checks everything it can before recording or sending anything (422 naming the
     * field); records the update, calls the connector, and records each field's outcome. When every chosen field
     * went through, the candidate's facts become the new baseline, so "Changed since export" clears.
     *
     * @throws RequestRefusedException 422 for a malformed request, 409 when another update of the candidate runs
     * @throws HrisException the connector's typed failure before anything was sent, recorded as a failed update
     */
    public UpdateOutcome update(long candidateId, String connectorId, UpdateRequest request, User user) {
        return update(candidateId, connectorId, request, user, true, false);
    }

    /**
     * What a bulk update sends for one candidate: the fields its update dialog would preselect, and the fields the
     * ATS changed that it does not send, each with why.
     *
     * @param changedFacts the labels of the candidate's facts changed since it was last sent; empty when none (then
     *     the HR system was not read and the field lists are empty)
     * @param toSend the keys of the fields to send, in the draft's order
     * @param leftOut the fields the ATS changed since they were sent that are not sent
     */
    public record ChangedFields(
            String candidateName,
            String employeeId,
            String link,
            List<String> changedFacts,
            List<String> toSend,
            List<LeftOut> leftOut) {

        public ChangedFields {
            changedFacts = List.copyOf(changedFacts);
            toSend = List.copyOf(toSend);
            leftOut = List.copyOf(leftOut);
        }

        /** @return true when a field is left out because the HR system changed it too: a person must choose */
        public boolean hasConflicts() {
            return leftOut.stream().anyMatch(LeftOut::conflict);
        }
    }

    /**
     * A field the ATS changed since it was sent that a bulk update does not send.
     *
     * @param conflict true when the HR system changed it too since it was sent (a person must choose the value);
     *     false when it cannot be sent at all (read only, no value in the ATS, or the HR system holds it already)
     */
    public record LeftOut(String key, String label, String reason, boolean conflict) {}

    /**
     * Reads what a bulk update would send for the candidate: only when its facts changed since it was last sent
     * ("Changed since export") is the HR system read live. A field is chosen exactly as the update dialog
     * preselects it (the ATS changed it since it was sent, the HR system can take it and does not hold the new
     * value), except a field the HR system changed too: no person sees that conflict in a bulk update, so it is
     * left out for the dialog.
     *
     * @throws RequestRefusedException 404 for an unknown candidate, 409 {@code not_exportable} when the candidate
     *     may not be exported, has no employee with the connector, the connector does not update employees, or it
     *     was exported before the host kept what it sent (then only a person comparing field by field can tell)
     */
    public ChangedFields changedFields(long candidateId, String connectorId, User user) {
        Target target = target(candidateId, connectorId, user);
        String name = target.candidate().fullName();
        String employeeId = target.exported().employeeId();
        String link = target.exported().link();
        boolean tracked = baselines
                .baselinesFor(List.of(candidateId))
                .getOrDefault(candidateId, Map.of())
                .containsKey(connectorId);
        if (!tracked) {
            // exported before the host kept what it sent: whether the ATS changed a field cannot be told for sure
            throw new RequestRefusedException(
                    Reason.NOT_EXPORTABLE,
                    name + " was exported to " + exports.connectorName(connectorId) + " before the ATS kept what it"
                            + " sent; open the candidate's update to compare each field. Nothing was sent.");
        }
        List<String> facts = changedFacts(target);
        if (facts.isEmpty()) {
            return new ChangedFields(name, employeeId, link, facts, List.of(), List.of());
        }
        String connectorName = exports.connectorName(connectorId);
        List<String> toSend = new ArrayList<>();
        List<LeftOut> leftOut = new ArrayList<>();
        for (UpdateLine line : lines(target, currentValues(target, connectorId))) {
            String key = line.field().key();
            String label = line.field().label();
            if (!line.changedInAts()) {
                continue; // unchanged in the ATS, or changed in the HR system alone: never sent by a bulk update
            }
            if (line.preselected() && line.changedInHr()) {
                leftOut.add(new LeftOut(
                        key,
                        label,
                        "Changed in " + connectorName + " too since it was sent; open this candidate's update to"
                                + " choose the value to keep.",
                        true));
            } else if (line.preselected()) {
                toSend.add(key);
            } else if (line.route() == UpdateRoute.READ_ONLY) {
                leftOut.add(new LeftOut(key, label, line.readOnlyReason(), false));
            } else if (!line.field().hasValue()) {
                leftOut.add(new LeftOut(
                        key, label, "The ATS has no value for it now; an update does not empty a field.", false));
            } else {
                leftOut.add(new LeftOut(key, label, connectorName + " holds this value already.", false));
            }
        }
        return new ChangedFields(name, employeeId, link, facts, toSend, leftOut);
    }

    /**
     * {@link #update(long, String, UpdateRequest, User)}, recording the candidate's facts as the new baseline only
     * when {@code settlesChanges} and every chosen field went through.
     */
    UpdateOutcome update(
            long candidateId, String connectorId, UpdateRequest request, User user, boolean settlesChanges) {
        return update(candidateId, connectorId, request, user, settlesChanges, false);
    }

    /**
     * An update the host sends by itself after an edit in the ATS: exactly what a bulk update would send for the
     * candidate ({@link #changedFields}), contract fields corrected on the current version. A field the HR system
     * changed too is never sent: it is in {@link ChangedFields#leftOut()} as a conflict and the candidate stays
     * "Changed since export" for a person to choose.
     *
     * @param user who made the edit; the update is recorded as theirs and marked automatic
     * @return what was found changed, and the update's outcome when something was sent
     * @throws RequestRefusedException 409 {@code export_in_progress} when another update of the candidate runs,
     *     and the refusals of {@link #changedFields}
     * @throws HrisException the connector's typed failure, recorded as a failed update when anything was recorded
     */
    public AutomaticUpdate sendChanged(long candidateId, String connectorId, User user) {
        ChangedFields changed = changedFields(candidateId, connectorId, user);
        if (changed.toSend().isEmpty()) {
            return new AutomaticUpdate(changed, null);
        }
        UpdateOutcome outcome = update(
                candidateId,
                connectorId,
                new UpdateRequest(Map.of(), changed.toSend(), ContractChange.CORRECT_CURRENT.name(), null),
                user,
                !changed.hasConflicts(),
                true);
        return new AutomaticUpdate(changed, outcome);
    }

    /**
     * What an automatic update found and did.
     *
     * @param outcome the update sent, or null when there was nothing to send
     */
    public record AutomaticUpdate(ChangedFields changed, UpdateOutcome outcome) {}

    private UpdateOutcome update(
            long candidateId,
            String connectorId,
            UpdateRequest request,
            User user,
            boolean settlesChanges,
            boolean automatic) {
        Target target = target(candidateId, connectorId, user);
        Map<String, String> edits = request == null || request.values() == null ? Map.of() : request.values();
        List<String> chosen = request == null || request.fields() == null ? List.of() : request.fields();
        List<FieldError> errors = new ArrayList<>();
        Map<String, String> known = new LinkedHashMap<>();
        edits.forEach((key, value) -> {
            if (target.draft().field(key).isPresent()) {
                known.put(key, value == null ? "" : value);
            } else {
                errors.add(new FieldError(key, "This HR system has no field '" + key + "'."));
            }
        });
        DraftInputCheck.Checked checked = inputCheck.check(target.draft().withValues(known));
        EmployeeDraft draft = checked.draft();
        Set<String> seen = new HashSet<>();
        for (String key : chosen) {
            if (key == null || draft.field(key).isEmpty()) {
                errors.add(new FieldError("fields", "This HR system has no field '" + key + "' to update."));
            } else if (!seen.add(key)) {
                errors.add(new FieldError("fields", "'" + key + "' is named twice."));
            } else if (draft.value(key).isEmpty()) {
                errors.add(new FieldError(key, "Enter the value to send; an update does not empty a field."));
            }
        }
        if (chosen.isEmpty()) {
            errors.add(new FieldError("fields", "Choose at least one field to update."));
        }
        checked.errors().stream().filter(error -> seen.contains(error.field())).forEach(errors::add);
        UpdateOptions options = options(request, errors);
        if (!errors.isEmpty()) {
            throw new RequestRefusedException(
                    Reason.VALIDATION_FAILED, "Check the highlighted fields; nothing was sent.", errors);
        }
        String employeeId = target.exported().employeeId();
        HrisConnection connection = target.connection();
        EmployeeValues before = exports.call(connectorId, () -> connection.currentValues(employeeId, draft));
        for (String key : chosen) {
            UpdatableField route = before.route(key);
            if (route.route() == UpdateRoute.READ_ONLY) {
                errors.add(new FieldError(key, route.reason()));
            }
        }
        if (!errors.isEmpty()) {
            throw new RequestRefusedException(
                    Reason.VALIDATION_FAILED,
                    "Some chosen fields cannot be changed in " + exports.connectorName(connectorId)
                            + "; nothing was sent.",
                    errors);
        }
        List<EmployeeUpdate.Field> fields = new ArrayList<>();
        for (String key : chosen) {
            fields.add(new EmployeeUpdate.Field(
                    key,
                    draft.field(key).map(DraftField::label).orElse(key),
                    before.value(key).orElse(null),
                    draft.value(key).orElseThrow(),
                    null,
                    null));
        }
        boolean contract = chosen.stream().anyMatch(key -> before.route(key).route() == UpdateRoute.CONTRACT_FIELD);
        String connectorName = exports.connectorName(connectorId);
        long updateId = updates.begin(
                        candidateId,
                        connectorId,
                        connectorName,
                        employeeId,
                        user.id(),
                        user.name(),
                        contract ? options.contractChange().name() : null,
                        contract && options.effectiveOn() != null
                                ? options.effectiveOn().toString()
                                : null,
                        fields,
                        automatic,
                        clock.instant())
                .orElseThrow(() -> new RequestRefusedException(
                        Reason.EXPORT_IN_PROGRESS,
                        target.candidate().fullName() + " is being updated in " + connectorName
                                + " right now. Wait a moment and open the update again."));
        LOG.info(
                "Updating {} field(s) of employee {} for candidate {} with {} (update {})",
                chosen.size(),
                employeeId,
                candidateId,
                connectorId,
                updateId);
        UpdateResult result;
        try {
            List<FieldChange> changes = chosen.stream()
                    .map(key -> new FieldChange(key, draft.value(key).orElseThrow()))
                    .toList();
            result = exports.call(connectorId, () -> connection.update(employeeId, draft, changes, options));
        } catch (ValidationFailedException refused) {
            updates.finish(updateId, EmployeeUpdateState.FAILED, fields, refused.getMessage(), clock.instant());
            throw new RequestRefusedException(
                    Reason.VALIDATION_FAILED, refused.getMessage() + " Nothing was sent.", refused.fieldErrors());
        } catch (PluginTimeoutException unconfirmed) {
            updates.finish(
                    updateId,
                    EmployeeUpdateState.FAILED,
                    fields,
                    "The HR system did not confirm the update in time. Look at the employee there before sending it"
                            + " again.",
                    clock.instant());
            throw unconfirmed;
        } catch (RuntimeException failure) {
            updates.finish(updateId, EmployeeUpdateState.FAILED, fields, failure.getMessage(), clock.instant());
            throw failure;
        }
        List<EmployeeUpdate.Field> finished = new ArrayList<>();
        for (EmployeeUpdate.Field field : fields) {
            FieldUpdateOutcome outcome = result.fields().stream()
                    .filter(candidate -> candidate.key().equals(field.key()))
                    .findFirst()
                    .orElse(FieldUpdateOutcome.failed(field.key(), "The connector did not say what became of it."));
            finished.add(new EmployeeUpdate.Field(
                    field.key(),
                    field.label(),
                    field.before(),
                    field.value(),
                    outcome.status().name(),
                    outcome.message()));
        }
        long updated = finished.stream()
                .filter(field -> FieldUpdateStatus.UPDATED.name().equals(field.status()))
                .count();
        EmployeeUpdateState state = updated == finished.size()
                ? EmployeeUpdateState.UPDATED
                : updated == 0 ? EmployeeUpdateState.FAILED : EmployeeUpdateState.PARTIAL;
        updates.finish(updateId, state, finished, null, clock.instant());
        if (state == EmployeeUpdateState.UPDATED && settlesChanges) {
            baselines.record(
                    candidateId,
                    connectorId,
                    CandidateFacts.of(target.candidate()),
                    target.draft().values(),
                    clock.instant());
        }
        return new UpdateOutcome(updateId, employeeId, target.exported().link(), state, finished);
    }

    /** @return the candidate's updates with every connector, newest first */
    public List<EmployeeUpdate> history(long candidateId) {
        return updates.forCandidate(candidateId);
    }

    private UpdateOptions options(UpdateRequest request, List<FieldError> errors) {
        String change = request == null || request.contractChange() == null
                ? ContractChange.CORRECT_CURRENT.name()
                : request.contractChange();
        if (change.equals(ContractChange.CORRECT_CURRENT.name())) {
            return UpdateOptions.correctCurrent();
        }
        if (!change.equals(ContractChange.NEW_VERSION.name())) {
            errors.add(new FieldError("contractChange", "Choose CORRECT_CURRENT or NEW_VERSION."));
            return UpdateOptions.correctCurrent();
        }
        try {
            return UpdateOptions.newVersionFrom(
                    LocalDate.parse(request.effectiveOn() == null ? "" : request.effectiveOn()));
        } catch (DateTimeParseException unreadable) {
            errors.add(new FieldError("effectiveOn", "Enter the day the new contract version starts, as YYYY-MM-DD."));
            return UpdateOptions.correctCurrent();
        }
    }

    /** The candidate, its connection, its employee and its draft (ATS values now), for a user who may export. */
    private record Target(
            Candidate candidate, HrisConnection connection, ExportAttempt exported, EmployeeDraft draft) {}

    private Target target(long candidateId, String connectorId, User user) {
        ExportService.Exportable exportable = exports.exportableWithConnection(candidateId, connectorId, user);
        Candidate candidate = exportable.candidate();
        HrisConnection connection = exportable.connection();
        if (!connection.capabilities().contains(Capability.UPDATE_EMPLOYEE)) {
            throw new RequestRefusedException(
                    Reason.NOT_EXPORTABLE,
                    exports.connectorName(connectorId) + " does not take updates of exported employees.");
        }
        ExportAttempt exported = attempts.latestWithEmployee(candidateId, connectorId)
                .orElseThrow(() -> new RequestRefusedException(
                        Reason.NOT_EXPORTABLE,
                        candidate.fullName() + " has not been exported to " + exports.connectorName(connectorId)
                                + " yet: export first."));
        return new Target(candidate, connection, exported, exports.mappedDraft(connectorId, connection, candidate));
    }

    /** The export's values, with the fields each later update sent for the same employee. */
    private Map<String, String> sentLastTime(ExportAttempt exported) {
        Optional<ExportAttempt> created =
                attempts.latestCreated(exported.candidateId(), exported.connectorId(), exported.employeeId());
        Map<String, String> sent =
                new LinkedHashMap<>(created.map(ExportAttempt::draft).orElse(Map.of()));
        for (EmployeeUpdate update :
                updates.forEmployee(exported.candidateId(), exported.connectorId(), exported.employeeId())) {
            for (EmployeeUpdate.Field field : update.fields()) {
                if (FieldUpdateStatus.UPDATED.name().equals(field.status())) {
                    sent.put(field.key(), field.value());
                }
            }
        }
        return sent;
    }

    /** Equal as the field's type reads them: numbers by value, choices and countries ignoring case. */
    static boolean same(DraftField field, String a, String b) {
        String left = a == null || a.isBlank() ? null : a.strip();
        String right = b == null || b.isBlank() ? null : b.strip();
        if (left == null || right == null) {
            return left == right;
        }
        if (field.type() == DraftFieldType.DECIMAL) {
            try {
                return new BigDecimal(left).compareTo(new BigDecimal(right)) == 0;
            } catch (NumberFormatException notNumbers) {
                return left.equals(right);
            }
        }
        if (field.type() == DraftFieldType.SELECT || field.type() == DraftFieldType.COUNTRY) {
            return left.equalsIgnoreCase(right);
        }
        return left.equals(right);
    }
}
