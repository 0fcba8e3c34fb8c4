package com.hirerelay.host.auth;

import com.hirerelay.api.UserRole;
import java.security.Principal;

/**
 * A signed-in user of the host.
 *
 * @param id the user's id
 * @param email the log-in e-mail
 * @param name the display name
 * @param role the user's one role
 */
public record User(long id, String email, String name, UserRole role) implements Principal {

    @Override
    public String getName() {
        return email;
    }
}
