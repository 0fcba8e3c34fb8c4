package com.hirerelay.api.hris;

import com.hirerelay.api.internal.Require;

/**
 * A step an export runs after it created the employee, such as setting the contract's job title and
 * salary or sending the HR system's invitation. The employee exists without it, but is incomplete: so the
 * host records each step as pending before the export starts and finished after, and when it cannot tell
 * whether a step ran (the host stopped, the answer was lost) it asks the connector to
 * {@linkplain HrisConnection#resumeFollowUp resume} it instead of leaving the employee half done.
 *
 * @param id a stable identifier of the step within its connector, such as {@code contract-version}:
 *           2 to 40 lower-case letters, digits or dashes, starting with a letter
 * @param label the step in words, as the export history shows it, such as "Set job title and salary"; not
 *              blank; the same words as the {@link ExportWarning#step()} of its failure
 * @since 1.2.0
 */
public record FollowUpStep(String id, String label) {

    /**
     * @throws IllegalArgumentException if the id is not an identifier or the label is blank
     */
    public FollowUpStep {
        Require.identifier(id, "follow-up step id");
        Require.notBlank(label, "follow-up step label");
    }
}
