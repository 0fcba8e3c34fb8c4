package com.hirerelay.host.metrics;

/**
 * The parts of an export's server time, in the order they happen, as the {@code Server-Timing} header and the
 * {@code hirerelay_export_phase_seconds} metric name them.
 */
public enum Phase {
    /**
     * From the request's arrival to the export service (HTTP, routing, the session and CSRF checks, the body), and
     * from the export's end to the answer being ready.
     */
    HTTP("http", "HTTP and session"),
    /** Role, candidate, menu and connection checks. */
    CHECKS("checks", "Checks"),
    /** The plugin's draft and the user's edits applied to it. */
    DRAFT("draft", "Draft"),
    /** The export attempt recorded before the HR system is called and finished after. */
    ATTEMPT("attempt", "Attempt records"),
    /** The plugin's validation and export, less the time it waited on the HR system. */
    PLUGIN("plugin", "Plugin CPU"),
    /** Waiting on the HR system: its requests and its rate limit, over every phase. */
    HRIS("hris", "HR system");

    private final String label;
    private final String description;

    Phase(String label, String description) {
        this.label = label;
        this.description = description;
    }

    /** @return the short name in headers and metric labels */
    public String label() {
        return label;
    }

    /** @return a few words for people */
    public String description() {
        return description;
    }
}
