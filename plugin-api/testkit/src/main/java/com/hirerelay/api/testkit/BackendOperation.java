package com.hirerelay.api.testkit;

/**
 * The kinds of call a connector makes to its HR system, whatever protocol it speaks. A
 * {@link ContractBackend} sorts every request it receives into one of these, so that the kit can aim a
 * {@link BackendFault} at "the next look-up" or count "creates before the first look-up" for any HR
 * system.
 */
public enum BackendOperation {
    /** The credential check behind {@code HrisConnection.verify()} (for example {@code GET /me}). */
    VERIFY_CREDENTIALS,
    /** Reading one page of a reference list (legal entities, locations, teams, ...). */
    READ_REFERENCE_DATA,
    /** Looking up employees, the duplicate check (for example {@code GET /employees?email=...}). */
    FIND_EMPLOYEE,
    /** Creating an employee (for example {@code POST /employees}). */
    CREATE_EMPLOYEE,
    /**
     * A follow-up step of an export: a call after the create that completes the employee (a contract, an
     * invitation, a reference written back), as {@code HrisConnection.export} defines it. A backend whose
     * connector makes such calls sorts them here, never into {@link #OTHER}: the kit fails them on purpose to
     * check that the export reports a warning.
     */
    FOLLOW_UP,
    /** Anything else; the kit counts but never steers these. */
    OTHER
}
