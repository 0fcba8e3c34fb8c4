package com.hirerelay.api.settings;

/**
 * The sections of the host's Integrations page. Each card appears in its category's section.
 */
public enum IntegrationCategory {
    /** HR systems that receive hired candidates. */
    HRIS("Human resources information systems"),
    /** Anything else. */
    OTHER("Other integrations");

    private final String title;

    IntegrationCategory(String title) {
        this.title = title;
    }

    /** @return the section heading, for example "Human resources information systems" */
    public String title() {
        return title;
    }
}
