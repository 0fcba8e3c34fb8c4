package com.hirerelay.api;

/**
 * Something a connection can do beyond exporting a new employee, which not every HR system (or every
 * account of one) offers. A connection declares its capabilities in {@link com.hirerelay.api.hris.HrisConnection#capabilities()};
 * the host offers a capability's actions only on connections that declare it, and the capability's methods
 * on a connection that does not declare it refuse with
 * {@link CapabilityNotSupportedException}.
 *
 * <p>New constants may be added in a minor version of the API; hosts ignore constants they do not know.
 *
 * @since 1.3.0
 */
public enum Capability {

    /**
     * Uploads the candidate's documents (a CV, a signed offer letter) to the employee's file, once per
     * document: {@link com.hirerelay.api.hris.HrisConnection#uploadDocument}.
     */
    DOCUMENTS("Documents"),

    /**
     * Keeps an employee that an export created or linked in step with the candidate: reads what the HR
     * system holds now ({@link com.hirerelay.api.hris.HrisConnection#currentValues}) and sends chosen changes
     * ({@link com.hirerelay.api.hris.HrisConnection#update}), each field by the route the HR system takes it.
     *
     * @since 1.3.0
     */
    UPDATE_EMPLOYEE("Update employees");

    private final String label;

    Capability(String label) {
        this.label = label;
    }

    /**
     * @return the capability in words, as the host shows it on an integration
     */
    public String label() {
        return label;
    }
}
