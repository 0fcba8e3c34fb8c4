package com.hirerelay.api;

/**
 * The semantic version of this API, which hosts announce to pf4j as their system version.
 *
 * <p>Minor versions only add (new default methods, new optional record factories, new enum
 * constants that callers must tolerate); a major version may remove or change. A plugin declares the
 * range from the minor version whose API it uses up to the next major version: a plugin built against
 * this jar declares {@link #COMPATIBLE_RANGE}, {@code Plugin-Requires: >=1.3.0 & <2.0.0}; a plugin that
 * uses nothing added after 1.2 may keep {@code >=1.2.0 & <2.0.0}, one that uses nothing added after 1.1
 * {@code >=1.1.0 & <2.0.0}, and one that uses nothing added after 1.0 {@code >=1.0.0 & <2.0.0}.
 *
 * <p>What each minor version added:
 * <ul>
 *   <li>1.1.0: a cause on every {@link HrisException} subclass; {@link PluginTimeLimits};
 *       {@link com.hirerelay.api.hris.ExportResult#confirmedByLookup()} for an outcome settled by a
 *       look-up after an unanswered create.</li>
 *   <li>1.2.0: {@link com.hirerelay.api.hris.RateBudget}, the host's request budget shared by connections and
 *       host instances, handed to {@link com.hirerelay.api.hris.HrisConnector#open(com.hirerelay.api.hris.ConnectionSettings,
 *       com.hirerelay.api.hris.RateBudget)}; crash-safe follow-up steps ({@link com.hirerelay.api.hris.FollowUpStep},
 *       {@link com.hirerelay.api.hris.ExportJournal}, {@code HrisConnection.followUpSteps}, the journalled
 *       {@code export} and {@code resumeFollowUp}); the export dialog's {@link com.hirerelay.api.hris.DraftSection}s
 *       ({@code EmployeeDraft.sections}); {@link com.hirerelay.api.hris.DraftFieldType#COUNTRY};
 *       {@code SettingField.referenceList}; {@link PluginTimeLimits#REFERENCE_DATA_MAX_AGE};
 *       {@link com.hirerelay.api.hris.HrisRequestListener}, told about every request a connection sends, handed
 *       with the budget to {@code HrisConnector.open(settings, budget, listener)}. All additive (default
 *       methods, constructors that keep the 1.1 ones).</li>
 *   <li>1.3.0: optional {@link Capability capabilities} a connection declares
 *       ({@code HrisConnection.capabilities}), the first being documents
 *       ({@link com.hirerelay.api.hris.HrisConnection#uploadDocument} with
 *       {@link com.hirerelay.api.hris.CandidateDocument}, {@link com.hirerelay.api.hris.DocumentKind},
 *       {@link com.hirerelay.api.hris.DocumentContent} and {@link com.hirerelay.api.hris.UploadedDocument}),
 *       refused by default with {@link CapabilityNotSupportedException}; and updating exported employees
 *       ({@link Capability#UPDATE_EMPLOYEE}: {@link com.hirerelay.api.hris.HrisConnection#currentValues} and
 *       {@link com.hirerelay.api.hris.HrisConnection#update} with {@link com.hirerelay.api.hris.EmployeeValues},
 *       {@link com.hirerelay.api.hris.FieldChange}, {@link com.hirerelay.api.hris.UpdateOptions} and
 *       {@link com.hirerelay.api.hris.UpdateResult}); and {@link com.hirerelay.api.hris.ConnectionContext}, the
 *       host's budget, listener and clock handed to {@code HrisConnector.open(settings, context)}, so that a
 *       connection measures the age of its caches on the host's clock. All additive (default methods, new
 *       types).</li>
 * </ul>
 */
public final class PluginApiVersion {

    /** The version of the API this jar implements, for example {@code "1.0.0"}. Never a pre-release. */
    public static final String CURRENT = "1.3.0";

    /** The {@code Plugin-Requires} expression a plugin built against this API should declare. */
    public static final String COMPATIBLE_RANGE = ">=1.3.0 & <2.0.0";

    private PluginApiVersion() {}
}
