package com.hirerelay.api.candidate;

/**
 * The period a salary amount is paid for.
 */
public enum PayPeriod {
    /** Per year. */
    YEARLY,
    /** Per month. */
    MONTHLY,
    /** Per week. */
    WEEKLY,
    /** Per day. */
    DAILY,
    /** Per hour. */
    HOURLY
}
