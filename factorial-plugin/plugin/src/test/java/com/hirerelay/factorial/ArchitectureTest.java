package com.hirerelay.factorial;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The Factorial plugin's architecture rules (defined here, the one place for this module) hold for its main
 * classes. How such rules fail when broken is shown once, in the plugin API's and the host's
 * {@code ArchitectureRulesTest}.
 */
class ArchitectureTest {

    static final ArchRule NO_PACKAGE_CYCLES = slices().matching("com.hirerelay.(**)")
            .should()
            .beFreeOfCycles()
            .because("connector uses client, mapping and settings; settings knows the connector only by the id in"
                    + " FactorialPlugin");

    static final ArchRule NO_HOST_AND_NO_SANDBOX = noClasses()
            .that()
            .resideInAPackage("com.hirerelay.factorial..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage("com.hirerelay.host..", "com.hirerelay.sandbox..", "com.hirerelay.example..")
            .because("the plugin knows the host only through plugin-api, and the sandbox is a test double that"
                    + " never ships inside the plugin jar");

    static final ArchRule HTTP_ONLY_IN_THE_CLIENT = noClasses()
            .that()
            .resideInAPackage("com.hirerelay.factorial..")
            .and()
            .resideOutsideOfPackage("com.hirerelay.factorial.client..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage("jakarta.ws.rs..", "org.glassfish.jersey..", "org.apache.hc..", "java.net.http..")
            .because("one client talks to Factorial: its rate limiting, retries and error mapping apply to every"
                    + " call");

    private static JavaClasses plugin;

    @BeforeAll
    static void importThePlugin() {
        plugin = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_JARS)
                .importPackages("com.hirerelay.factorial");
    }

    @Test
    void noTwoPackagesDependOnEachOtherInACircle() {
        NO_PACKAGE_CYCLES.check(plugin);
    }

    @Test
    void thePluginLinksAgainstNoHostAndNoSandboxClass() {
        NO_HOST_AND_NO_SANDBOX.check(plugin);
    }

    @Test
    void onlyTheClientTalksHttp() {
        HTTP_ONLY_IN_THE_CLIENT.check(plugin);
    }
}
