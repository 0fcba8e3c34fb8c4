package com.hirerelay.host.automation;

/**
 * An automatic export that stopped without an employee, as admins see it in the failed list.
 *
 * @param candidateName the candidate's name now, or null when the candidate is gone
 * @param tries how many times it ran
 * @param failedAt ISO-8601 instant of the last try
 */
public record AutomationFailure(
        long candidateId,
        String candidateName,
        String connectorId,
        FailureKind kind,
        int tries,
        String message,
        String failedAt) {}
