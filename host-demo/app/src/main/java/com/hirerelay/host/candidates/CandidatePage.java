package com.hirerelay.host.candidates;

import java.util.List;

/**
 * One page of candidates and how many match in all.
 */
public record CandidatePage(List<StoredCandidate> items, int page, int pageSize, long total) {

    public CandidatePage {
        items = List.copyOf(items);
    }
}
