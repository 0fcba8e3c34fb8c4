package com.hirerelay.api;

/**
 * The connection was asked for something it does not declare among its
 * {@linkplain com.hirerelay.api.hris.HrisConnection#capabilities() capabilities}. The default methods of
 * the SPI throw it, so a connector that implements no capability need not write a line for it; a host
 * that checks the declared capabilities first never sees it.
 *
 * @since 1.3.0
 */
public class CapabilityNotSupportedException extends HrisException {

    private static final long serialVersionUID = 1L;

    private final Capability capability;

    /**
     * @param capability what was asked for; not null
     * @param message why it is not available, for people
     */
    public CapabilityNotSupportedException(Capability capability, String message) {
        super(message, null);
        this.capability = java.util.Objects.requireNonNull(capability, "capability");
    }

    /**
     * @return the capability the connection does not have
     */
    public Capability capability() {
        return capability;
    }
}
