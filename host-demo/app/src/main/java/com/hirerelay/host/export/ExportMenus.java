package com.hirerelay.host.export;

import com.hirerelay.api.candidate.Candidate;
import com.hirerelay.api.menu.MenuContext;
import com.hirerelay.api.menu.MenuPlacement;
import com.hirerelay.host.auth.User;
import com.hirerelay.host.candidates.MenuEntry;
import com.hirerelay.host.integrations.ConnectionStates;
import com.hirerelay.host.plugins.MenuHandle;
import com.hirerelay.host.plugins.PluginHost;
import java.util.List;
import java.util.Optional;

/**
 * Which export menu items a user sees for a candidate, and whether one may be invoked: the single rule
 * used both to render menus and to authorise exports on the server.
 */
public final class ExportMenus {

    private final PluginHost plugins;
    private final ConnectionStates connections;

    public ExportMenus(PluginHost plugins, ConnectionStates connections) {
        this.plugins = plugins;
        this.connections = connections;
    }

    /**
     * @return the items visible to the user at that placement, ascending by order
     */
    public List<MenuEntry> visible(MenuPlacement placement, Candidate candidate, User user) {
        return plugins.menus().stream()
                .filter(menu -> menu.isVisible(context(menu, placement, candidate, user)))
                .map(menu -> new MenuEntry(
                        menu.item().id(), menu.item().label(), menu.item().connectorId()))
                .toList();
    }

    /**
     * Whether the user may export the candidate with the connector from at least one placement: what a
     * user could not see anywhere, they cannot invoke.
     */
    public boolean mayExport(String connectorId, Candidate candidate, User user) {
        return menuFor(connectorId)
                .map(menu -> List.of(MenuPlacement.values()).stream()
                        .anyMatch(placement -> menu.isVisible(context(menu, placement, candidate, user))))
                .orElse(false);
    }

    private Optional<MenuHandle> menuFor(String connectorId) {
        return plugins.menus().stream()
                .filter(menu -> menu.item().connectorId().equals(connectorId))
                .findFirst();
    }

    private MenuContext context(MenuHandle menu, MenuPlacement placement, Candidate candidate, User user) {
        return new MenuContext(
                placement,
                candidate,
                user.role(),
                connections.isUsable(menu.item().connectorId()));
    }
}
