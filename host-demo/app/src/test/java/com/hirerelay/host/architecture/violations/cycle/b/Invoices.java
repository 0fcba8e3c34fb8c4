package com.hirerelay.host.architecture.violations.cycle.b;

import com.hirerelay.host.architecture.violations.cycle.a.Orders;

/** The other half of a package cycle: uses package a, which uses this package. */
public final class Invoices {

    /** @return the order the invoices belong to */
    public Orders order() {
        return new Orders();
    }
}
