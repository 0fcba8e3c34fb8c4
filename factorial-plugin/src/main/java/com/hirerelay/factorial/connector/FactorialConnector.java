package com.hirerelay.factorial.connector;

import com.hirerelay.api.hris.ConnectionSettings;
import com.hirerelay.api.hris.ConnectorInfo;
import com.hirerelay.api.hris.HrisConnection;
import com.hirerelay.api.hris.HrisConnector;
import java.net.URI;
import org.pf4j.Extension;

/**
 * Factorial HR as an {@link HrisConnector}.
 */
@Extension
public class FactorialConnector implements HrisConnector {

    /** The connector id the host stores; never changes. */
    public static final String ID = "factorial";

    private static final ConnectorInfo INFO = new ConnectorInfo(
            ID,
            "FactorialHr",
            "Create Factorial employees from hired candidates, with their contract, team and manager.",
            URI.create("https://help.factorialhr.com/how-to-create-api-keys-in-factorial"),
            URI.create("data:image/svg+xml;utf8,<svg xmlns='http://www.w3.org/2000/svg' viewBox='0 0 40 40'>"
                    + "<rect width='40' height='40' rx='8' fill='%23e51943'/>"
                    + "<text x='20' y='27' font-family='sans-serif' font-size='20' font-weight='bold'"
                    + " fill='white' text-anchor='middle'>F</text></svg>"));

    @Override
    public ConnectorInfo info() {
        return INFO;
    }

    @Override
    public HrisConnection open(ConnectionSettings settings) {
        return new FactorialConnection(settings);
    }
}
