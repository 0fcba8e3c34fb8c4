package com.hirerelay.factorial;

import static org.assertj.core.api.Assertions.assertThat;

import com.hirerelay.api.hris.HrisConnector;
import com.hirerelay.api.testkit.ContractRun;
import com.hirerelay.api.testkit.ForwardingHrisConnection;
import com.hirerelay.factorial.connector.FactorialConnector;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The kit catches broken rules that the folder example cannot break (a folder has no rate limits, no API
 * versions, no field names in its refusals, no possible matches): the kit's contracts run against the Factorial
 * connector broken in one way each ({@link BrokenVariant}) and must fail the test of the rule each variant
 * breaks. The unbroken connector passing the same contracts is {@link FactorialContractTest} and
 * {@link FactorialMatchContractTest}; the other broken variants are the folder example's
 * {@code BrokenVariantsTest}.
 */
class FactorialBrokenVariantsTest {

    /**
     * Runs only the test of the variant's rule: the unbroken connector passes that very test in the contract
     * test classes, and the rest of the kit against the variant would prove nothing more for two minutes of
     * sandbox per variant.
     */
    @ParameterizedTest(name = "{0}")
    @EnumSource(BrokenVariant.class)
    void theKitFailsTheRuleTheVariantBreaks(BrokenVariant variant) {
        ContractRun run;
        underTest = variant;
        try {
            run = ContractRun.ofTest(
                    variant.contract() == BrokenVariant.Contract.PLUGIN
                            ? PluginContractAgainstTheVariant.class
                            : MatchContractAgainstTheVariant.class,
                    variant.brokenRule());
        } finally {
            underTest = null;
        }

        assertThat(run.testsRun())
                .as(
                        "the kit ran the test of %s against %s; it reported:\n%s",
                        variant.brokenRule(), variant, run.failures())
                .isPositive();
        assertThat(run.failedTests())
                .as("the kit must fail %s in %s; it failed:\n%s", variant, variant.brokenRule(), run.failures())
                .contains(variant.brokenRule());
    }

    /** The variant the nested contracts run against; set only while {@link ContractRun} runs one. */
    private static volatile BrokenVariant underTest;

    /** Factorial's connector whose every connection, however the kit opens it, is the variant's. */
    private static HrisConnector brokenConnector() {
        return ForwardingHrisConnection.decoratingConnections(new FactorialConnector(), underTest::broken);
    }

    /** {@link com.hirerelay.api.testkit.HrisPluginContract} against the variant; run only through ContractRun. */
    static class PluginContractAgainstTheVariant extends FactorialContractTest {
        @Override
        protected HrisConnector connector() {
            return brokenConnector();
        }
    }

    /** {@link com.hirerelay.api.testkit.HrisMatchContract} against the variant; run only through ContractRun. */
    static class MatchContractAgainstTheVariant extends FactorialMatchContractTest {
        @Override
        protected HrisConnector connector() {
            return brokenConnector();
        }
    }
}
