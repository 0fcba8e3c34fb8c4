package com.hirerelay.host.web.archviolation;

import com.hirerelay.host.plugins.PluginFailureException;

/**
 * A web class that knows a feature's exception instead of the errors package, for
 * {@code ArchitectureRulesTest}. Test-only; it sits in the web package's namespace because that is what the
 * rule is about.
 */
public final class MapperKnowingAFeature {

    boolean isPluginFailure(Throwable failure) {
        return failure instanceof PluginFailureException;
    }
}
