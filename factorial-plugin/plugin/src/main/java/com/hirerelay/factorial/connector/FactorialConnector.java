package com.hirerelay.factorial.connector;

import com.hirerelay.api.hris.ConnectionSettings;
import com.hirerelay.api.hris.ConnectorInfo;
import com.hirerelay.api.hris.HrisConnection;
import com.hirerelay.api.hris.HrisConnector;
import com.hirerelay.api.hris.HrisRequestListener;
import com.hirerelay.api.hris.RateBudget;
import com.hirerelay.factorial.FactorialPlugin;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.pf4j.Extension;

/**
 * Factorial HR as an {@link HrisConnector}.
 */
@Extension
public class FactorialConnector implements HrisConnector {

    /** The connector id the host stores; never changes. */
    public static final String ID = FactorialPlugin.CONNECTOR_ID;

    private static final ConnectorInfo INFO = new ConnectorInfo(
            ID,
            "FactorialHr",
            "Create Factorial employees from hired candidates, with their contract, team and manager.",
            URI.create("https://help.factorialhr.com/how-to-create-api-keys-in-factorial"),
            logo());

    /** Our own letter mark (not Factorial's trademark), as a base64 data URI so it is a legal URI. */
    private static URI logo() {
        String svg = "<svg xmlns='http://www.w3.org/2000/svg' viewBox='0 0 40 40'>"
                + "<rect width='40' height='40' rx='8' fill='#e51943'/>"
                + "<text x='20' y='27' font-family='sans-serif' font-size='20' font-weight='bold'"
                + " fill='white' text-anchor='middle'>F</text></svg>";
        return URI.create("data:image/svg+xml;base64,"
                + Base64.getEncoder().encodeToString(svg.getBytes(StandardCharsets.UTF_8)));
    }

    @Override
    public ConnectorInfo info() {
        return INFO;
    }

    /** Opens a connection with a POST budget of its own: Factorial's limit is then kept per connection only. */
    @Override
    public HrisConnection open(ConnectionSettings settings) {
        return new FactorialConnection(settings);
    }

    /**
     * Opens a connection that spends the host's budget, so that every connection and host instance with the same
     * API key keeps together under Factorial's 200 POSTs a minute.
     */
    @Override
    public HrisConnection open(ConnectionSettings settings, RateBudget budget) {
        return new FactorialConnection(settings, budget, HrisRequestListener.NONE);
    }

    /**
     * Opens a connection that spends the host's budget and reports every request to Factorial to the listener.
     */
    @Override
    public HrisConnection open(ConnectionSettings settings, RateBudget budget, HrisRequestListener listener) {
        return new FactorialConnection(settings, budget, listener);
    }
}
