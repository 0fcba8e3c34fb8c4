package com.hirerelay.host.candidates;

/**
 * A menu item as the API sends it to the UI.
 *
 * @param id the item id
 * @param label what the user reads
 * @param connectorId the connector the item exports with
 */
public record MenuEntry(String id, String label, String connectorId) {}
