package com.hirerelay.api;

/**
 * The semantic version of this API, which hosts announce to pf4j as their system version.
 *
 * <p>Minor versions only add (new default methods, new optional record factories, new enum
 * constants that callers must tolerate); a major version may remove or change. A plugin declares the
 * range from the minor version whose API it uses up to the next major version: a plugin built against
 * this jar declares {@link #COMPATIBLE_RANGE}, {@code Plugin-Requires: >=1.1.0 & <2.0.0}; a plugin that
 * uses nothing added after 1.0 may keep {@code >=1.0.0 & <2.0.0}.
 *
 * <p>What each minor version added:
 * <ul>
 *   <li>1.1.0: a cause on every {@link HrisException} subclass; {@link PluginTimeLimits};
 *       {@link com.hirerelay.api.hris.ExportResult#confirmedByLookup()} for an outcome settled by a
 *       look-up after an unanswered create; optional {@link Capability capabilities} a connection
 *       declares, the first being documents ({@link com.hirerelay.api.hris.HrisConnection#uploadDocument}),
 *       refused by default with {@link CapabilityNotSupportedException}.</li>
 * </ul>
 */
public final class PluginApiVersion {

    /** The version of the API this jar implements, for example {@code "1.0.0"}. Never a pre-release. */
    public static final String CURRENT = "1.1.0";

    /** The {@code Plugin-Requires} expression a plugin built against this API should declare. */
    public static final String COMPATIBLE_RANGE = ">=1.1.0 & <2.0.0";

    private PluginApiVersion() {}
}
