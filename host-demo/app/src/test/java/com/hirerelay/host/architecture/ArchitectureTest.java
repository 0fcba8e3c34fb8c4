package com.hirerelay.host.architecture;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The host's main classes keep every rule of {@link ArchitectureRules}. */
class ArchitectureTest {

    private static JavaClasses host;

    @BeforeAll
    static void importTheHost() {
        host = ArchitectureRules.hostClasses();
    }

    private static void check(ArchRule rule) {
        rule.check(host);
    }

    @Test
    void noTwoPackagesDependOnEachOtherInACircle() {
        check(ArchitectureRules.NO_PACKAGE_CYCLES);
    }

    @Test
    void theHostCoreDoesNotDependOnTheDemo() {
        check(ArchitectureRules.CORE_KNOWS_NO_DEMO);
    }

    @Test
    void theHostUsesNoPluginClass() {
        check(ArchitectureRules.NO_PLUGIN_CLASSES);
    }

    @Test
    void onlyTheDemoUsesTheFactorialSandbox() {
        check(ArchitectureRules.SANDBOX_ONLY_IN_DEMO);
    }

    @Test
    void nothingImportsTheCompositionRoot() {
        check(ArchitectureRules.COMPOSITION_ROOT_IMPORTED_BY_NOBODY);
    }

    @Test
    void errorsStorageAndVaultAreLeaves() {
        check(ArchitectureRules.LEAVES_USE_NO_OTHER_HOST_PACKAGE);
    }

    @Test
    void theWebPlumbingKnowsNoFeature() {
        check(ArchitectureRules.WEB_KNOWS_NO_FEATURE);
    }
}
