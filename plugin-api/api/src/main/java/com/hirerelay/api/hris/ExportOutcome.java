package com.hirerelay.api.hris;

/**
 * What an export did in the HR system.
 */
public enum ExportOutcome {
    /** A new employee was created. */
    CREATED,
    /** The HR system already had this person; the existing employee was linked and nothing was created. */
    ALREADY_EXISTS
}
