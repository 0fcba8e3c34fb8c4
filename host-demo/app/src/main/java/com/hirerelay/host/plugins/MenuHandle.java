package com.hirerelay.host.plugins;

import com.hirerelay.api.menu.ExportMenuContribution;
import com.hirerelay.api.menu.MenuContext;
import com.hirerelay.api.menu.MenuItem;

/**
 * A started plugin's menu item. Visibility is the standard rule ({@link MenuItem#allows}) evaluated by
 * the host, narrowed by the plugin's own rule only when the plugin overrides
 * {@link ExportMenuContribution#isVisible}: a plugin can hide its item, never show it to someone the
 * standard rule excludes.
 */
public final class MenuHandle {

    private final String pluginId;
    private final MenuItem item;
    private final ExportMenuContribution contribution;
    private final boolean hasOwnRule;
    private final ClassLoader loader;
    private final PluginGuard guard;

    MenuHandle(
            String pluginId,
            MenuItem item,
            ExportMenuContribution contribution,
            ClassLoader loader,
            PluginGuard guard) {
        this.pluginId = pluginId;
        this.item = item;
        this.contribution = contribution;
        this.hasOwnRule = overridesIsVisible(contribution.getClass());
        this.loader = loader;
        this.guard = guard;
    }

    /** @return the plugin that contributes it */
    public String pluginId() {
        return pluginId;
    }

    /** @return the item */
    public MenuItem item() {
        return item;
    }

    /**
     * Whether the item shows, and may be invoked, in this context. The plugin's rule runs on the
     * caller's thread (the API forbids it I/O); a rule that fails hides the item.
     */
    public boolean isVisible(MenuContext context) {
        if (!item.allows(context)) {
            return false;
        }
        if (!hasOwnRule) {
            return true;
        }
        try {
            return guard.call(pluginId, loader, "deciding menu visibility", () -> contribution.isVisible(context));
        } catch (RuntimeException e) {
            return false;
        }
    }

    private static boolean overridesIsVisible(Class<?> type) {
        try {
            return type.getMethod("isVisible", MenuContext.class).getDeclaringClass() != ExportMenuContribution.class;
        } catch (NoSuchMethodException e) {
            return false;
        }
    }
}
