package com.hirerelay.api.testkit;

import com.hirerelay.api.Capability;
import com.hirerelay.api.FieldError;
import com.hirerelay.api.candidate.Candidate;
import com.hirerelay.api.hris.CandidateDocument;
import com.hirerelay.api.hris.ConnectedAccount;
import com.hirerelay.api.hris.EmployeeDraft;
import com.hirerelay.api.hris.EmployeeMatch;
import com.hirerelay.api.hris.EmployeeValues;
import com.hirerelay.api.hris.ExistingEmployee;
import com.hirerelay.api.hris.ExportResult;
import com.hirerelay.api.hris.FieldChange;
import com.hirerelay.api.hris.HrisConnection;
import com.hirerelay.api.hris.MatchDecision;
import com.hirerelay.api.hris.ReferenceData;
import com.hirerelay.api.hris.UpdateOptions;
import com.hirerelay.api.hris.UpdateResult;
import com.hirerelay.api.hris.UploadedDocument;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A connection that passes every call, the optional ones included, to another connection: the base of a
 * decorator in a plugin's tests, such as a deliberately broken variant that overrides one method to show
 * that the kit fails the rule it breaks (see {@link ContractRun}).
 */
public class ForwardingHrisConnection implements HrisConnection {

    /** The connection every call goes to. */
    protected final HrisConnection real;

    /**
     * @param real the connection to pass every call to; not null
     */
    public ForwardingHrisConnection(HrisConnection real) {
        this.real = java.util.Objects.requireNonNull(real, "real");
    }

    @Override
    public ConnectedAccount verify() {
        return real.verify();
    }

    @Override
    public ReferenceData referenceData() {
        return real.referenceData();
    }

    @Override
    public EmployeeDraft draftFor(Candidate candidate) {
        return real.draftFor(candidate);
    }

    @Override
    public List<FieldError> validate(EmployeeDraft draft) {
        return real.validate(draft);
    }

    @Override
    public Optional<ExistingEmployee> findExisting(EmployeeDraft draft) {
        return real.findExisting(draft);
    }

    @Override
    public Optional<EmployeeMatch> findMatch(EmployeeDraft draft) {
        return real.findMatch(draft);
    }

    @Override
    public ExportResult export(EmployeeDraft draft) {
        return real.export(draft);
    }

    @Override
    public Set<Capability> capabilities() {
        return real.capabilities();
    }

    @Override
    public UploadedDocument uploadDocument(String employeeId, CandidateDocument document) {
        return real.uploadDocument(employeeId, document);
    }

    @Override
    public EmployeeValues currentValues(String employeeId, EmployeeDraft draft) {
        return real.currentValues(employeeId, draft);
    }

    @Override
    public UpdateResult update(
            String employeeId, EmployeeDraft draft, List<FieldChange> changes, UpdateOptions options) {
        return real.update(employeeId, draft, changes, options);
    }

    @Override
    public ExportResult export(EmployeeDraft draft, MatchDecision decision) {
        return real.export(draft, decision);
    }

    @Override
    public void close() {
        real.close();
    }

    @Override
    public String toString() {
        return real.toString();
    }
}
