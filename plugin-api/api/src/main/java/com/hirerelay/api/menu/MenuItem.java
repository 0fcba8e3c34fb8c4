package com.hirerelay.api.menu;

import com.hirerelay.api.UserRole;
import com.hirerelay.api.internal.Require;
import java.util.EnumSet;
import java.util.Set;

/**
 * A menu item as data: the host renders it without calling plugin code for each row.
 *
 * <p>Invoking the item opens the host's export dialog for the connector {@link #connectorId()}.
 *
 * @param id stable id, unique within the plugin (lower-case letters, digits and dashes)
 * @param label what the user reads, for example "Export to FactorialHr"; not blank
 * @param connectorId the {@link com.hirerelay.api.hris.ConnectorInfo#id()} the item exports with
 * @param placements where the item appears; not empty
 * @param allowedRoles who may see and invoke it; the host additionally never lets a role export that
 *                     {@link UserRole#mayExport()} forbids
 * @param order position among other items, ascending (lower comes first)
 */
public record MenuItem(
        String id,
        String label,
        String connectorId,
        Set<MenuPlacement> placements,
        Set<UserRole> allowedRoles,
        int order) {

    /** The roles that export by default: admins, hiring managers and recruiters. */
    public static final Set<UserRole> EXPORTING_ROLES =
            Set.copyOf(EnumSet.of(UserRole.ADMIN, UserRole.HIRING_MANAGER, UserRole.RECRUITER));

    /**
     * @throws IllegalArgumentException if an id is malformed, the label blank or a set empty
     */
    public MenuItem {
        Require.identifier(id, "menu item id");
        Require.notBlank(label, "menu item label");
        Require.identifier(connectorId, "connector id");
        placements = Set.copyOf(Require.noNulls(placements, "placements"));
        allowedRoles = Set.copyOf(Require.noNulls(allowedRoles, "allowed roles"));
        if (placements.isEmpty()) {
            throw new IllegalArgumentException("a menu item needs at least one placement");
        }
        if (allowedRoles.isEmpty()) {
            throw new IllegalArgumentException("a menu item needs at least one allowed role");
        }
    }

    /**
     * The standard export rule: the item is placed here, the user's role is allowed, the candidate is
     * hired, and the connector is connected.
     *
     * @param context where and for whom
     * @return whether the item is visible and may be invoked
     */
    public boolean allows(MenuContext context) {
        return placements.contains(context.placement())
                && allowedRoles.contains(context.role())
                && context.role().mayExport()
                && context.candidate().isHired()
                && context.connected();
    }
}
