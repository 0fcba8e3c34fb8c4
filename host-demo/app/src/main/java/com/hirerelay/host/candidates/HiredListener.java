package com.hirerelay.host.candidates;

import com.hirerelay.host.auth.User;

/** Told when a person moves a candidate into a job's Hired stage (candidate page, pipeline or API). */
@FunctionalInterface
public interface HiredListener {

    /** Does nothing. */
    HiredListener NONE = (candidateId, movedBy) -> {};

    /**
     * Called after the move is stored, on the request's thread; must return quickly.
     *
     * @param candidateId the candidate now hired
     * @param movedBy who moved them
     */
    void hired(long candidateId, User movedBy);
}
