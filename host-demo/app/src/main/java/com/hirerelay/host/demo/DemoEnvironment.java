package com.hirerelay.host.demo;

import java.util.Map;

/**
 * What the demo started for one run of the host: the embedded Factorial sandbox, if any, and the
 * connect-form defaults that point the Factorial plugin at the chosen Factorial.
 */
public final class DemoEnvironment implements AutoCloseable {

    private final DemoSandboxLauncher sandbox;
    private final Map<String, String> settingDefaults;

    DemoEnvironment(DemoSandboxLauncher sandbox, Map<String, String> settingDefaults) {
        this.sandbox = sandbox;
        this.settingDefaults = Map.copyOf(settingDefaults);
    }

    /** @return connect-form defaults keyed {@code connectorId.settingKey}; empty when the demo sets none */
    public Map<String, String> settingDefaults() {
        return settingDefaults;
    }

    /** @return lines for the start-up banner: where the sandbox runs and its key; empty without a sandbox */
    public String welcome() {
        if (sandbox == null) {
            return "";
        }
        return "\nEmbedded " + DemoConnector.NAME + " sandbox: " + sandbox.baseUrl() + '\n'
                + "  API key to paste under Settings > Account > Integrations > " + DemoConnector.NAME + ": "
                + sandbox.apiKey() + '\n';
    }

    @Override
    public void close() {
        if (sandbox != null) {
            sandbox.close();
        }
    }
}
