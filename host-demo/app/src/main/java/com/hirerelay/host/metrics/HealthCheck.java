package com.hirerelay.host.metrics;

/**
 * One part of the host's readiness, checked at each {@code GET /health/ready}. Must answer within a second or
 * two and never throw (a check that throws counts as down).
 */
@FunctionalInterface
public interface HealthCheck {

    /** @return whether this part works, and a short reason for operators (no secret, no stack trace) */
    Health check();

    /**
     * The answer of a check.
     *
     * @param up whether the part works
     * @param detail a few words for operators
     */
    record Health(boolean up, String detail) {

        /** @return a working part */
        public static Health up(String detail) {
            return new Health(true, detail);
        }

        /** @return a part that does not work, and why */
        public static Health down(String detail) {
            return new Health(false, detail);
        }
    }
}
