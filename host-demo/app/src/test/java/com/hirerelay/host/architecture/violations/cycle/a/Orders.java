package com.hirerelay.host.architecture.violations.cycle.a;

import com.hirerelay.host.architecture.violations.cycle.b.Invoices;

/** Half of a package cycle: uses package b, which uses this package. */
public final class Orders {

    /** @return the invoices of the order */
    public Invoices invoices() {
        return new Invoices();
    }
}
