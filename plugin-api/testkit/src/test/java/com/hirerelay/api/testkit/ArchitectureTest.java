package com.hirerelay.api.testkit;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
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
            .and()
            .doNotHaveSimpleName("LogbackTap")
            .should()
            .onlyDependOnClassesThat()
            .resideInAnyPackage(
                    "com.hirerelay.api..", "org.junit..", "org.assertj..", "java..", "com.sun.net.httpserver..")
            .because("a plugin author adds the kit as one test dependency; it brings JUnit and AssertJ, nothing"
                    + " else (FakeHrSystem serves HTTP with the JDK's own server), and knows no plugin and no host");

    static final ArchRule LOGBACK_ONLY_BEHIND_THE_TAP = noClasses()
            .that()
            .resideInAPackage("com.hirerelay.api.testkit..")
            .and()
            .doNotHaveSimpleName("LogbackTap")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage("org.slf4j..", "ch.qos.logback..")
            .because("SLF4J and Logback are optional dependencies of the kit: only LogbackTap may touch them, and"
                    + " only after checking they are on the class path");

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

    @Test
    void onlyTheLogbackTapTouchesTheOptionalLoggingLibraries() {
        LOGBACK_ONLY_BEHIND_THE_TAP.check(kit);
    }
}
