package com.hirerelay.host.limits.archviolation;

import com.hirerelay.host.auth.User;

/**
 * An input limit that knows a feature's type, for {@code ArchitectureRulesTest}. Test-only; it sits in the
 * limits package's namespace because that is what the rule is about.
 */
public final class LimitKnowingAFeature {

    boolean isUser(Object value) {
        return value instanceof User;
    }
}
