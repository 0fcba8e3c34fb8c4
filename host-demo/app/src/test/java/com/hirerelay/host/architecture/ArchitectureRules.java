package com.hirerelay.host.architecture;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.CompositeArchRule;
import java.util.List;

/**
 * The host's architecture as rules the build checks (see README, "Architecture"): the one place they are
 * defined. {@link ArchitectureTest} holds the host's classes to them; {@link ArchitectureRulesTest} shows
 * that each one fails when broken.
 */
final class ArchitectureRules {

    static final String HOST = "com.hirerelay.host";
    static final String COMPOSITION_ROOT = HOST + ".app..";
    static final String DEMO = HOST + ".demo..";

    /** Every package its own slice: a cycle between any two packages, at any depth, fails. */
    static final ArchRule NO_PACKAGE_CYCLES = slices().matching("com.hirerelay.(**)")
            .should()
            .beFreeOfCycles()
            .because("dependencies point one way: feature packages use leaf packages, never each other in a circle");

    static final ArchRule CORE_KNOWS_NO_DEMO = noClasses()
            .that()
            .resideInAPackage(HOST + "..")
            .and()
            .resideOutsideOfPackages(DEMO, COMPOSITION_ROOT)
            .should()
            .dependOnClassesThat()
            .resideInAPackage(DEMO)
            .because("the host core knows no HR system: Factorial-specific wiring lives in demo, which only the"
                    + " composition root uses");

    static final ArchRule NO_PLUGIN_CLASSES = noClasses()
            .that()
            .resideInAPackage(HOST + "..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage("com.hirerelay.factorial..", "com.hirerelay.example..")
            .because("pf4j loads plugins at run time, each in its own class loader; the host knows them only"
                    + " through plugin-api");

    static final ArchRule SANDBOX_ONLY_IN_DEMO = noClasses()
            .that()
            .resideInAPackage(HOST + "..")
            .and()
            .resideOutsideOfPackage(DEMO)
            .should()
            .dependOnClassesThat()
            .resideInAPackage("com.hirerelay.sandbox..")
            .because("the Factorial sandbox is a demo convenience, started by the demo package alone");

    static final ArchRule COMPOSITION_ROOT_IMPORTED_BY_NOBODY = noClasses()
            .that()
            .resideOutsideOfPackage(COMPOSITION_ROOT)
            .should()
            .dependOnClassesThat()
            .resideInAPackage(COMPOSITION_ROOT)
            .because("the composition root wires everything together and sits on top");

    static final ArchRule LEAVES_USE_NO_OTHER_HOST_PACKAGE = CompositeArchRule.of(leaf("errors"))
            .and(leaf("storage"))
            .and(leaf("vault"))
            .and(leaf("metrics"));

    static final ArchRule WEB_KNOWS_NO_FEATURE = noClasses()
            .that()
            .resideInAPackage(HOST + ".web..")
            .should()
            .dependOnClassesThat(resideInAPackage(HOST + "..")
                    .and(not(resideInAPackage(HOST + ".web..")))
                    .and(not(resideInAPackage(HOST + ".errors..")))
                    .and(not(resideInAPackage(HOST + ".limits.."))))
            .because("the HTTP plumbing maps failures through the errors package: one mapper for every feature;"
                    + " it enforces the input limits every feature shares");

    static final ArchRule LIMITS_USE_ONLY_ERRORS = noClasses()
            .that()
            .resideInAPackage(HOST + ".limits..")
            .should()
            .dependOnClassesThat(resideInAPackage(HOST + "..")
                    .and(not(resideInAPackage(HOST + ".limits..")))
                    .and(not(resideInAPackage(HOST + ".errors.."))))
            .because("the input limits are one set for the web layer and every feature: they refuse through the"
                    + " errors package and know no feature");

    static final List<ArchRule> ALL = List.of(
            NO_PACKAGE_CYCLES,
            CORE_KNOWS_NO_DEMO,
            NO_PLUGIN_CLASSES,
            SANDBOX_ONLY_IN_DEMO,
            COMPOSITION_ROOT_IMPORTED_BY_NOBODY,
            LEAVES_USE_NO_OTHER_HOST_PACKAGE,
            WEB_KNOWS_NO_FEATURE,
            LIMITS_USE_ONLY_ERRORS);

    private ArchitectureRules() {}

    /** A leaf package: other host packages use it, it uses none of them. */
    private static ArchRule leaf(String name) {
        String leaf = HOST + "." + name + "..";
        return noClasses()
                .that()
                .resideInAPackage(leaf)
                .should()
                .dependOnClassesThat(resideInAPackage(HOST + "..").and(not(resideInAPackage(leaf))))
                .because(name + " is a leaf: the features use it, it uses none of them");
    }

    /** @return the host's main classes (not its tests), as the build compiled them */
    static JavaClasses hostClasses() {
        return new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_JARS)
                .importPackages(HOST);
    }
}
