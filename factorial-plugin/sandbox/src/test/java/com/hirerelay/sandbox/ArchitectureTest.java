package com.hirerelay.sandbox;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The sandbox's architecture rules (defined here, the one place for this module) hold for its main classes.
 * How such rules fail when broken is shown once, in the plugin API's and the host's
 * {@code ArchitectureRulesTest}.
 */
class ArchitectureTest {

    static final ArchRule NO_PACKAGE_CYCLES =
            slices().matching("com.hirerelay.(**)").should().beFreeOfCycles();

    static final ArchRule SHARES_NO_CODE_WITH_WHAT_IT_TESTS = noClasses()
            .that()
            .resideInAPackage("com.hirerelay.sandbox..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage("com.hirerelay.factorial..", "com.hirerelay.host..", "com.hirerelay.api..")
            .because("the sandbox fakes Factorial's public API as documented; sharing the plugin's code would let"
                    + " the plugin's mistakes pass its own tests");

    private static JavaClasses sandbox;

    @BeforeAll
    static void importTheSandbox() {
        sandbox = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_JARS)
                .importPackages("com.hirerelay.sandbox");
    }

    @Test
    void noTwoPackagesDependOnEachOtherInACircle() {
        NO_PACKAGE_CYCLES.check(sandbox);
    }

    @Test
    void theSandboxSharesNoCodeWithThePluginTheHostOrTheApi() {
        SHARES_NO_CODE_WITH_WHAT_IT_TESTS.check(sandbox);
    }
}
