package com.hirerelay.api.hris;

import com.hirerelay.api.internal.Require;

/**
 * A follow-up step of an export that failed after the employee was created (setting the job title,
 * sending the invitation, ...). The export still succeeded; the user fixes the rest in the HR system.
 *
 * @param step which step failed, in words, for example "Set job title and salary"; not blank
 * @param message why, for people; not blank
 */
public record ExportWarning(String step, String message) {

    /**
     * @throws IllegalArgumentException if a component is blank
     */
    public ExportWarning {
        Require.notBlank(step, "step");
        Require.notBlank(message, "message");
    }
}
