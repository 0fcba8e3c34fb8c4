package com.hirerelay.sandbox;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;

/**
 * A test class against one {@link FactorialSandbox} shared by all its tests, with a {@link SandboxClient} for it:
 * started before the first test, closed after the last. A test class that needs a clean sandbox per test calls
 * {@link FactorialSandbox#reset()} in its own {@code @BeforeEach}; one that needs another configuration overrides
 * {@link #sandboxConfig()}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class SandboxTest {

    FactorialSandbox sandbox;
    SandboxClient client;

    /** The configuration the sandbox starts with; the defaults unless overridden. */
    SandboxConfig sandboxConfig() {
        return SandboxConfig.defaults();
    }

    @BeforeAll
    void startSandbox() {
        sandbox = FactorialSandbox.start(sandboxConfig());
        client = new SandboxClient(sandbox);
    }

    @AfterAll
    void stopSandbox() {
        sandbox.close();
    }
}
