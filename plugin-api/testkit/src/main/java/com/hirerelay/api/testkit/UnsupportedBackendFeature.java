package com.hirerelay.api.testkit;

/**
 * Thrown by a {@link ContractBackend} asked to do what it cannot: the kit test that needed it fails with
 * "your backend does not support X: implement Y", never a skip. Backends throw it for a fault kind or an
 * operation they cannot simulate.
 */
public class UnsupportedBackendFeature extends AssertionError {

    private static final long serialVersionUID = 1L;

    /**
     * @param feature what the kit asked for, for example "injecting a rate limit on FIND_EMPLOYEE"
     * @param implement what to implement to support it, for example "ContractBackend.inject"
     */
    public UnsupportedBackendFeature(String feature, String implement) {
        super("your backend does not support " + feature + ": implement " + implement);
    }
}
