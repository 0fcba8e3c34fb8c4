package com.hirerelay.api;

/**
 * The roles a host user can have. A user has exactly one role.
 *
 * <p>Hosts grant these rights: {@link #ADMIN} connects, views and removes integrations and exports;
 * {@link #HIRING_MANAGER} and {@link #RECRUITER} export; {@link #INTERVIEWER} never exports.
 * Plugins use the roles to declare who may see a menu item
 * ({@link com.hirerelay.api.menu.MenuItem#allowedRoles()}); the host enforces the same rule on the
 * server.
 */
public enum UserRole {
    /** Manages the account, its users and its integrations. */
    ADMIN,
    /** Owns jobs and decides on hires. */
    HIRING_MANAGER,
    /** Runs the hiring process day to day. */
    RECRUITER,
    /** Takes part in interviews only. */
    INTERVIEWER;

    /** Whether this role may export hired candidates to an HR system. */
    public boolean mayExport() {
        return this != INTERVIEWER;
    }

    /** Whether this role may connect, view and remove integrations. */
    public boolean mayManageIntegrations() {
        return this == ADMIN;
    }
}
