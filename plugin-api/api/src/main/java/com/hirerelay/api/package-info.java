/**
 * The HireRelay plugin API: the contract between an ATS host and the plugins that move hired
 * candidates into an HR information system (HRIS).
 *
 * <p>A plugin is a pf4j plugin jar that contributes up to three extensions:
 * <ul>
 *   <li>{@link com.hirerelay.api.hris.HrisConnector}: talks to one HR system (verify credentials,
 *       build an employee draft from a candidate, look up existing employees and reference data,
 *       export);</li>
 *   <li>{@link com.hirerelay.api.menu.ExportMenuContribution}: the "Export to ..." menu item the host
 *       shows next to hired candidates;</li>
 *   <li>{@link com.hirerelay.api.settings.IntegrationSettingsPanel}: the integration card, connect form
 *       and connection details under Settings &gt; Account &gt; Integrations.</li>
 * </ul>
 *
 * <p>Values crossing the boundary are immutable records from this module; no third-party type
 * (JSON, HTTP or database library) appears in any signature, so a plugin may bundle whatever
 * libraries it likes. Failures are reported with the small unchecked hierarchy rooted at
 * {@link com.hirerelay.api.HrisException}.
 *
 * <p>Threading: the host calls extensions from many request threads at once; every extension and
 * every {@link com.hirerelay.api.hris.HrisConnection} must be safe for concurrent use. The host sets
 * the thread's context class loader to the plugin's own loader for the duration of every call, and
 * bounds calls that do I/O with a timeout.
 *
 * <p>Compatibility: {@link com.hirerelay.api.PluginApiVersion#CURRENT} follows semantic versioning.
 * A plugin declares the range it was built for in its {@code Plugin-Requires} manifest entry, for
 * example {@code >=1.0.0 & <2.0.0}; a host refuses a plugin outside that range.
 */
package com.hirerelay.api;
