package com.hirerelay.host.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import com.hirerelay.host.architecture.violations.cycle.a.Orders;
import com.hirerelay.host.architecture.violations.cycle.b.Invoices;
import com.hirerelay.host.errors.archviolation.ErrorNamingAUser;
import com.hirerelay.host.limits.archviolation.LimitKnowingAFeature;
import com.hirerelay.host.metrics.archviolation.MetricsKnowingAFeature;
import com.hirerelay.host.storage.JsonText;
import com.hirerelay.host.vault.CredentialVault;
import com.hirerelay.host.web.archviolation.MapperKnowingAFeature;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.EvaluationResult;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Each rule of {@link ArchitectureRules} fails on a small set of test-only classes that break it (package
 * {@code violations} and the {@code archviolation} packages), naming the offending class: a rule that cannot
 * fail would prove nothing. (The leaf rule also gets one real class of each other leaf, because a rule that
 * checks no class at all fails for that reason alone.)
 */
class ArchitectureRulesTest {

    private static final String VIOLATIONS = "com.hirerelay.host.architecture.violations.";

    static Stream<Arguments> brokenRules() {
        return Stream.of(
                Arguments.of(
                        "no package cycles",
                        ArchitectureRules.NO_PACKAGE_CYCLES,
                        List.of(Orders.class, Invoices.class),
                        Orders.class.getName()),
                Arguments.of(
                        "core knows no demo",
                        ArchitectureRules.CORE_KNOWS_NO_DEMO,
                        List.of(fixture("CoreUsingDemo")),
                        VIOLATIONS + "CoreUsingDemo"),
                Arguments.of(
                        "no plugin classes",
                        ArchitectureRules.NO_PLUGIN_CLASSES,
                        List.of(fixture("CoreUsingPluginClass")),
                        VIOLATIONS + "CoreUsingPluginClass"),
                Arguments.of(
                        "sandbox only in demo",
                        ArchitectureRules.SANDBOX_ONLY_IN_DEMO,
                        List.of(fixture("CoreUsingSandbox")),
                        VIOLATIONS + "CoreUsingSandbox"),
                Arguments.of(
                        "composition root imported by nobody",
                        ArchitectureRules.COMPOSITION_ROOT_IMPORTED_BY_NOBODY,
                        List.of(fixture("ImportsCompositionRoot")),
                        VIOLATIONS + "ImportsCompositionRoot"),
                Arguments.of(
                        "leaves use no other host package",
                        ArchitectureRules.LEAVES_USE_NO_OTHER_HOST_PACKAGE,
                        List.of(
                                ErrorNamingAUser.class,
                                JsonText.class,
                                CredentialVault.class,
                                MetricsKnowingAFeature.class),
                        ErrorNamingAUser.class.getName()),
                Arguments.of(
                        "metrics is a leaf too",
                        ArchitectureRules.LEAVES_USE_NO_OTHER_HOST_PACKAGE,
                        List.of(
                                MetricsKnowingAFeature.class,
                                ErrorNamingAUser.class,
                                JsonText.class,
                                CredentialVault.class),
                        MetricsKnowingAFeature.class.getName()),
                Arguments.of(
                        "web knows no feature",
                        ArchitectureRules.WEB_KNOWS_NO_FEATURE,
                        List.of(MapperKnowingAFeature.class),
                        MapperKnowingAFeature.class.getName()),
                Arguments.of(
                        "limits use only errors",
                        ArchitectureRules.LIMITS_USE_ONLY_ERRORS,
                        List.of(LimitKnowingAFeature.class),
                        LimitKnowingAFeature.class.getName()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("brokenRules")
    void aRuleFailsOnClassesThatBreakItAndNamesTheOffender(
            String name, ArchRule rule, List<Class<?>> violating, String offender) {
        EvaluationResult result = rule.evaluate(new ClassFileImporter().importClasses(violating));

        assertThat(result.hasViolation())
                .as("the rule '%s' reports a violation", name)
                .isTrue();
        assertThat(result.getFailureReport().getDetails())
                .as("the violations of '%s' name the offending class", name)
                .anyMatch(detail -> detail.contains(offender));
    }

    @Test
    void everyRuleIsShownToFail() {
        assertThat(brokenRules().map(arguments -> arguments.get()[1]).distinct().toList())
                .as("the rules with a violating class set above")
                .containsExactlyInAnyOrderElementsOf(ArchitectureRules.ALL);
    }

    @Test
    void theHostsOwnClassesAreWhatTheRulesCheck() {
        assertThat(ArchitectureRules.hostClasses())
                .as("classes imported for the architecture rules")
                .anyMatch(javaClass -> javaClass.getName().equals("com.hirerelay.host.app.HireRelayHost"))
                .noneMatch(javaClass -> javaClass.getPackageName().contains("violation"));
    }

    private static Class<?> fixture(String simpleName) {
        try {
            return Class.forName(VIOLATIONS + simpleName);
        } catch (ClassNotFoundException missing) {
            throw new IllegalStateException("No violating class " + simpleName, missing);
        }
    }
}
