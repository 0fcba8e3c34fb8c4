/**
 * The settings-panel extension point: the integration card under Settings &gt; Account &gt; Integrations,
 * its connect form declared as data, and the connection details shown once connected.
 */
package com.hirerelay.api.settings;
