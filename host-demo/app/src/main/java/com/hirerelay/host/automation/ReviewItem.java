package com.hirerelay.host.automation;

import java.util.List;

/**
 * A hired candidate waiting on the review list of an integration set to "queue for review".
 *
 * @param jobName the candidate's job, or null
 * @param queuedBy the name of the user who moved the candidate to Hired, or null when that user is gone
 * @param queuedAt ISO-8601 instant the candidate was queued
 * @param missingFields labels of the required fields the draft leaves empty; null while the draft is being checked
 * @param checkProblem why the draft could not be checked, or null
 * @param dismissedBy the name of the user who dismissed the item, or null while it is on the list
 * @param dismissedAt ISO-8601 instant it was dismissed, or null while it is on the list
 * @param dismissReason the reason given when it was dismissed, or null while it is on the list
 */
public record ReviewItem(
        long candidateId,
        String candidateName,
        String jobName,
        String connectorId,
        String connectorName,
        String queuedBy,
        String queuedAt,
        List<String> missingFields,
        String checkProblem,
        String dismissedBy,
        String dismissedAt,
        String dismissReason) {

    public ReviewItem {
        missingFields = missingFields == null ? null : List.copyOf(missingFields);
    }
}
