package com.hirerelay.example.folder;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The example plugin's architecture rules (defined here, the one place for this module) hold for its main
 * classes. How such rules fail when broken is shown once, in the plugin API's and the host's
 * {@code ArchitectureRulesTest}.
 */
class ArchitectureTest {

    static final ArchRule NO_PACKAGE_CYCLES =
            slices().matching("com.hirerelay.(**)").should().beFreeOfCycles();

    static final ArchRule ONLY_THE_API_PF4J_AND_THE_JDK = classes()
            .that()
            .resideInAPackage("com.hirerelay.example..")
            .should()
            .onlyDependOnClassesThat()
            .resideInAnyPackage(
                    "com.hirerelay.example..", "com.hirerelay.api..", "org.pf4j..", "java..", "javax.crypto..")
            .because("the example shows a plugin that needs nothing but what the host provides, and it knows no"
                    + " host class");

    private static JavaClasses plugin;

    @BeforeAll
    static void importThePlugin() {
        plugin = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_JARS)
                .importPackages("com.hirerelay.example");
    }

    @Test
    void noTwoPackagesDependOnEachOtherInACircle() {
        NO_PACKAGE_CYCLES.check(plugin);
    }

    @Test
    void theExampleUsesOnlyThePluginApiPf4jAndTheJdk() {
        ONLY_THE_API_PF4J_AND_THE_JDK.check(plugin);
    }
}
