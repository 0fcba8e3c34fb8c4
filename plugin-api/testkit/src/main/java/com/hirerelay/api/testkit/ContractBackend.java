package com.hirerelay.api.testkit;

/**
 * How {@link HrisPluginContract} looks into the HR system behind a plugin under test: a sandbox, a
 * recorded fake, or a folder. Implement the optional simulations if the backend can produce them; the
 * contract tests that need one are skipped (not passed) otherwise.
 */
public interface ContractBackend {

    /**
     * @param email an e-mail address, compared case-insensitively
     * @return how many employees the HR system holds with that address
     */
    long employeesWithEmail(String email);

    /** @return whether {@link #simulateRateLimit()} is supported */
    default boolean canSimulateRateLimit() {
        return false;
    }

    /** From now on until {@link #clearSimulations()}, every request is refused for load (HTTP 429 or alike). */
    default void simulateRateLimit() {
        throw new UnsupportedOperationException("this backend cannot simulate rate limiting");
    }

    /** @return whether {@link #simulateOutage()} is supported */
    default boolean canSimulateOutage() {
        return false;
    }

    /** From now on until {@link #clearSimulations()}, the HR system fails every request (HTTP 503 or alike). */
    default void simulateOutage() {
        throw new UnsupportedOperationException("this backend cannot simulate an outage");
    }

    /** Ends every simulation. Called after each contract test. */
    default void clearSimulations() {}
}
