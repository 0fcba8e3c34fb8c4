package com.hirerelay.host.candidates;

import java.util.List;

/**
 * A candidate whose ATS data changed after it was last sent to an HR system.
 *
 * @param connectorId the connector it was sent with
 * @param connectorName its display name
 * @param fields the labels of the facts that changed ({@link CandidateFacts}), at least one
 */
public record ChangedSinceExport(String connectorId, String connectorName, List<String> fields) {

    public ChangedSinceExport {
        fields = List.copyOf(fields);
    }
}
