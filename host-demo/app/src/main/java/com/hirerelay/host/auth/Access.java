package com.hirerelay.host.auth;

import jakarta.ws.rs.NotAuthorizedException;
import jakarta.ws.rs.core.SecurityContext;

/**
 * The server-side role checks every resource uses. The UI hides what a role may not do; these refuse it.
 */
public final class Access {

    private Access() {}

    /**
     * @param security the request's security context, filled by the session filter
     * @return the signed-in user
     * @throws NotAuthorizedException (HTTP 401) if nobody is signed in
     */
    public static User user(SecurityContext security) {
        if (security == null || !(security.getUserPrincipal() instanceof User user)) {
            throw new NotAuthorizedException("Sign in first", "Session");
        }
        return user;
    }

    /** @throws AccessDeniedException unless the user is an admin */
    public static User requireIntegrationManager(SecurityContext security) {
        User user = user(security);
        if (!user.role().mayManageIntegrations()) {
            throw new AccessDeniedException("Only admins can manage integrations and plugins.");
        }
        return user;
    }

    /** @throws AccessDeniedException unless the user is an admin, hiring manager or recruiter */
    public static User requireExporter(SecurityContext security) {
        User user = user(security);
        if (!user.role().mayExport()) {
            throw new AccessDeniedException("Only admins, hiring managers and recruiters can export candidates.");
        }
        return user;
    }
}
