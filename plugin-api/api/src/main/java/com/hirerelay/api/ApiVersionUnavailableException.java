package com.hirerelay.api;

/**
 * The HR system no longer serves the API version the connection is set to (for example HTTP 410 Gone, or
 * a 404 for the version's whole path). Every call will fail the same way until an admin moves the
 * connection to a supported version, so a host marks the connection as needing attention with this
 * message and stops exports, instead of retrying. Thrown by every method of
 * {@link com.hirerelay.api.hris.HrisConnection} that calls the HR system (see its failure list).
 */
public class ApiVersionUnavailableException extends HrisException {

    private static final long serialVersionUID = 1L;

    private final String apiVersion;

    /**
     * @param apiVersion the version that is no longer served; not blank
     * @param message what happened and what an admin should do; never a secret
     */
    public ApiVersionUnavailableException(String apiVersion, String message) {
        super(message, null);
        this.apiVersion = com.hirerelay.api.internal.Require.notBlank(apiVersion, "API version");
    }

    /** @return the API version the HR system no longer serves */
    public String apiVersion() {
        return apiVersion;
    }
}
