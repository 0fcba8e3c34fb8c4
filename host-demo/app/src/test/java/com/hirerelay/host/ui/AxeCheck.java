package com.hirerelay.host.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.deque.html.axecore.results.CheckedNode;
import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.results.Rule;
import com.deque.html.axecore.selenium.AxeBuilder;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * axe-core, run inside the page the browser shows now, against WCAG 2.0 and 2.1 level A and AA. The script is
 * the axe.min.js inside Deque's Maven artifact, injected by the test: nothing is fetched at test time.
 */
final class AxeCheck {

    private static final List<String> WCAG_AA = List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa");
    /**
     * Rules axe-core ships as experimental, so the tags above leave them out: WCAG 2.5.3 (label in name), a
     * visible "Move to…" whose accessible name does not contain those words cannot be spoken to by voice control.
     */
    private static final List<String> EXTRA_RULES = List.of("label-content-name-mismatch");

    private static final Set<String> BLOCKING = Set.of("serious", "critical");

    private AxeCheck() {}

    /** Fails with each serious or critical violation on the current screen: rule, help and the elements. */
    static void assertNoSeriousViolations(Browser browser, String screen) {
        Results results =
                new AxeBuilder().withTags(WCAG_AA).withRules(EXTRA_RULES).analyze(browser.driver());
        assertThat(results.getErrorMessage()).as("axe-core ran on %s", screen).isNull();
        List<Rule> blocking = results.getViolations().stream()
                .filter(rule -> BLOCKING.contains(rule.getImpact()))
                .toList();
        assertThat(blocking)
                .as("serious or critical accessibility violations on %s:%n%s", screen, describe(blocking))
                .isEmpty();
    }

    private static String describe(List<Rule> rules) {
        return rules.stream()
                .map(rule -> "- " + rule.getId() + " (" + rule.getImpact() + "): " + rule.getHelp() + "\n"
                        + rule.getNodes().stream()
                                .limit(5)
                                .map(AxeCheck::describe)
                                .collect(Collectors.joining("\n")))
                .collect(Collectors.joining("\n"));
    }

    private static String describe(CheckedNode node) {
        return "    " + node.getTarget() + " " + node.getFailureSummary().replace('\n', ' ');
    }
}
