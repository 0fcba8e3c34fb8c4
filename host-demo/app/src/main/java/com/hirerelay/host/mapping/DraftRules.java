package com.hirerelay.host.mapping;

import com.hirerelay.api.candidate.Candidate;
import com.hirerelay.api.hris.EmployeeDraft;
import com.hirerelay.api.hris.ReferenceData;
import java.util.function.Supplier;

/** Applies an integration's mapping rules to the draft its connector built for a candidate. */
@FunctionalInterface
public interface DraftRules {

    /** Changes nothing: for hosts and tests without mapping rules. */
    DraftRules NONE = (connectorId, candidate, draft, reference) -> draft;

    /**
     * Fills select fields the candidate's data left empty (or that only the connect form's default filled)
     * from the matching rule or the field's default, each with its {@link com.hirerelay.api.hris.ValueSource},
     * and marks the fields the admin wants filled as required. A rule whose value the HR system no longer
     * offers is skipped, so the field stays empty rather than wrong.
     *
     * @param connectorId the integration
     * @param candidate the candidate the draft is for
     * @param draft the connector's draft
     * @param reference the connection's reference data; asked only when a rule applies
     * @return the draft with the rules applied
     */
    EmployeeDraft apply(
            String connectorId, Candidate candidate, EmployeeDraft draft, Supplier<ReferenceData> reference);
}
