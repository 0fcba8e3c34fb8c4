package com.hirerelay.host.plugins;

/**
 * A plugin's state as admins see it under Settings &gt; Plugins.
 */
public enum PluginStatus {
    /** Loaded and contributing its extensions. */
    STARTED,
    /** Switched off by an admin, or refused as incompatible with this host (see the reason). */
    DISABLED,
    /** Its jar was refused, or its code failed while starting or describing itself (see the reason). */
    FAILED,
    /** Loaded but not running. */
    STOPPED
}
