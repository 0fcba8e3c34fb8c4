package com.hirerelay.api.testkit;

import java.util.List;

/**
 * The HR system behind a plugin under test, as {@link HrisPluginContract} steers and inspects it: a
 * sandbox of the real system, a fake, or a decorator around the plugin's storage. The kit needs to make
 * it misbehave on purpose (a status on the next call of an operation, a lost answer after commit,
 * latency, a page size) and to read back what arrived.
 *
 * <p>Only {@link #employeesWithEmail} is abstract; every other method fails by default with "your
 * backend does not support X: implement Y", so a backend that cannot simulate something makes the
 * kit tests that need it fail, never pass or skip. For a simple HR system with a JSON API,
 * {@link com.hirerelay.api.testkit.fake.FakeHrSystem} implements all of it over real HTTP.
 *
 * <p>Thread-safe: the kit's concurrency tests call the plugin, and so the backend, from several threads.
 */
public interface ContractBackend {

    /** For {@link #inject}: the fault applies to every later call of the operation until {@link #reset()}. */
    int EVERY_CALL = Integer.MAX_VALUE;

    /**
     * @param email an e-mail address, compared case-insensitively
     * @return how many employees the HR system holds with that address
     */
    long employeesWithEmail(String email);

    /**
     * Needed only for a plugin that declares {@link com.hirerelay.api.Capability#DOCUMENTS}.
     *
     * @param employeeId the HR system's id of an employee
     * @return how many documents the HR system holds in that employee's file
     */
    default long documentsOf(String employeeId) {
        throw new UnsupportedBackendFeature(
                "counting an employee's documents", "ContractBackend.documentsOf(employeeId)");
    }

    /**
     * Queues a fault for the next {@code times} calls of an operation. Faults for one operation are used
     * in the order they were injected: a fault queued behind another applies once the first is used up,
     * so {@code inject(FIND_EMPLOYEE, none(), 2)} followed by {@code inject(FIND_EMPLOYEE, unavailable(),
     * EVERY_CALL)} lets two look-ups through and fails the rest. A backend that cannot play a fault kind on
     * an operation throws {@link UnsupportedBackendFeature}.
     *
     * @param operation the operation to aim at; never {@link BackendOperation#OTHER}
     * @param fault what to do
     * @param times for how many calls, at least 1, or {@link #EVERY_CALL}
     */
    default void inject(BackendOperation operation, BackendFault fault, int times) {
        throw new UnsupportedBackendFeature(
                "injecting " + fault + " on " + operation, "ContractBackend.inject(operation, fault, times)");
    }

    /**
     * Serves every list (reference lists and employee look-ups) in pages of at most {@code size} entries
     * from now on, until {@link #reset()}, whatever page size the plugin asks for.
     *
     * @param size entries per page, at least 1
     */
    default void usePageSize(int size) {
        throw new UnsupportedBackendFeature("a page size of " + size, "ContractBackend.usePageSize(size)");
    }

    /**
     * Serves every reference list with only its first entry from now on, until {@link #reset()}: an HR system
     * in which each select of the draft has a single choice. The kit checks with it that a connector never
     * preselects a choice because it is the only one.
     */
    default void offerOnlyOneChoicePerList() {
        throw new UnsupportedBackendFeature(
                "offering a single choice in each reference list", "ContractBackend.offerOnlyOneChoicePerList()");
    }

    /**
     * @return every call that arrived since the last {@link #reset()}, in arrival order
     */
    default List<BackendCall> calls() {
        throw new UnsupportedBackendFeature("reading back the calls that arrived", "ContractBackend.calls()");
    }

    /**
     * Drops every queued fault, the page size, a single-choice offer and the recorded calls (not the employees). The kit calls it
     * before and after each test.
     */
    default void reset() {}
}
