package com.hirerelay.host.candidates;

import com.hirerelay.api.candidate.Candidate;
import com.hirerelay.api.menu.MenuPlacement;
import com.hirerelay.host.auth.User;
import java.util.List;
import java.util.function.Function;

/**
 * The export menu items a user sees for a candidate at a placement. The export feature decides them
 * (its {@code ExportPolicy}); candidate lists only show them, so this package declares what it needs and
 * the composition root plugs the export feature in: export uses candidates, never the other way round.
 */
@FunctionalInterface
public interface VisibleMenus {

    /**
     * The menus of one page: what the rule needs beyond the candidate (connection states) is read once for the
     * page, not once per row.
     *
     * @param placement where the menus are rendered
     * @param user the signed-in user
     * @return for each candidate of the page, the items that user may see there, ascending by order; empty when
     *         none
     */
    Function<Candidate, List<MenuEntry>> forPage(MenuPlacement placement, User user);
}
