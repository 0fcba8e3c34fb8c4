package com.hirerelay.factorial.testing;

import com.hirerelay.api.hris.HrisConnection;
import com.hirerelay.sandbox.FactorialSandbox;
import com.hirerelay.sandbox.SandboxConfig;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/**
 * A test against a fresh {@link FactorialSandbox} per test: started before the subclass's own {@code @BeforeEach}
 * methods, closed after its {@code @AfterEach} methods. Connections added to {@link #opened} are closed first. A
 * test class that needs another configuration overrides {@link #sandboxConfig()}.
 */
public abstract class SandboxHttpTest {

    protected final List<HrisConnection> opened = new ArrayList<>();
    protected FactorialSandbox sandbox;

    /** The configuration each test's sandbox starts with; the defaults unless overridden. */
    protected SandboxConfig sandboxConfig() {
        return SandboxConfig.defaults();
    }

    @BeforeEach
    void startSandbox() {
        sandbox = FactorialSandbox.start(sandboxConfig());
    }

    @AfterEach
    void stopSandbox() {
        opened.forEach(HrisConnection::close);
        sandbox.close();
    }
}
