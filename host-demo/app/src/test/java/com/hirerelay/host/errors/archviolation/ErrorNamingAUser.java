package com.hirerelay.host.errors.archviolation;

import com.hirerelay.host.auth.User;

/**
 * A class of the errors leaf that depends on a feature (auth), for {@code ArchitectureRulesTest}. Test-only;
 * it sits in the errors package's namespace because that is what the rule is about.
 */
public final class ErrorNamingAUser {

    User user;
}
