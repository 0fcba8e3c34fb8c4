package com.hirerelay.api.hris;

/**
 * What a change to a {@linkplain UpdateRoute#CONTRACT_FIELD contract field} means for the employee's
 * contract history. HR products tell the two apart: a correction rewrites the current version (a start date
 * postponed before day one, a typo in the title) and keeps no trace of the old value; a change from a date
 * (a raise, a promotion) starts a new version and keeps the old one as history.
 *
 * @since 1.3.0
 */
public enum ContractChange {

    /** Rewrites the current contract version in place. */
    CORRECT_CURRENT,

    /** Starts a new contract version from {@link UpdateOptions#effectiveOn()}, copying the rest of the current one. */
    NEW_VERSION
}
