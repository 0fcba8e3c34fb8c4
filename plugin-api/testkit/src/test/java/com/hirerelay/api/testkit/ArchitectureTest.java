package com.hirerelay.api.testkit;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The test kit's architecture rules (defined here, the one place for this module) hold for its main
 * classes. How such rules fail when broken is shown once, in the plugin API's and the host's
 * {@code ArchitectureRulesTest}.
 */
class ArchitectureTest {

    static final ArchRule NO_PACKAGE_CYCLES =
            slices().matching("com.hirerelay.(**)").should().beFreeOfCycles();

    static final ArchRule ONLY_THE_API_JUNIT_AND_ASSERTJ = classes()
            .that()
            .resideInAPackage("com.hirerelay.api.testkit..")
            .should()
            .onlyDependOnClassesThat()
            .resideInAnyPackage("com.hirerelay.api..", "org.junit..", "org.assertj..", "java..")
            .because("a plugin author adds the kit as one test dependency; it brings JUnit and AssertJ, nothing"
                    + " else, and knows no plugin and no host");

    private static JavaClasses kit;

    @BeforeAll
    static void importTheKit() {
        kit = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_JARS)
                .importPackages("com.hirerelay.api.testkit");
    }

    @Test
    void noTwoPackagesDependOnEachOtherInACircle() {
        NO_PACKAGE_CYCLES.check(kit);
    }

    @Test
    void theKitUsesOnlyThePluginApiJunitAndAssertj() {
        ONLY_THE_API_JUNIT_AND_ASSERTJ.check(kit);
    }
}
