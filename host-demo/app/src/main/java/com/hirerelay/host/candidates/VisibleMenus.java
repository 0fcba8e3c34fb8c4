package com.hirerelay.host.candidates;

import com.hirerelay.api.candidate.Candidate;
import com.hirerelay.api.menu.MenuPlacement;
import com.hirerelay.host.auth.User;
import java.util.List;

/**
 * The export menu items a user sees for a candidate at a placement. The export feature decides them
 * (its {@code ExportPolicy}); candidate lists only show them, so this package declares what it needs and
 * the composition root plugs the export feature in: export uses candidates, never the other way round.
 */
@FunctionalInterface
public interface VisibleMenus {

    /**
     * @param placement where the menu is rendered
     * @param candidate the candidate of the row or page
     * @param user the signed-in user
     * @return the items that user may see there, ascending by order; empty when none
     */
    List<MenuEntry> visible(MenuPlacement placement, Candidate candidate, User user);
}
