package com.hirerelay.api.candidate;

import com.hirerelay.api.internal.Require;
import java.math.BigDecimal;
import java.util.Currency;

/**
 * A pay rate from an offer.
 *
 * @param amount the amount in the currency's major unit (euros, not cents); positive
 * @param currency the ISO 4217 currency, for example {@code EUR}
 * @param period what the amount is paid for
 */
public record Salary(BigDecimal amount, Currency currency, PayPeriod period) {

    /**
     * @throws IllegalArgumentException if a component is null or the amount is not positive
     */
    public Salary {
        Require.notNull(amount, "salary amount");
        Require.notNull(currency, "salary currency");
        Require.notNull(period, "salary period");
        if (amount.signum() <= 0) {
            throw new IllegalArgumentException("salary amount must be positive, was " + amount.toPlainString());
        }
    }

    /**
     * The amount in the currency's minor unit (cents), rounded half-up, as many HR systems expect.
     *
     * @return the amount in minor units
     */
    public long amountInMinorUnits() {
        int digits = Math.max(currency.getDefaultFractionDigits(), 0);
        return amount.movePointRight(digits)
                .setScale(0, java.math.RoundingMode.HALF_UP)
                .longValueExact();
    }
}
