package com.hirerelay.host.plugins;

import java.util.List;

/**
 * What {@link PluginJarInspector} found in a jar.
 *
 * @param pluginId the {@code Plugin-Id}, or null when the manifest has none
 * @param version the {@code Plugin-Version}, or null
 * @param requires the {@code Plugin-Requires} expression, or null
 * @param extensionCount how many classes the extension index lists
 * @param problems why the jar must not be loaded; empty when it may
 */
public record PluginJarInspection(
        String pluginId, String version, String requires, int extensionCount, List<String> problems) {

    public PluginJarInspection {
        problems = List.copyOf(problems);
    }

    /** @return whether the jar may be handed to pf4j */
    public boolean isLoadable() {
        return problems.isEmpty();
    }
}
