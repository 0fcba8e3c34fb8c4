package com.hirerelay.host.candidates;

import com.hirerelay.host.auth.User;

/** Told when a person edits a candidate's data in the ATS (candidate page or API). */
@FunctionalInterface
public interface CandidateEditListener {

    /** Does nothing. */
    CandidateEditListener NONE = (candidateId, editedBy) -> {};

    /**
     * Called after the edit is stored, on the request's thread, whether or not a value changed; must return
     * quickly.
     *
     * @param candidateId the candidate edited
     * @param editedBy who edited it
     */
    void edited(long candidateId, User editedBy);
}
