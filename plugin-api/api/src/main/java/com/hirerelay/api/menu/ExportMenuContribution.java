package com.hirerelay.api.menu;

import org.pf4j.ExtensionPoint;

/**
 * The extension point for an "Export to ..." item in the host's candidate menus.
 *
 * <p>The host asks {@link #menuItem()} once per plugin start, and {@link #isVisible} for every menu it
 * renders and again, on the server, before it opens or runs an export: what a user cannot see, they
 * cannot invoke. Both must be fast and must not do I/O.
 *
 * <p>A minimal implementation returns a {@link MenuItem} and keeps the default visibility rule.
 */
public interface ExportMenuContribution extends ExtensionPoint {

    /**
     * @return the item, constant for the life of the plugin
     */
    MenuItem menuItem();

    /**
     * Whether the item shows in the given context. The default is {@link MenuItem#allows}: placed
     * here, role allowed, candidate hired, connector connected. An override may only narrow that rule;
     * the host never shows an export to a role that may not export or for a candidate not hired.
     *
     * @param context where and for whom
     * @return whether to show the item
     */
    default boolean isVisible(MenuContext context) {
        return menuItem().allows(context);
    }
}
