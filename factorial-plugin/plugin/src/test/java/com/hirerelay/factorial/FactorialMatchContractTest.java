package com.hirerelay.factorial;

import com.hirerelay.api.hris.ConnectionSettings;
import com.hirerelay.api.hris.HrisConnector;
import com.hirerelay.api.testkit.HrisMatchContract;
import com.hirerelay.api.testkit.MatchBackend;
import com.hirerelay.factorial.connector.FactorialConnector;
import com.hirerelay.factorial.testing.SandboxSettings;
import com.hirerelay.sandbox.FactorialSandbox;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;

/** The Factorial plugin passes the test kit's match-classification checks against the sandbox. */
class FactorialMatchContractTest extends HrisMatchContract {

    private static FactorialSandbox sandbox;

    @BeforeAll
    static void startSandbox() {
        sandbox = FactorialSandbox.start();
    }

    @AfterAll
    static void stopSandbox() {
        sandbox.close();
    }

    @BeforeEach
    void resetSandbox() {
        sandbox.reset();
    }

    @Override
    protected HrisConnector connector() {
        return new FactorialConnector();
    }

    @Override
    protected ConnectionSettings workingSettings() {
        return SandboxSettings.forSandbox(sandbox);
    }

    @Override
    protected MatchBackend matchBackend() {
        return sandbox::addEmployee;
    }
}
