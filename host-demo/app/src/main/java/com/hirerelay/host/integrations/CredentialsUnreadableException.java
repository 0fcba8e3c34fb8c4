package com.hirerelay.host.integrations;

import com.hirerelay.host.errors.ApiError;
import com.hirerelay.host.errors.HostException;

/**
 * An integration's stored credentials do not decrypt with the host's master key (see
 * {@link com.hirerelay.host.vault.SecretUnreadableException}). Nothing the client sent is wrong and retrying
 * will not help until an operator restores the key, or an admin disconnects and connects the integration
 * again: answered with 503 and code {@code secrets_unreadable}.
 */
public final class CredentialsUnreadableException extends HostException {

    private static final long serialVersionUID = 1L;

    CredentialsUnreadableException(String connectorId, Throwable cause) {
        super(
                "The stored credentials of integration '" + connectorId + "' cannot be read with this host's"
                        + " master key (was master.key deleted or replaced?). Restore the master key they were"
                        + " saved with, or disconnect the integration and connect it again.",
                cause);
    }

    @Override
    public int httpStatus() {
        return 503;
    }

    @Override
    public ApiError toApiError() {
        return ApiError.of("secrets_unreadable", getMessage());
    }
}
