package com.hirerelay.api;

/**
 * The semantic version of this API, which hosts announce to pf4j as their system version.
 *
 * <p>Minor versions only add (new default methods, new optional record factories, new enum
 * constants that callers must tolerate); a major version may remove or change. A plugin built
 * against {@code 1.x} declares {@code Plugin-Requires: >=1.0.0 & <2.0.0} (see
 * {@link #COMPATIBLE_RANGE}).
 */
public final class PluginApiVersion {

    /** The version of the API this jar implements, for example {@code "1.0.0"}. Never a pre-release. */
    public static final String CURRENT = "1.1.0";

    /** The {@code Plugin-Requires} expression a plugin built against this API should declare. */
    public static final String COMPATIBLE_RANGE = ">=1.0.0 & <2.0.0";

    private PluginApiVersion() {}
}
