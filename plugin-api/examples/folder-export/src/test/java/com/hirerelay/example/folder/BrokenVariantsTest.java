package com.hirerelay.example.folder;

import static org.assertj.core.api.Assertions.assertThat;

import com.hirerelay.api.hris.HrisConnector;
import com.hirerelay.api.menu.ExportMenuContribution;
import com.hirerelay.api.settings.IntegrationSettingsPanel;
import com.hirerelay.api.testkit.ContractRun;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The kit's own quality: run programmatically against each {@link BrokenVariant} of the example connector,
 * the whole kit must fail, and among its failures must be the test that checks the rule the variant
 * breaks. The unbroken connector passing the same kit is {@link FolderExportContractTest}.
 */
class BrokenVariantsTest {

    @ParameterizedTest(name = "{0}")
    @EnumSource(BrokenVariant.class)
    void theKitFailsTheRuleTheVariantBreaks(BrokenVariant variant) {
        ContractRun run = runKitAgainst(variant);

        assertThat(run.testsRun())
                .as("the kit ran its tests against %s", variant)
                .isGreaterThan(30);
        assertThat(run.failedTests())
                .as("the kit must fail %s in %s; it failed:\n%s", variant, variant.brokenRule(), run.failures())
                .contains(variant.brokenRule());
    }

    private static ContractRun runKitAgainst(BrokenVariant variant) {
        VariantContract.variant = variant;
        try {
            return ContractRun.of(VariantContract.class);
        } finally {
            VariantContract.variant = null;
        }
    }

    /** The example's contract test with the variant's extensions; run only through {@link #runKitAgainst}. */
    static class VariantContract extends FolderExportContractTest {

        static volatile BrokenVariant variant;

        @Override
        protected HrisConnector connector() {
            SteerableFolder backend = (SteerableFolder) backend();
            return variant.connector(backend::steer, folder);
        }

        @Override
        protected ExportMenuContribution menuContribution() {
            return variant.menu();
        }

        @Override
        protected IntegrationSettingsPanel settingsPanel() {
            return variant.panel();
        }
    }
}
