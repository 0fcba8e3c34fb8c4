package com.hirerelay.host.web;

/**
 * What went wrong in an error answer that the answer itself does not say (a parser's message, the
 * exception's type), handed from the exception mapper to the log line of {@link CorrelationAnswerFilter}
 * on the same request thread.
 */
final class ErrorDetails {

    private static final ThreadLocal<String> DETAIL = new ThreadLocal<>();

    private ErrorDetails() {}

    static void set(String detail) {
        DETAIL.set(detail);
    }

    /** @return the detail set for this thread's request, or null; clears it */
    static String take() {
        String detail = DETAIL.get();
        DETAIL.remove();
        return detail;
    }
}
