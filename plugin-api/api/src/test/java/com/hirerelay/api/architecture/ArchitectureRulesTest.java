package com.hirerelay.api.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import com.hirerelay.api.architecture.violations.ApiUsingAThirdPartyType;
import com.hirerelay.api.architecture.violations.cycle.a.Requests;
import com.hirerelay.api.architecture.violations.cycle.b.Replies;
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
 * Each rule of {@link ArchitectureRules} fails on a few test-only classes that break it (package
 * {@code violations}), naming the offending class.
 */
class ArchitectureRulesTest {

    static Stream<Arguments> brokenRules() {
        return Stream.of(
                Arguments.of(
                        "no package cycles",
                        ArchitectureRules.NO_PACKAGE_CYCLES,
                        List.of(Requests.class, Replies.class),
                        Requests.class.getName()),
                Arguments.of(
                        "only pf4j and the JDK",
                        ArchitectureRules.ONLY_PF4J_AND_THE_JDK,
                        List.of(ApiUsingAThirdPartyType.class),
                        ApiUsingAThirdPartyType.class.getName()));
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
        assertThat(brokenRules().map(arguments -> arguments.get()[1]).toList())
                .as("the rules with a violating class set above")
                .containsExactlyInAnyOrderElementsOf(ArchitectureRules.ALL);
    }

    @Test
    void theApisOwnClassesAreWhatTheRulesCheck() {
        assertThat(ArchitectureRules.apiClasses())
                .as("classes imported for the architecture rules")
                .anyMatch(javaClass -> javaClass.getName().equals("com.hirerelay.api.hris.HrisConnector"))
                .noneMatch(javaClass -> javaClass.getPackageName().contains("violations"));
    }
}
