package com.hirerelay.host.export;

/**
 * What a bulk update did for one candidate. Sent in JSON by its {@link #name()}; the web UI reads these names.
 */
public enum BulkUpdateState {
    /** Every field sent was updated; fields that cannot be sent at all are listed as left out. */
    UPDATED,
    /**
     * Some fields were updated and others failed, or a field was left out because the HR system changed it too:
     * the candidate stays "Changed since export" and its update dialog shows what is left.
     */
    PARTIAL,
    /** Nothing was updated; the message says why. */
    FAILED,
    /** Nothing was sent: not exported with the connector, nothing changed since, or nothing that can be sent. */
    SKIPPED,
    /**
     * Not reached: the bulk update ran out of its time before this candidate, so nothing was read or sent; it stays
     * "Changed since export" and can be sent again.
     */
    NOT_SENT;

    /** @return the state of a candidate whose update ended so, with or without conflicting fields left out */
    static BulkUpdateState of(EmployeeUpdateState update, boolean conflictsLeftOut) {
        return switch (update) {
            case UPDATED -> conflictsLeftOut ? PARTIAL : UPDATED;
            case PARTIAL -> PARTIAL;
            case FAILED, IN_PROGRESS -> FAILED;
        };
    }
}
