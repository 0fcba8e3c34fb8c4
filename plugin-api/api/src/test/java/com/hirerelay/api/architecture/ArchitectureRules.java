package com.hirerelay.api.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import java.util.List;

/**
 * The plugin API's architecture as rules the build checks: the one place they are defined.
 * {@link ArchitectureTest} holds the API's classes to them; {@link ArchitectureRulesTest} shows that each one
 * fails when broken.
 */
final class ArchitectureRules {

    static final String API = "com.hirerelay.api";

    /** Every package its own slice: a cycle between any two packages fails. */
    static final ArchRule NO_PACKAGE_CYCLES = slices().matching("com.hirerelay.(**)")
            .should()
            .beFreeOfCycles()
            .because("dependencies point one way, from the extension points down to the records they exchange");

    static final ArchRule ONLY_PF4J_AND_THE_JDK = classes()
            .that()
            .resideInAPackage(API + "..")
            .should()
            .onlyDependOnClassesThat()
            .resideInAnyPackage(API + "..", "org.pf4j..", "java..")
            .because("a plugin compiles against the API and the host provides it: any other library in it would"
                    + " be forced on every plugin, in the host's version");

    static final List<ArchRule> ALL = List.of(NO_PACKAGE_CYCLES, ONLY_PF4J_AND_THE_JDK);

    private ArchitectureRules() {}

    /** @return the API's main classes (not its tests) */
    static JavaClasses apiClasses() {
        return new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_JARS)
                .importPackages(API);
    }
}
