package com.hirerelay.api.hris;

import com.hirerelay.api.internal.Require;
import java.time.LocalDate;

/**
 * How {@link HrisConnection#update} applies the contract fields among its changes. All contract fields of one
 * update go the same way, so that they land on one contract version.
 *
 * @param contractChange correct the current version, or start a new one; not null
 * @param effectiveOn for {@link ContractChange#NEW_VERSION}, the first day the new version applies; null for
 *                    a correction
 * @since 1.3.0
 */
public record UpdateOptions(ContractChange contractChange, LocalDate effectiveOn) {

    /**
     * @throws IllegalArgumentException if the choice is missing, or a new version has no date, or a correction
     *                                  has one
     */
    public UpdateOptions {
        Require.notNull(contractChange, "contract change");
        if (contractChange == ContractChange.NEW_VERSION && effectiveOn == null) {
            throw new IllegalArgumentException("a new contract version needs the day it applies from");
        }
        if (contractChange == ContractChange.CORRECT_CURRENT && effectiveOn != null) {
            throw new IllegalArgumentException("a correction of the current contract version takes no date");
        }
    }

    /** @return options that correct the current contract version */
    public static UpdateOptions correctCurrent() {
        return new UpdateOptions(ContractChange.CORRECT_CURRENT, null);
    }

    /**
     * @param effectiveOn the first day the new version applies
     * @return options that start a new contract version on that day
     */
    public static UpdateOptions newVersionFrom(LocalDate effectiveOn) {
        return new UpdateOptions(ContractChange.NEW_VERSION, effectiveOn);
    }
}
