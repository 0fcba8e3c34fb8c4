package com.hirerelay.host.notifications;

/** What a notification is about. */
public enum NotificationKind {
    /** An automatic or scheduled export stopped without an employee after its tries. */
    FAILED,
    /** An export waits for a person: fields to fill, a possible match, or the review list. */
    NEEDS_REVIEW
}
