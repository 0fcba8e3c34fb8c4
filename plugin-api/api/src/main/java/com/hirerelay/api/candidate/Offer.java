package com.hirerelay.api.candidate;

import java.time.LocalDate;

/**
 * The accepted offer of a hired candidate. Every component may be null when the ATS does not know it.
 *
 * @param jobTitle the title the person is hired as, or null
 * @param startDate the first working day, or null
 * @param salary the agreed pay, or null
 */
public record Offer(String jobTitle, LocalDate startDate, Salary salary) {

    /** An offer that says nothing. */
    public static final Offer NONE = new Offer(null, null, null);
}
