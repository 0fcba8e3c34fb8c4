package com.hirerelay.factorial;

import com.hirerelay.api.hris.ConnectionSettings;
import com.hirerelay.api.hris.HrisConnector;
import com.hirerelay.api.testkit.HrisMatchContract;
import com.hirerelay.api.testkit.MatchBackend;
import com.hirerelay.factorial.connector.FactorialConnector;
import com.hirerelay.factorial.testing.KitSandbox;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The Factorial plugin passes the test kit's match-classification checks against the sandbox. */
class FactorialMatchContractTest extends HrisMatchContract {

    @RegisterExtension
    static final KitSandbox SANDBOX = new KitSandbox();

    @Override
    protected HrisConnector connector() {
        return new FactorialConnector();
    }

    @Override
    protected ConnectionSettings workingSettings() {
        return SANDBOX.workingSettings();
    }

    @Override
    protected MatchBackend matchBackend() {
        return SANDBOX.matchBackend();
    }
}
