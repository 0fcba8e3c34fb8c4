package com.hirerelay.factorial.testing;

import com.hirerelay.api.hris.ConnectionSettings;
import com.hirerelay.api.testkit.ContractBackend;
import com.hirerelay.api.testkit.MatchBackend;
import com.hirerelay.sandbox.FactorialSandbox;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The Factorial sandbox behind the plugin-api test kit's contracts, the set-up {@code FactorialContractTest} and
 * {@code FactorialMatchContractTest} (and their broken variants) share: register it as a static
 * {@code @RegisterExtension} field; it starts a sandbox before the class, brings it back to its seed data before
 * each test (before the kit's own set-up asks for settings and the backend), and stops it after the class.
 */
public final class KitSandbox implements BeforeAllCallback, BeforeEachCallback, AfterAllCallback {

    private FactorialSandbox sandbox;

    @Override
    public void beforeAll(ExtensionContext context) {
        sandbox = FactorialSandbox.start();
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        sandbox.reset();
    }

    @Override
    public void afterAll(ExtensionContext context) {
        sandbox.close();
        sandbox = null;
    }

    /** @return connect-form values with the sandbox's valid key */
    public ConnectionSettings workingSettings() {
        return SandboxSettings.forSandbox(running());
    }

    /** @return the same values with a key the sandbox refuses */
    public ConnectionSettings settingsWithWrongKey() {
        return SandboxSettings.withKey(running(), "wrong-" + running().apiKey().substring(0, 12));
    }

    /** @return the sandbox as the kit steers it */
    public ContractBackend backend() {
        return new SandboxBackend(running());
    }

    /** @return employees put into the sandbox as someone would by hand, for the match checks */
    public MatchBackend matchBackend() {
        return running()::addEmployee;
    }

    private FactorialSandbox running() {
        if (sandbox == null) {
            throw new IllegalStateException("the sandbox runs only while a test class that registers it runs");
        }
        return sandbox;
    }
}
