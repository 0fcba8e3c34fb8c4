package com.hirerelay.host.plugins;

import java.util.List;

/**
 * One plugin jar as the host knows it.
 *
 * @param id the plugin id, or the file name when the jar has no readable id
 * @param version the plugin version, or null
 * @param description the plugin's description, or null
 * @param provider who made it, or null
 * @param file the jar's file name in the plugins folder
 * @param status its state
 * @param reason why it is disabled or failed; null when started
 * @param extensions the extensions it contributes, as "kind: id" lines
 * @param lastError the latest failure of its code while running (time and message), or null
 */
public record InstalledPlugin(
        String id,
        String version,
        String description,
        String provider,
        String file,
        PluginStatus status,
        String reason,
        List<String> extensions,
        String lastError) {

    public InstalledPlugin {
        extensions = List.copyOf(extensions);
    }
}
