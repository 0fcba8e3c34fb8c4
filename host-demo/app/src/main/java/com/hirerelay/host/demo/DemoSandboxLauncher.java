package com.hirerelay.host.demo;

import com.hirerelay.sandbox.FactorialSandbox;
import com.hirerelay.sandbox.SandboxConfig;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Starts the embedded Factorial sandbox on loopback with a stable port and key (so an integration connected
 * in one run still works in the next) and tells the host which connect-form defaults point the Factorial
 * plugin at it. The only class of the host that uses the sandbox's classes.
 */
public final class DemoSandboxLauncher implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(DemoSandboxLauncher.class);
    /** The sandbox's key in the demo: not a secret, it opens only the fake on this machine. */
    static final String DEMO_KEY = "demo-sandbox-key-4f1c9a7e2b";

    private final FactorialSandbox sandbox;

    private DemoSandboxLauncher(FactorialSandbox sandbox) {
        this.sandbox = sandbox;
    }

    /**
     * @param preferredPort the port to use; a free one is picked when it is taken
     */
    public static DemoSandboxLauncher start(int preferredPort) {
        SandboxConfig config = SandboxConfig.defaults().withApiKey(DEMO_KEY).withPostLimitPerMinute(200);
        FactorialSandbox sandbox;
        try {
            sandbox = FactorialSandbox.start(config.withPort(preferredPort));
        } catch (RuntimeException taken) {
            LOG.warn(
                    "Port {} is taken; the Factorial sandbox uses a free port instead (integrations connected in an"
                            + " earlier run must be reconnected)",
                    preferredPort);
            sandbox = FactorialSandbox.start(config.withPort(0));
        }
        LOG.info("Embedded Factorial sandbox listening on {}", sandbox.baseUrl());
        return new DemoSandboxLauncher(sandbox);
    }

    /** @return the connect-form defaults that point the Factorial connector at this sandbox */
    public Map<String, String> settingDefaults() {
        return DemoConnector.settingDefaultsPointingAt(sandbox.baseUrl());
    }

    /** @return the sandbox's base URL */
    public String baseUrl() {
        return sandbox.baseUrl();
    }

    /** @return the key the admin pastes into the connect form */
    public String apiKey() {
        return sandbox.apiKey();
    }

    @Override
    public void close() {
        sandbox.close();
    }
}
