package com.hirerelay.host.plugins;

import com.hirerelay.host.errors.ApiError;
import com.hirerelay.host.errors.HostException;

/**
 * A plugin's code failed in a way its contract does not allow: it threw something other than an
 * {@link com.hirerelay.api.HrisException}, or a class it needs could not be linked. The failure is also
 * recorded against the plugin so that admins see it under Settings &gt; Plugins.
 */
public class PluginFailureException extends HostException {

    private static final long serialVersionUID = 1L;

    private final String pluginId;

    public PluginFailureException(String pluginId, String message, Throwable cause) {
        super(message, cause);
        this.pluginId = pluginId;
    }

    /** @return the id of the plugin that failed */
    public String pluginId() {
        return pluginId;
    }

    /** @return 502: the host is fine, the plugin behind it failed */
    @Override
    public int httpStatus() {
        return 502;
    }

    /** @return code {@code plugin_failed} with the message */
    @Override
    public ApiError toApiError() {
        return ApiError.of("plugin_failed", getMessage());
    }
}
