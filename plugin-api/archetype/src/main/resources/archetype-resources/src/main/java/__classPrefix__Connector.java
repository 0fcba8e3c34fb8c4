package ${package};

import com.hirerelay.api.hris.ConnectionContext;
import com.hirerelay.api.hris.ConnectionSettings;
import com.hirerelay.api.hris.ConnectorInfo;
import com.hirerelay.api.hris.HrisConnection;
import com.hirerelay.api.hris.HrisConnector;
import org.pf4j.Extension;

/** ${hrSystemName} as an HRIS connector: a factory that opens one connection per connected account, without I/O. */
@Extension
public class ${classPrefix}Connector implements HrisConnector {

    /** The connector id hosts store; never change it once the plugin is in use. */
    public static final String ID = "${connectorId}";

    private static final ConnectorInfo INFO = new ConnectorInfo(
            ID, "${hrSystemName}", "Creates ${hrSystemName} employees from hired candidates.", null, null);

    @Override
    public ConnectorInfo info() {
        return INFO;
    }

    /** Opened without a host (a tool, a test): the system clock ages the cached reference data. */
    @Override
    public HrisConnection open(ConnectionSettings settings) {
        return new ${classPrefix}Connection(settings, java.time.Clock.systemUTC());
    }

    /** Hosts open connections here: the host's clock ages the cached reference data, as the plugin API asks. */
    @Override
    public HrisConnection open(ConnectionSettings settings, ConnectionContext context) {
        return new ${classPrefix}Connection(settings, context.clock());
    }
}
