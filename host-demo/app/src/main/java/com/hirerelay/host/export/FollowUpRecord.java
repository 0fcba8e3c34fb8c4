package com.hirerelay.host.export;

import java.time.Instant;

/**
 * A follow-up step of one export as the history shows it.
 *
 * @param stepId the connector's id of the step
 * @param label the step in words
 * @param state where it stands
 * @param message why it failed, or how it was finished; null when there is nothing to say
 * @param updatedAt when its state last changed
 */
public record FollowUpRecord(String stepId, String label, FollowUpState state, String message, Instant updatedAt) {}
