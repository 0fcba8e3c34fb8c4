package com.hirerelay.api.menu;

import com.hirerelay.api.UserRole;
import com.hirerelay.api.candidate.Candidate;
import com.hirerelay.api.internal.Require;

/**
 * What the host knows when it decides whether to show a menu item, and again when the item is invoked.
 *
 * @param placement where the menu is shown
 * @param candidate the candidate the menu belongs to
 * @param role the role of the signed-in user
 * @param connected whether the item's connector has a working connection (connected and not in need
 *                  of reconnection)
 */
public record MenuContext(MenuPlacement placement, Candidate candidate, UserRole role, boolean connected) {

    /**
     * @throws IllegalArgumentException if a component is null
     */
    public MenuContext {
        Require.notNull(placement, "placement");
        Require.notNull(candidate, "candidate");
        Require.notNull(role, "role");
    }
}
