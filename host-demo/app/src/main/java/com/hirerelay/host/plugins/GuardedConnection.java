package com.hirerelay.host.plugins;

import com.hirerelay.api.Capability;
import com.hirerelay.api.FieldError;
import com.hirerelay.api.candidate.Candidate;
import com.hirerelay.api.hris.CandidateDocument;
import com.hirerelay.api.hris.ConnectedAccount;
import com.hirerelay.api.hris.EmployeeDraft;
import com.hirerelay.api.hris.EmployeeMatch;
import com.hirerelay.api.hris.EmployeeValues;
import com.hirerelay.api.hris.ExistingEmployee;
import com.hirerelay.api.hris.ExportJournal;
import com.hirerelay.api.hris.ExportResult;
import com.hirerelay.api.hris.FieldChange;
import com.hirerelay.api.hris.FollowUpStep;
import com.hirerelay.api.hris.HrisConnection;
import com.hirerelay.api.hris.MatchDecision;
import com.hirerelay.api.hris.ReferenceData;
import com.hirerelay.api.hris.UpdateOptions;
import com.hirerelay.api.hris.UpdateResult;
import com.hirerelay.api.hris.UploadedDocument;
import com.hirerelay.host.errors.RequestRefusedException;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A plugin's {@link HrisConnection} seen through the {@link PluginGuard}: the host only ever holds
 * these. Every method may do I/O, so each runs on the plugin's bounded executor with a time limit
 * ({@link PluginGuard#callWithin}); {@link #validate} too, as it may read reference data. A time-out on
 * {@link #export} leaves the outcome open, which the caller must treat as "may have been created"; a
 * refusal for lack of room ({@link com.hirerelay.host.errors.RequestRefusedException.Reason#BUSY}) means the
 * call never started.
 */
final class GuardedConnection implements HrisConnection {

    private static final Logger LOG = LoggerFactory.getLogger(GuardedConnection.class);

    private final String pluginId;
    private final HrisConnection delegate;
    private final ClassLoader loader;
    private final PluginGuard guard;
    private final PluginCallLimits limits;

    GuardedConnection(
            String pluginId, HrisConnection delegate, ClassLoader loader, PluginGuard guard, PluginCallLimits limits) {
        this.pluginId = pluginId;
        this.delegate = delegate;
        this.loader = loader;
        this.guard = guard;
        this.limits = limits;
    }

    @Override
    public ConnectedAccount verify() {
        return nonNull(
                guard.callWithin(limits.remoteRead(), pluginId, loader, "verifying credentials", delegate::verify),
                "verify");
    }

    @Override
    public ReferenceData referenceData() {
        return nonNull(
                guard.callWithin(
                        limits.remoteRead(), pluginId, loader, "loading reference data", delegate::referenceData),
                "referenceData");
    }

    @Override
    public EmployeeDraft draftFor(Candidate candidate) {
        return nonNull(
                guard.callWithin(
                        limits.remoteRead(), pluginId, loader, "building a draft", () -> delegate.draftFor(candidate)),
                "draftFor");
    }

    @Override
    public List<FieldError> validate(EmployeeDraft draft) {
        return nonNull(
                guard.callWithin(
                        limits.remoteRead(), pluginId, loader, "validating a draft", () -> delegate.validate(draft)),
                "validate");
    }

    @Override
    public Optional<ExistingEmployee> findExisting(EmployeeDraft draft) {
        return nonNull(
                guard.callWithin(
                        limits.remoteRead(),
                        pluginId,
                        loader,
                        "looking for an existing employee",
                        () -> delegate.findExisting(draft)),
                "findExisting");
    }

    @Override
    public Optional<EmployeeMatch> findMatch(EmployeeDraft draft) {
        return nonNull(
                guard.callWithin(
                        limits.remoteRead(),
                        pluginId,
                        loader,
                        "looking for a matching employee",
                        () -> delegate.findMatch(draft)),
                "findMatch");
    }

    @Override
    public ExportResult export(EmployeeDraft draft, MatchDecision decision) {
        return nonNull(
                guard.callWithin(
                        limits.export(),
                        pluginId,
                        loader,
                        "exporting an employee",
                        () -> delegate.export(draft, decision)),
                "export");
    }

    /** The steps after a create, asked on the caller's thread: the API says this does no I/O. */
    @Override
    public List<FollowUpStep> followUpSteps(EmployeeDraft draft) {
        List<FollowUpStep> steps =
                guard.call(pluginId, loader, "listing its follow-up steps", () -> delegate.followUpSteps(draft));
        return steps == null ? List.of() : steps;
    }

    @Override
    public ExportResult export(EmployeeDraft draft, MatchDecision decision, ExportJournal journal) {
        return nonNull(
                guard.callWithin(
                        limits.export(),
                        pluginId,
                        loader,
                        "exporting an employee",
                        () -> delegate.export(draft, decision, journal)),
                "export");
    }

    @Override
    public void resumeFollowUp(FollowUpStep step, String employeeId, EmployeeDraft draft) {
        guard.callWithin(limits.export(), pluginId, loader, "finishing '" + step.label() + "'", () -> {
            delegate.resumeFollowUp(step, employeeId, draft);
            return null;
        });
    }

    @Override
    public ExportResult export(EmployeeDraft draft) {
        return nonNull(
                guard.callWithin(
                        limits.export(), pluginId, loader, "exporting an employee", () -> delegate.export(draft)),
                "export");
    }

    /** No I/O by contract, so it runs on the caller's thread, guarded like the connector's other such calls. */
    @Override
    public Set<Capability> capabilities() {
        return Set.copyOf(nonNull(
                guard.call(pluginId, loader, "declaring its capabilities", delegate::capabilities), "capabilities"));
    }

    /** Bounded like an export: a document of up to 15 MB may take a while to send. */
    @Override
    public UploadedDocument uploadDocument(String employeeId, CandidateDocument document) {
        return nonNull(
                guard.callWithin(
                        limits.export(),
                        pluginId,
                        loader,
                        "uploading a document",
                        () -> delegate.uploadDocument(employeeId, document)),
                "uploadDocument");
    }

    /** Bounded like a look-up: it reads the employee and its contract. */
    @Override
    public EmployeeValues currentValues(String employeeId, EmployeeDraft draft) {
        return nonNull(
                guard.callWithin(
                        limits.remoteRead(),
                        pluginId,
                        loader,
                        "reading the employee's current values",
                        () -> delegate.currentValues(employeeId, draft)),
                "currentValues");
    }

    /** Bounded like an export: it may send an employee update and a contract version. */
    @Override
    public UpdateResult update(
            String employeeId, EmployeeDraft draft, List<FieldChange> changes, UpdateOptions options) {
        return nonNull(
                guard.callWithin(
                        limits.export(),
                        pluginId,
                        loader,
                        "updating an employee",
                        () -> delegate.update(employeeId, draft, changes, options)),
                "update");
    }

    /**
     * Closes the plugin's connection on one of the plugin's threads, within the close limit. Closing
     * never fails the caller: a failure is reported against the plugin, and when the plugin is too
     * busy to take the call the connection is left to the garbage collector rather than making the
     * caller wait behind calls that may never end.
     */
    @Override
    public void close() {
        try {
            guard.callWithin(limits.close(), pluginId, loader, "closing a connection", () -> {
                delegate.close();
                return null;
            });
        } catch (PluginFailureException e) {
            // Already reported against the plugin.
        } catch (RequestRefusedException busy) {
            LOG.warn("A connection of plugin '{}' was not closed: {}", pluginId, busy.getMessage());
        }
    }

    private <T> T nonNull(T value, String method) {
        if (value == null) {
            throw new PluginFailureException(
                    pluginId, "Plugin '" + pluginId + "' returned nothing from " + method, null);
        }
        return value;
    }
}
