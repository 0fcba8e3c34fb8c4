package com.hirerelay.api.architecture.violations.cycle.b;

import com.hirerelay.api.architecture.violations.cycle.a.Requests;

/** The other half of a package cycle: uses package a, which uses this package. */
public final class Replies {

    /** @return the request replied to */
    public Requests request() {
        return new Requests();
    }
}
