package com.hirerelay.api.testkit;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectMethod;

import java.lang.reflect.Method;
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

    /**
     * Runs one test of the class, every invocation of it when it is parameterised, on this thread, and waits
     * for the end: for a broken variant whose rule's test is known, when the rest of the contract against it
     * would prove nothing more and cost a full run against a slow backend.
     *
     * @param contractClass the contract test class to run
     * @param testName the name of a test method it declares or inherits
     * @return what happened
     * @throws IllegalArgumentException if the class has no test of that name
     * @since 1.3.0
     */
    public static ContractRun ofTest(Class<?> contractClass, String testName) {
        Method test = null;
        for (Class<?> type = contractClass; type != null && test == null; type = type.getSuperclass()) {
            for (Method method : type.getDeclaredMethods()) {
                if (method.getName().equals(testName)) {
                    test = method;
                }
            }
        }
        if (test == null) {
            throw new IllegalArgumentException(contractClass.getName() + " has no test named " + testName);
        }
        LauncherDiscoveryRequest request = LauncherDiscoveryRequestBuilder.request()
                .selectors(selectMethod(contractClass, test))
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
