package com.hirerelay.api.architecture;

import com.tngtech.archunit.core.domain.JavaClasses;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The plugin API's main classes keep every rule of {@link ArchitectureRules}. */
class ArchitectureTest {

    private static JavaClasses api;

    @BeforeAll
    static void importTheApi() {
        api = ArchitectureRules.apiClasses();
    }

    @Test
    void noTwoPackagesDependOnEachOtherInACircle() {
        ArchitectureRules.NO_PACKAGE_CYCLES.check(api);
    }

    @Test
    void theApiDependsOnPf4jAndTheJdkOnly() {
        ArchitectureRules.ONLY_PF4J_AND_THE_JDK.check(api);
    }
}
