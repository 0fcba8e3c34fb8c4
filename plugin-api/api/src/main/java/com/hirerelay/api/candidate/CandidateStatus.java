package com.hirerelay.api.candidate;

/**
 * Where a candidate stands overall, independent of the job's pipeline stages. A candidate moved into
 * a job's Hired stage has the status {@link #HIRED}.
 */
public enum CandidateStatus {
    /** Still in the hiring process. */
    ACTIVE,
    /** Accepted an offer; the only status that can be exported to an HR system. */
    HIRED,
    /** Turned down by the company. */
    REJECTED,
    /** Withdrew from the process. */
    WITHDRAWN
}
