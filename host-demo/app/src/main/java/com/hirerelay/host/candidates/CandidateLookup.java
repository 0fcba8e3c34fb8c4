package com.hirerelay.host.candidates;

import com.hirerelay.api.candidate.Candidate;
import java.util.Optional;

/**
 * Reads a stored candidate as the plugin API's {@link Candidate}, the form exports hand to connectors.
 */
public interface CandidateLookup {

    /**
     * @param candidateId the host's candidate id
     * @return the candidate, or empty when there is none with that id
     */
    Optional<Candidate> findForExport(long candidateId);
}
