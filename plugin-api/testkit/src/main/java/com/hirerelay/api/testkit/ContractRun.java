package com.hirerelay.api.testkit;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.junit.platform.engine.support.descriptor.MethodSource;
import org.junit.platform.launcher.LauncherDiscoveryRequest;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;
import org.junit.platform.launcher.listeners.SummaryGeneratingListener;
import org.junit.platform.launcher.listeners.TestExecutionSummary;

/**
 * One run of a contract test class ({@link HrisPluginContract} or {@link HrisMatchContract} subclass) from
 * inside another test, outside the build's own test run: how a plugin proves that the kit catches a
 * deliberately broken variant of it. The class to run is usually a nested static class that surefire leaves
 * alone, configured through a static field before the run.
 */
public final class ContractRun {

    private final TestExecutionSummary summary;

    private ContractRun(TestExecutionSummary summary) {
        this.summary = summary;
    }

    /**
     * Runs every test of the class, on this thread, and waits for the end.
     *
     * @param contractClass the contract test class to run
     * @return what happened
     */
    public static ContractRun of(Class<?> contractClass) {
        LauncherDiscoveryRequest request = LauncherDiscoveryRequestBuilder.request()
                .selectors(selectClass(contractClass))
                .build();
        SummaryGeneratingListener listener = new SummaryGeneratingListener();
        LauncherFactory.create().execute(request, listener);
        return new ContractRun(listener.getSummary());
    }

    /** @return how many tests ran to a verdict (passed or failed; aborted ones not counted) */
    public long testsRun() {
        return summary.getTestsSucceededCount() + summary.getTestsFailedCount();
    }

    /**
     * @return the method names of the failed tests, a parameterised test once per failed invocation (by
     *         name, not by unique id: the id's format differs between JUnit versions)
     */
    public List<String> failedTests() {
        return summary.getFailures().stream()
                .map(failure -> failure.getTestIdentifier().getSource())
                .flatMap(Optional::stream)
                .filter(MethodSource.class::isInstance)
                .map(source -> ((MethodSource) source).getMethodName())
                .toList();
    }

    /** @return each failure's display name and message, one a line, for an assertion's description */
    public String failures() {
        return summary.getFailures().stream()
                .map(failure -> failure.getTestIdentifier().getDisplayName() + ": "
                        + failure.getException().getMessage())
                .collect(Collectors.joining("\n"));
    }
}
