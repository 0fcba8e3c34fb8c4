package com.hirerelay.example.folder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import com.hirerelay.api.hris.HrisConnector;
import com.hirerelay.api.menu.ExportMenuContribution;
import com.hirerelay.api.settings.IntegrationSettingsPanel;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.platform.engine.support.descriptor.MethodSource;
import org.junit.platform.launcher.Launcher;
import org.junit.platform.launcher.LauncherDiscoveryRequest;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;
import org.junit.platform.launcher.listeners.SummaryGeneratingListener;
import org.junit.platform.launcher.listeners.TestExecutionSummary;

/**
 * The kit's own quality: run programmatically against each {@link BrokenVariant} of the example connector,
 * the whole kit must fail, and among its failures must be the test that checks the rule the variant
 * breaks. The unbroken connector passing the same kit is {@link FolderExportContractTest}.
 */
class BrokenVariantsTest {

    @ParameterizedTest(name = "{0}")
    @EnumSource(BrokenVariant.class)
    void theKitFailsTheRuleTheVariantBreaks(BrokenVariant variant) {
        TestExecutionSummary summary = runKitAgainst(variant);

        // By the kit method's name, not its unique id: the id's format differs between JUnit versions.
        List<String> failedTests = summary.getFailures().stream()
                .map(failure -> failure.getTestIdentifier().getSource())
                .flatMap(Optional::stream)
                .filter(MethodSource.class::isInstance)
                .map(source -> ((MethodSource) source).getMethodName())
                .toList();
        String failures = summary.getFailures().stream()
                .map(failure -> failure.getTestIdentifier().getDisplayName() + ": "
                        + failure.getException().getMessage())
                .collect(Collectors.joining("\n"));
        assertThat(summary.getTestsSucceededCount() + summary.getTestsFailedCount())
                .as("the kit ran its tests against %s", variant)
                .isGreaterThan(30);
        assertThat(failedTests)
                .as("the kit must fail %s in %s; it failed:\n%s", variant, variant.brokenRule(), failures)
                .contains(variant.brokenRule());
    }

    private static TestExecutionSummary runKitAgainst(BrokenVariant variant) {
        VariantContract.variant = variant;
        try {
            LauncherDiscoveryRequest request = LauncherDiscoveryRequestBuilder.request()
                    .selectors(selectClass(VariantContract.class))
                    .build();
            Launcher launcher = LauncherFactory.create();
            SummaryGeneratingListener listener = new SummaryGeneratingListener();
            launcher.execute(request, listener);
            return listener.getSummary();
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
