package com.hirerelay.api.menu;

/**
 * The places in the host where a candidate's ellipsis menu appears.
 */
public enum MenuPlacement {
    /** The row of a candidate in the candidate list. */
    CANDIDATE_LIST_ROW,
    /** The candidate's own page. */
    CANDIDATE_PAGE,
    /** A candidate's card in the Hired stage of a job's pipeline. */
    PIPELINE_HIRED_STAGE
}
