package com.hirerelay.api.testkit;

import java.time.Duration;
import java.util.Objects;

/**
 * A misbehaviour a {@link ContractBackend} plays on a call, described in terms every HR system has; the
 * backend translates it into its own protocol (an HTTP status, a dropped connection, an exception of a
 * storage layer).
 *
 * @param kind what happens
 * @param retryAfter for {@link Kind#RATE_LIMITED}, the wait the backend announces, or null to announce none;
 *                   for {@link Kind#LATENCY}, the delay; null otherwise
 * @param draftKey for {@link Kind#REFUSED_FIELD}, the draft field whose value the HR system refuses (the
 *                 backend names its own field for it in the refusal); null otherwise
 */
public record BackendFault(Kind kind, Duration retryAfter, String draftKey) {

    /** The misbehaviours a backend can be asked to play. */
    public enum Kind {
        /** Answer the call normally; queued ahead of another fault to aim it at a later call. */
        NONE,
        /** Fail without doing anything: an HTTP 503, a refused connection, an unreachable share. */
        UNAVAILABLE,
        /**
         * Refuse for load without doing anything, announcing {@link #retryAfter()} (an HTTP 429 with
         * Retry-After), or announcing no wait when it is null (a 429 without Retry-After).
         */
        RATE_LIMITED,
        /** Refuse the credentials (an HTTP 401). */
        CREDENTIALS_REFUSED,
        /** Accept the credentials but refuse the permission (an HTTP 403). */
        ACCESS_DENIED,
        /** Refuse a create because of the value of {@link #draftKey()}, naming the HR system's own field (an HTTP 422). */
        REFUSED_FIELD,
        /**
         * Refuse the call for a reason that is neither credentials, permission, validation nor load and names
         * no field, without doing anything: an HTTP 409 Conflict (a storage layer's "quota exceeded").
         */
        REJECTED,
        /** Answer with something that cannot be read (a 200 whose body is not the expected format); nothing done. */
        UNREADABLE_ANSWER,
        /** Do the call (really create the employee), then lose the answer: the connection drops without a reply. */
        LOST_ANSWER_AFTER_COMMIT,
        /**
         * Do the call, lose the answer, and from then on fail every call as {@link #UNAVAILABLE} until the
         * backend is reset: the HR system went down right after committing.
         */
        OUTAGE_AFTER_COMMIT,
        /** Wait {@link #retryAfter()} before answering the call normally. */
        LATENCY
    }

    /**
     * @throws NullPointerException if the kind is missing, or a duration or key the kind needs
     */
    public BackendFault {
        Objects.requireNonNull(kind, "kind");
        if (kind == Kind.LATENCY) {
            Objects.requireNonNull(retryAfter, "duration");
        }
        if (kind == Kind.REFUSED_FIELD) {
            Objects.requireNonNull(draftKey, "draftKey");
        }
    }

    /** @return a pass-through entry */
    public static BackendFault none() {
        return new BackendFault(Kind.NONE, null, null);
    }

    /** @return an outage of the call */
    public static BackendFault unavailable() {
        return new BackendFault(Kind.UNAVAILABLE, null, null);
    }

    /**
     * @param retryAfter the wait to announce, whole seconds
     * @return a refusal for load
     */
    public static BackendFault rateLimited(Duration retryAfter) {
        return new BackendFault(Kind.RATE_LIMITED, retryAfter, null);
    }

    /** @return a refusal for load that announces no wait (no Retry-After) */
    public static BackendFault rateLimitedWithoutWait() {
        return new BackendFault(Kind.RATE_LIMITED, null, null);
    }

    /** @return a refusal of the credentials */
    public static BackendFault credentialsRefused() {
        return new BackendFault(Kind.CREDENTIALS_REFUSED, null, null);
    }

    /** @return a refusal of the permission */
    public static BackendFault accessDenied() {
        return new BackendFault(Kind.ACCESS_DENIED, null, null);
    }

    /**
     * @param draftKey the draft field whose value the HR system refuses
     * @return a validation refusal naming the HR system's field for that key
     */
    public static BackendFault refusedField(String draftKey) {
        return new BackendFault(Kind.REFUSED_FIELD, null, draftKey);
    }

    /** @return a refusal for another reason (a 409), naming no field */
    public static BackendFault rejected() {
        return new BackendFault(Kind.REJECTED, null, null);
    }

    /** @return an answer that cannot be read */
    public static BackendFault unreadableAnswer() {
        return new BackendFault(Kind.UNREADABLE_ANSWER, null, null);
    }

    /** @return a call that takes effect but whose answer is lost */
    public static BackendFault lostAnswerAfterCommit() {
        return new BackendFault(Kind.LOST_ANSWER_AFTER_COMMIT, null, null);
    }

    /** @return a call that takes effect, loses its answer, and leaves the HR system down */
    public static BackendFault outageAfterCommit() {
        return new BackendFault(Kind.OUTAGE_AFTER_COMMIT, null, null);
    }

    /**
     * @param delay how long to wait before answering
     * @return a slow but correct answer
     */
    public static BackendFault latency(Duration delay) {
        return new BackendFault(Kind.LATENCY, delay, null);
    }

    @Override
    public String toString() {
        return switch (kind) {
            case RATE_LIMITED ->
                retryAfter == null
                        ? "a rate limit announcing no wait"
                        : "a rate limit (retry after " + retryAfter.toSeconds() + " s)";
            case LATENCY -> "latency of " + retryAfter.toMillis() + " ms";
            case REFUSED_FIELD -> "a refusal of draft field '" + draftKey + "'";
            default -> kind.name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ');
        };
    }
}
