package com.hirerelay.api.testkit;

import com.hirerelay.api.Capability;
import com.hirerelay.api.FieldError;
import com.hirerelay.api.candidate.Candidate;
import com.hirerelay.api.hris.CandidateDocument;
import com.hirerelay.api.hris.ConnectedAccount;
import com.hirerelay.api.hris.ConnectionContext;
import com.hirerelay.api.hris.ConnectionSettings;
import com.hirerelay.api.hris.ConnectorInfo;
import com.hirerelay.api.hris.EmployeeDraft;
import com.hirerelay.api.hris.EmployeeMatch;
import com.hirerelay.api.hris.EmployeeValues;
import com.hirerelay.api.hris.ExistingEmployee;
import com.hirerelay.api.hris.ExportResult;
import com.hirerelay.api.hris.FieldChange;
import com.hirerelay.api.hris.HrisConnection;
import com.hirerelay.api.hris.HrisConnector;
import com.hirerelay.api.hris.HrisRequestListener;
import com.hirerelay.api.hris.MatchDecision;
import com.hirerelay.api.hris.RateBudget;
import com.hirerelay.api.hris.ReferenceData;
import com.hirerelay.api.hris.UpdateOptions;
import com.hirerelay.api.hris.UpdateResult;
import com.hirerelay.api.hris.UploadedDocument;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.UnaryOperator;

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

    /**
     * A connector that opens its connections through {@code real}, however it is asked to open them (with or
     * without the host's budget, listener or {@link ConnectionContext}, so the real connector still gets the
     * kit's clock), and hands each to {@code decorate}: the connector of a broken variant.
     *
     * @param real the connector whose connections to decorate; not null
     * @param decorate wraps each connection, typically in a {@code ForwardingHrisConnection} subclass
     * @return the decorating connector, with the real connector's info
     * @since 1.3.0
     */
    public static HrisConnector decoratingConnections(HrisConnector real, UnaryOperator<HrisConnection> decorate) {
        java.util.Objects.requireNonNull(real, "real");
        java.util.Objects.requireNonNull(decorate, "decorate");
        return new HrisConnector() {
            @Override
            public ConnectorInfo info() {
                return real.info();
            }

            @Override
            public HrisConnection open(ConnectionSettings settings) {
                return decorate.apply(real.open(settings));
            }

            @Override
            public HrisConnection open(ConnectionSettings settings, RateBudget budget) {
                return decorate.apply(real.open(settings, budget));
            }

            @Override
            public HrisConnection open(ConnectionSettings settings, RateBudget budget, HrisRequestListener listener) {
                return decorate.apply(real.open(settings, budget, listener));
            }

            @Override
            public HrisConnection open(ConnectionSettings settings, ConnectionContext context) {
                return decorate.apply(real.open(settings, context));
            }
        };
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
