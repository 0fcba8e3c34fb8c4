package com.hirerelay.api.hris;

/**
 * How the HR system takes a change to one draft field of an employee that already exists. Some HR systems
 * keep a field on the employee record, some on a dated record beside it (a contract version), and some do
 * not let it change after creation at all.
 *
 * @since 1.3.0
 */
public enum UpdateRoute {

    /** Changed in place on the employee record (a name, a phone number, an address). */
    EMPLOYEE_FIELD,

    /**
     * Lives on a dated contract record (job title, salary, start date): the change either corrects the
     * current record or starts a new one from a date, as the caller's {@link UpdateOptions} say.
     */
    CONTRACT_FIELD,

    /** Cannot be changed through the HR system's API after creation; {@link UpdatableField#reason()} says why. */
    READ_ONLY
}
