package com.hirerelay.host.candidates;

import com.hirerelay.api.candidate.CandidateStatus;

/**
 * The Candidates tab's filters and page.
 *
 * @param status only this status, or null for all
 * @param jobId only this job, or null
 * @param stageId only this stage, or null
 * @param query matched against name and e-mail (case-insensitive substring), or null
 * @param page 1-based page number
 * @param pageSize rows per page, 1 to 100
 */
public record CandidateFilter(CandidateStatus status, Long jobId, Long stageId, String query, int page, int pageSize) {

    /** The largest page the API serves. */
    public static final int MAX_PAGE_SIZE = 100;

    public CandidateFilter {
        page = Math.max(1, page);
        pageSize = Math.min(MAX_PAGE_SIZE, Math.max(1, pageSize));
        query = query == null || query.isBlank() ? null : query.strip();
    }
}
