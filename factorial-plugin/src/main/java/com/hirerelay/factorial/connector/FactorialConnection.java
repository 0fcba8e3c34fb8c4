package com.hirerelay.factorial.connector;

import com.hirerelay.api.RemoteUnavailableException;
import com.hirerelay.api.candidate.Candidate;
import com.hirerelay.api.hris.ConnectedAccount;
import com.hirerelay.api.hris.ConnectionSettings;
import com.hirerelay.api.hris.EmployeeDraft;
import com.hirerelay.api.hris.ExistingEmployee;
import com.hirerelay.api.hris.ExportResult;
import com.hirerelay.api.hris.HrisConnection;
import com.hirerelay.api.hris.ReferenceData;
import java.util.Optional;

/**
 * One connected Factorial account. NOT FINISHED: the Factorial client is built under issue 3; until
 * then every remote operation reports Factorial as unreachable.
 */
final class FactorialConnection implements HrisConnection {

    private final ConnectionSettings settings;

    FactorialConnection(ConnectionSettings settings) {
        this.settings = settings;
    }

    @Override
    public ConnectedAccount verify() {
        throw notYet();
    }

    @Override
    public ReferenceData referenceData() {
        throw notYet();
    }

    @Override
    public EmployeeDraft draftFor(Candidate candidate) {
        throw notYet();
    }

    @Override
    public Optional<ExistingEmployee> findExisting(EmployeeDraft draft) {
        throw notYet();
    }

    @Override
    public ExportResult export(EmployeeDraft draft) {
        throw notYet();
    }

    private RemoteUnavailableException notYet() {
        return new RemoteUnavailableException("The Factorial client is not built yet (connection "
                + settings.connectionId() + ")", null);
    }
}
