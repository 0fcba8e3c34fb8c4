package com.hirerelay.api.hris;

import com.hirerelay.api.internal.Require;
import java.net.URI;

/**
 * An employee the HR system already has, found by {@link HrisConnection#findExisting}.
 *
 * @param employeeId the HR system's id of the employee, as a string whatever its remote type; not blank
 * @param fullName the employee's name as the HR system shows it; not blank
 * @param email the e-mail address that matched, or null when the match was by another key
 * @param link where a person opens the employee in the HR system, or null if it has no web page
 */
public record ExistingEmployee(String employeeId, String fullName, String email, URI link) {

    /**
     * @throws IllegalArgumentException if the id or name is blank
     */
    public ExistingEmployee {
        Require.notBlank(employeeId, "employee id");
        Require.notBlank(fullName, "full name");
    }
}
