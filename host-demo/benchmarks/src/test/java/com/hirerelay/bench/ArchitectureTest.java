package com.hirerelay.bench;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The benchmarks' architecture rules (defined here, the one place for this module) hold for their classes.
 * How such rules fail when broken is shown once, in the plugin API's and the host's
 * {@code ArchitectureRulesTest}.
 */
class ArchitectureTest {

    static final ArchRule NO_PACKAGE_CYCLES =
            slices().matching("com.hirerelay.(**)").should().beFreeOfCycles();

    static final ArchRule NO_PLUGIN_CLASSES = noClasses()
            .that()
            .resideInAPackage("com.hirerelay.bench..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage("com.hirerelay.factorial..", "com.hirerelay.example..")
            .because("the benchmarks measure the plugin as the host loads it, from its jar, never linked in");

    private static JavaClasses benchmarks;

    @BeforeAll
    static void importTheBenchmarks() {
        benchmarks = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_JARS)
                .importPackages("com.hirerelay.bench");
    }

    @Test
    void noTwoPackagesDependOnEachOtherInACircle() {
        NO_PACKAGE_CYCLES.check(benchmarks);
    }

    @Test
    void theBenchmarksLinkAgainstNoPluginClass() {
        NO_PLUGIN_CLASSES.check(benchmarks);
    }
}
