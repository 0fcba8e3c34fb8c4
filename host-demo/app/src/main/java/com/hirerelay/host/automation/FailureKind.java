package com.hirerelay.host.automation;

/** Why an automatic export stopped without an employee. */
public enum FailureKind {
    /** It kept failing for reasons that may pass (the HR system unreachable, rate limits) until the tries ran out. */
    FAILED,
    /** A person must look: required fields empty, a possible match, a connection to renew. Not retried. */
    NEEDS_REVIEW
}
