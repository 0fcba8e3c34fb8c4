package com.hirerelay.host.export;

import com.hirerelay.api.candidate.Candidate;
import com.hirerelay.api.menu.MenuContext;
import com.hirerelay.api.menu.MenuPlacement;
import com.hirerelay.host.auth.AccessDeniedException;
import com.hirerelay.host.auth.User;
import com.hirerelay.host.candidates.MenuEntry;
import com.hirerelay.host.errors.RequestRefusedException;
import com.hirerelay.host.errors.RequestRefusedException.Reason;
import com.hirerelay.host.integrations.ConnectionStates;
import com.hirerelay.host.plugins.MenuHandle;
import com.hirerelay.host.plugins.PluginHost;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;

/**
 * The one rule of who may export which candidate with which connector. Menus ask it which items to
 * show, the single export asks it before it builds a draft or sends anything, and the bulk export
 * asks it before it starts and again for every candidate: what a user could not see, they cannot
 * invoke.
 *
 * <p>A user may export a candidate with a connector when all of these hold:
 * <ol>
 *   <li>the user's role may export ({@link com.hirerelay.api.UserRole#mayExport()});</li>
 *   <li>a started plugin offers the connector;</li>
 *   <li>the candidate is hired;</li>
 *   <li>the connector's integration is connected and needs neither reconnection nor attention;</li>
 *   <li>the connector's menu item is visible to the user for the candidate at one placement at least:
 *       the item's own roles and placements, narrowed by the plugin's rule if it has one.</li>
 * </ol>
 * Each refusal names the first rule that failed, in that order.
 */
public final class ExportPolicy {

    private final PluginHost plugins;
    private final ConnectionStates connections;

    public ExportPolicy(PluginHost plugins, ConnectionStates connections) {
        this.plugins = plugins;
        this.connections = connections;
    }

    /**
     * @return the export menu items the user may see for the candidate at that placement, ascending by
     *         order
     */
    public List<MenuEntry> visibleItems(MenuPlacement placement, Candidate candidate, User user) {
        return menusFor(placement, user).apply(candidate);
    }

    /**
     * The menus of a whole page: connection states are read once for the page, not once per row and item.
     *
     * @return for each candidate of the page, the export menu items the user may see at that placement, ascending
     *         by order
     */
    public Function<Candidate, List<MenuEntry>> menusFor(MenuPlacement placement, User user) {
        ConnectionStates states = connections.snapshot();
        List<MenuHandle> menus = plugins.menus();
        return candidate -> menus.stream()
                .filter(menu -> isVisible(menu, placement, candidate, user, states))
                .map(menu -> new MenuEntry(
                        menu.item().id(), menu.item().label(), menu.item().connectorId()))
                .toList();
    }

    /**
     * Checks the rules that do not depend on the candidate (1, 2 and 4), as a bulk export does before
     * it starts.
     *
     * @throws AccessDeniedException when the role may not export
     * @throws RequestRefusedException when the connector is not installed or its integration is not usable
     */
    public void requireMayUse(User user, String connectorId) {
        requireRole(user);
        requireConnector(connectorId);
        connections.requireUsable(connectorId);
    }

    /**
     * Checks the whole rule for one candidate.
     *
     * @throws AccessDeniedException when the role may not export
     * @throws RequestRefusedException naming the first rule that failed
     */
    public void requireMayExport(User user, Candidate candidate, String connectorId) {
        requireMayExport(user, candidate, connectorId, connections.snapshot());
    }

    /**
     * Checks the whole rule for one candidate with the connection states one request has read.
     *
     * @param states the request's view of the connections ({@link ConnectionStates#snapshot()})
     * @throws AccessDeniedException when the role may not export
     * @throws RequestRefusedException naming the first rule that failed
     */
    public void requireMayExport(User user, Candidate candidate, String connectorId, ConnectionStates states) {
        requireRole(user);
        requireConnector(connectorId);
        if (!candidate.isHired()) {
            throw new RequestRefusedException(
                    Reason.NOT_EXPORTABLE,
                    "Only hired candidates can be exported; " + candidate.fullName() + " is "
                            + candidate.status().name().toLowerCase(Locale.ROOT) + ".");
        }
        states.requireUsable(connectorId);
        boolean offered = menuFor(connectorId)
                .map(menu -> List.of(MenuPlacement.values()).stream()
                        .anyMatch(placement -> isVisible(menu, placement, candidate, user, states)))
                .orElse(false);
        if (!offered) {
            throw new RequestRefusedException(
                    Reason.NOT_EXPORTABLE,
                    "The " + connectorName(connectorId) + " export is not offered for this candidate.");
        }
    }

    private static boolean isVisible(
            MenuHandle menu, MenuPlacement placement, Candidate candidate, User user, ConnectionStates states) {
        // The item's standard rule covers role, hired and connected too (MenuItem.allows); the role is
        // checked first so that a role that may not export never reaches plugin code.
        return user.role().mayExport()
                && menu.isVisible(new MenuContext(
                        placement,
                        candidate,
                        user.role(),
                        states.isUsable(menu.item().connectorId())));
    }

    private static void requireRole(User user) {
        if (!user.role().mayExport()) {
            throw new AccessDeniedException("Only admins, hiring managers and recruiters can export candidates.");
        }
    }

    private void requireConnector(String connectorId) {
        if (plugins.connector(connectorId).isEmpty()) {
            throw new RequestRefusedException(
                    Reason.NOT_FOUND, "No installed plugin offers a connector '" + connectorId + "'.");
        }
    }

    private Optional<MenuHandle> menuFor(String connectorId) {
        return plugins.menus().stream()
                .filter(menu -> menu.item().connectorId().equals(connectorId))
                .findFirst();
    }

    private String connectorName(String connectorId) {
        return plugins.connector(connectorId)
                .map(handle -> handle.info().displayName())
                .orElse(connectorId);
    }
}
