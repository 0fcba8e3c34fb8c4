package com.hirerelay.host.notifications;

/**
 * One notification of one user.
 *
 * @param candidateName the candidate's name now, or null when the candidate is gone
 * @param createdAt ISO-8601 instant
 * @param read whether the user marked it as read
 */
public record Notification(
        long id,
        NotificationKind kind,
        long candidateId,
        String candidateName,
        String connectorId,
        String message,
        String createdAt,
        boolean read) {}
