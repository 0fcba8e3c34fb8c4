package com.hirerelay.host.integrations;

import com.hirerelay.api.hris.HrisConnection;
import java.util.Map;

/**
 * The integrations as one request sees them: their states are read once, with one query, however often the
 * request asks (menus of a whole page, the checks and the connection of an export). A request sees the state of
 * when it first asked; the next request reads again, so a change made by another request or another process
 * counts from the next request on.
 *
 * <p>Not thread-safe: one per request.
 */
public final class IntegrationSnapshot implements ConnectionStates {

    private final IntegrationService service;
    private Map<String, IntegrationState> states;

    IntegrationSnapshot(IntegrationService service) {
        this.service = service;
    }

    @Override
    public IntegrationStatus status(String connectorId) {
        IntegrationState state = states().get(connectorId);
        return state == null ? IntegrationStatus.NOT_CONNECTED : state.status();
    }

    @Override
    public void requireUsable(String connectorId) {
        IntegrationService.requireUsable(states().get(connectorId));
    }

    @Override
    public ConnectionStates snapshot() {
        return this;
    }

    /**
     * @return the open connection of a connected connector, opened from its stored settings only when they are
     *         newer than the connection the host has open
     * @throws com.hirerelay.host.errors.RequestRefusedException when it is not connected or needs reconnection
     */
    public HrisConnection connection(String connectorId) {
        IntegrationState state = states().get(connectorId);
        IntegrationService.requireUsable(state);
        return service.openConnection(state);
    }

    private Map<String, IntegrationState> states() {
        if (states == null) {
            states = service.readStates();
        }
        return states;
    }
}
