package com.hirerelay.api.architecture.violations.cycle.a;

import com.hirerelay.api.architecture.violations.cycle.b.Replies;

/** Half of a package cycle: uses package b, which uses this package. */
public final class Requests {

    /** @return the replies */
    public Replies replies() {
        return new Replies();
    }
}
