package com.hirerelay.host.candidates;

import java.util.Collection;
import java.util.Map;

/**
 * The {@link CandidateFacts} each candidate had when it was last sent to an HR system, read in one query for a
 * whole page of candidates.
 */
public interface ExportBaselines {

    /**
     * @param candidateIds the candidates on the page
     * @return candidate id to connector id to the facts sent; candidates never sent since the host kept
     *         baselines are absent
     */
    Map<Long, Map<String, Map<String, String>>> baselinesFor(Collection<Long> candidateIds);
}
