package com.hirerelay.example.folder;

import com.hirerelay.api.Capability;
import com.hirerelay.api.FieldError;
import com.hirerelay.api.candidate.Candidate;
import com.hirerelay.api.hris.CandidateDocument;
import com.hirerelay.api.hris.ConnectedAccount;
import com.hirerelay.api.hris.EmployeeDraft;
import com.hirerelay.api.hris.ExistingEmployee;
import com.hirerelay.api.hris.ExportResult;
import com.hirerelay.api.hris.HrisConnection;
import com.hirerelay.api.hris.ReferenceData;
import com.hirerelay.api.hris.UploadedDocument;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** The example's connection with every call passed through, for a broken variant to override one of them. */
class ForwardingConnection implements HrisConnection {

    final HrisConnection real;

    ForwardingConnection(HrisConnection real) {
        this.real = real;
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
    public void close() {
        real.close();
    }

    @Override
    public String toString() {
        return real.toString();
    }
}
