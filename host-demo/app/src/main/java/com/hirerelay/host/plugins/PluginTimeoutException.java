package com.hirerelay.host.plugins;

/**
 * A call into a plugin did not return within its time limit. The call may still be running in the
 * background; what it does then is not awaited.
 */
public class PluginTimeoutException extends PluginFailureException {

    private static final long serialVersionUID = 1L;

    public PluginTimeoutException(String pluginId, String message) {
        super(pluginId, message, null);
    }
}
