package com.hirerelay.host.candidates;

import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * The latest successful exports of candidates, read in one query for a whole page of candidates.
 */
public interface ExportSummaries {

    /**
     * @param candidateIds the candidates on the page
     * @return candidate id to its latest successful export per connector; candidates never exported are absent
     */
    Map<Long, List<ExportSummary>> latestFor(Collection<Long> candidateIds);
}
